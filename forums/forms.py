"""Forms for writing in the forums. Attachments get the checks of
network.uploads."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from network.models import User
from network.uploads import AttachmentsField

from .models import ThreadKind


class PostForm(forms.Form):
    body = forms.CharField(
        label=_("Your message"),
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "Markdown: *italic*, **bold**, - lists, > quotes, [text](link). "
            "Mention a colleague with @ and their profile address, e.g. @anna-de-vries."
        ),
    )
    attachments = AttachmentsField(
        label=_("Attachments"),
        required=False,
        help_text=_(
            "At most 5 files of 10 MB: PDF, Office, OpenDocument, text, images."
        ),
    )
    not_a_bsn = forms.BooleanField(
        label=_("I checked it: this number is not a citizen service number (BSN)"),
        required=False,
    )

    def __init__(self, *args, ask_bsn_confirmation=False, **kwargs):
        super().__init__(*args, **kwargs)
        if not ask_bsn_confirmation:
            self.fields["not_a_bsn"].widget = forms.HiddenInput()


class ThreadForm(PostForm):
    title = forms.CharField(label=_("Title"), max_length=150)
    kind = forms.ChoiceField(
        label=_("What is it?"),
        choices=ThreadKind.choices,
        initial=ThreadKind.QUESTION,
        widget=forms.RadioSelect,
    )
    field_order = ["title", "kind", "body", "attachments", "not_a_bsn"]


class EditPostForm(PostForm):
    """Text only: attachments stay as they were."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["attachments"]


class GroupInviteForm(forms.Form):
    """A group manager invites a colleague by the address of their account."""

    email = forms.EmailField(
        label=_("Their e-mail address (they need an account)"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )

    def clean_email(self):
        email = self.cleaned_data["email"]
        self.user = User.objects.filter(email__iexact=email, is_active=True).first()
        if self.user is None:
            raise ValidationError(
                _("Nobody with an account uses %(email)s. Ask them to register first.")
                % {"email": email},
                code="no-account",
            )
        return email
