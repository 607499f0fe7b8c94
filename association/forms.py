from django import forms
from django.utils.translation import gettext_lazy as _

from network.forms import BsnGuard

from .models import Signal, SignalTheme


class SignalForm(BsnGuard, forms.ModelForm):
    guarded_fields = ("what", "effect", "alliance", "municipality")
    not_a_bsn = forms.BooleanField(
        label=_("The number in my text is not a citizen service number (BSN)"),
        required=False,
    )

    class Meta:
        model = Signal
        fields = [
            "theme",
            "what",
            "since",
            "effect",
            "alliance",
            "municipality",
            "may_name_school",
        ]
        widgets = {
            "theme": forms.RadioSelect,
            "since": forms.RadioSelect,
            "what": forms.Textarea(attrs={"rows": 6}),
            "effect": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "what": _(
                "What happens, and with whom (the samenwerkingsverband, a "
                "municipality, youth care…). Describe pupils in general terms only."
            ),
            "alliance": _("If the signal is about one; optional."),
            "municipality": _("If the signal is about one; optional."),
        }

    def __init__(self, *args, school=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].queryset = SignalTheme.objects.all()
        self.fields["theme"].empty_label = None
        self.fields["since"].choices = self.fields["since"].choices[1:]
        if school is not None and not self.is_bound:
            self.fields["alliance"].initial = school.alliance
        for field in self.fields.values():
            if getattr(field, "max_length", None):
                field.widget.attrs["maxlength"] = str(field.max_length)


class ReporterMessageForm(BsnGuard, forms.Form):
    guarded_fields = ("text",)
    text = forms.CharField(
        label=_("Add to your signal"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5, "maxlength": "4000"}),
        help_text=_("Only the association's policy advisers read this."),
    )
    not_a_bsn = forms.BooleanField(
        label=_("The number in my text is not a citizen service number (BSN)"),
        required=False,
    )
