"""The answer form of a consultation, made from its questions."""

from django import forms
from django.utils.translation import gettext_lazy as _

from network.forms import BsnGuard

from .models import QuestionKind

OPEN_MAX_LENGTH = 4000


class ConsultationForm(BsnGuard, forms.Form):
    """One field per question, named by its id; open answers pass the BSN
    guard like every text about pupils."""

    not_a_bsn = forms.BooleanField(
        label=_("The number in my text is not a citizen service number (BSN)"),
        required=False,
    )

    def __init__(self, *args, questions, **kwargs):
        super().__init__(*args, **kwargs)
        not_a_bsn = self.fields.pop("not_a_bsn")
        guarded = []
        for question in questions:
            name = f"q{question.pk}"
            self.fields[name] = self._field(question)
            if question.kind == QuestionKind.OPEN:
                guarded.append(name)
        self.guarded_fields = tuple(guarded)
        if guarded:
            self.fields["not_a_bsn"] = not_a_bsn

    @staticmethod
    def _field(question):
        common = {"label": question.text, "required": question.required}
        options = [(option, option) for option in question.options()]
        if question.kind == QuestionKind.SINGLE:
            return forms.ChoiceField(
                choices=options, widget=forms.RadioSelect, **common
            )
        if question.kind == QuestionKind.MULTIPLE:
            return forms.MultipleChoiceField(
                choices=options, widget=forms.CheckboxSelectMultiple, **common
            )
        if question.kind == QuestionKind.SCALE:
            labels = {"1": question.scale_low, "5": question.scale_high}
            choices = [
                (value, f"{value} ({labels[value]})" if labels.get(value) else value)
                for value, _label in options
            ]
            return forms.ChoiceField(
                choices=choices, widget=forms.RadioSelect, **common
            )
        return forms.CharField(
            max_length=OPEN_MAX_LENGTH,
            widget=forms.Textarea(attrs={"rows": 4, "maxlength": OPEN_MAX_LENGTH}),
            **common,
        )

    def values(self) -> dict:
        """{question id: the answer} for consultations.submit."""
        return {
            int(name[1:]): value
            for name, value in self.cleaned_data.items()
            if name.startswith("q")
        }
