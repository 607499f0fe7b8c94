"""Forms for writing in the forums. Attachments are checked by size, by name
and by their first bytes, so a renamed program does not pass for a PDF. Images,
which every reader's browser decodes inline, are also checked like profile
photos (network.images)."""

from django import forms
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from network.images import check_image
from network.models import User

from .models import ThreadKind

MAX_ATTACHMENTS = 5
MAX_ATTACHMENT_SIZE = 10 * 1024 * 1024
ZIP = b"PK\x03\x04"
# extension: (content type, accepted first bytes or None for plain text)
ALLOWED_TYPES = {
    "pdf": ("application/pdf", [b"%PDF"]),
    "docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [ZIP],
    ),
    "xlsx": (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        [ZIP],
    ),
    "pptx": (
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        [ZIP],
    ),
    "odt": ("application/vnd.oasis.opendocument.text", [ZIP]),
    "ods": ("application/vnd.oasis.opendocument.spreadsheet", [ZIP]),
    "txt": ("text/plain", None),
    "png": ("image/png", [b"\x89PNG\r\n\x1a\n"]),
    "jpg": ("image/jpeg", [b"\xff\xd8\xff"]),
    "jpeg": ("image/jpeg", [b"\xff\xd8\xff"]),
    "gif": ("image/gif", [b"GIF87a", b"GIF89a"]),
}


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class AttachmentsField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else ([data] if data else [])
        if len(files) > MAX_ATTACHMENTS:
            raise ValidationError(
                _("Attach at most %(count)s files.") % {"count": MAX_ATTACHMENTS}
            )
        return [check_upload(super(AttachmentsField, self).clean(f)) for f in files]


def check_upload(upload):
    name = upload.name or ""
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension not in ALLOWED_TYPES:
        raise ValidationError(
            _("%(name)s: this kind of file cannot be attached. Allowed: %(types)s.")
            % {"name": name, "types": ", ".join(sorted(ALLOWED_TYPES))}
        )
    if upload.size > MAX_ATTACHMENT_SIZE:
        raise ValidationError(
            _("%(name)s is %(size)s; the limit is %(limit)s.")
            % {
                "name": name,
                "size": filesizeformat(upload.size),
                "limit": filesizeformat(MAX_ATTACHMENT_SIZE),
            }
        )
    content_type, signatures = ALLOWED_TYPES[extension]
    head = upload.read(16)
    upload.seek(0)
    if signatures is not None and not any(head.startswith(s) for s in signatures):
        raise ValidationError(
            _("%(name)s does not look like a .%(extension)s file.")
            % {"name": name, "extension": extension}
        )
    if signatures is None and b"\x00" in upload.read(4096):
        raise ValidationError(
            _("%(name)s does not look like a text file.") % {"name": name}
        )
    upload.seek(0)
    if content_type.startswith("image/"):
        try:
            check_image(upload)
        except ValidationError as error:
            raise ValidationError(
                _("%(name)s: %(problem)s")
                % {"name": name, "problem": " ".join(error.messages)}
            ) from None
    upload.content_type = content_type
    return upload


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
