"""The helpdesk's forms: a member's question and additions, and the advisers'
work on a case in the admin."""

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from network.forms import BsnGuard
from network.uploads import AttachmentsField

from .models import ADVISERS_GROUP, Case, CaseMessageKind, CaseStatus, SignalTheme

NOT_A_BSN = _("The number in my text is not a citizen service number (BSN)")


def _limit_lengths(form) -> None:
    """The browser stops at the same length the server does."""
    for field in form.fields.values():
        if getattr(field, "max_length", None):
            field.widget.attrs["maxlength"] = str(field.max_length)


class AskForm(BsnGuard, forms.ModelForm):
    guarded_fields = ("subject", "question")
    attachments = AttachmentsField(
        label=_("Attachments"),
        required=False,
        help_text=_(
            "At most 5 files of 10 MB: PDF, Word, Excel, PowerPoint, "
            "OpenDocument, text or an image."
        ),
    )
    not_a_bsn = forms.BooleanField(label=NOT_A_BSN, required=False)

    class Meta:
        model = Case
        fields = ["subject", "theme", "question", "share_with_coordinator"]
        widgets = {
            "theme": forms.RadioSelect,
            "question": forms.Textarea(attrs={"rows": 8}),
        }
        help_texts = {
            "subject": _("A few words; we show answers that may help as you type."),
            "question": _(
                "Only the association's policy advisers read this. Describe a "
                "pupil in general terms, never by name or number."
            ),
            "share_with_coordinator": _(
                "Leave this off and only you and the association's advisers "
                "see the question."
            ),
        }

    field_order = [
        "subject",
        "theme",
        "question",
        "attachments",
        "share_with_coordinator",
        "not_a_bsn",
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].queryset = SignalTheme.objects.all()
        self.fields["theme"].empty_label = None
        self.fields["subject"].widget.attrs["autocomplete"] = "off"
        _limit_lengths(self)


class MemberMessageForm(BsnGuard, forms.Form):
    guarded_fields = ("text",)
    text = forms.CharField(
        label=_("Your addition"),
        max_length=6000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Only the association's policy advisers read this."),
    )
    attachments = AttachmentsField(label=_("Attachments"), required=False)
    not_a_bsn = forms.BooleanField(label=NOT_A_BSN, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _limit_lengths(self)


class AdviserMessageForm(BsnGuard, forms.Form):
    guarded_fields = ("text",)
    kind = forms.ChoiceField(
        label=_("What is it"),
        choices=[
            (CaseMessageKind.REPLY, _("An answer to the member")),
            (CaseMessageKind.ASK_MORE, _("A question to the member (waits for them)")),
            (CaseMessageKind.NOTE, _("An internal note (advisers only)")),
        ],
        initial=CaseMessageKind.REPLY,
        widget=forms.RadioSelect,
    )
    text = forms.CharField(
        label=_("Text"), max_length=6000, widget=forms.Textarea(attrs={"rows": 8})
    )
    not_a_bsn = forms.BooleanField(label=NOT_A_BSN, required=False)


def adviser_accounts():
    return (
        get_user_model()
        .objects.filter(Q(groups__name=ADVISERS_GROUP) | Q(is_superuser=True))
        .filter(is_active=True)
        .distinct()
        .order_by("first_name", "last_name", "email")
    )


class AdviserChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.get_full_name() or obj.email


class AssignForm(forms.Form):
    assignee = AdviserChoice(
        label=_("Adviser"),
        queryset=adviser_accounts(),
        required=False,
        empty_label=_("nobody yet"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Evaluated per form: advisers join and leave.
        self.fields["assignee"].queryset = adviser_accounts()


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=CaseStatus.choices)


class MergeForm(forms.Form):
    into = forms.IntegerField(
        label=_("Merge into question number"),
        min_value=1,
        max_value=2**31 - 1,
        help_text=_(
            "This question and everything on it moves there. Only questions of "
            "the same member can be merged."
        ),
    )

    def clean_into(self):
        number = self.cleaned_data["into"]
        case = Case.objects.filter(pk=number).first()
        if case is None:
            raise forms.ValidationError(
                _("There is no question #%(number)s.") % {"number": number}
            )
        return case
