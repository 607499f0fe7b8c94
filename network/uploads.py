"""Files members send with what they write (forum posts, helpdesk questions):
checked by size, by name and by their first bytes, so a renamed program does
not pass for a PDF. Images, which every reader's browser decodes inline, are
also checked like profile photos (network.images). Such files are not under
MEDIA_ROOT: they are served only through a view that asks the same permission
question as the text they belong to (serve_private)."""

import os

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.http import FileResponse
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from .images import check_image

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


class PrivateStorage(FileSystemStorage):
    """A folder outside MEDIA_ROOT, read from settings on use, so tests can
    point it elsewhere."""

    @property
    def base_location(self):
        return str(settings.PRIVATE_MEDIA_ROOT)

    @property
    def location(self):
        return os.path.abspath(self.base_location)


private_storage = PrivateStorage()


def serve_private(file, *, name: str, content_type: str) -> FileResponse:
    """A private file for someone the caller has let through: images shown,
    everything else downloaded, and nothing in it run as a page of the site."""
    response = FileResponse(
        file.open("rb"),
        as_attachment=not content_type.startswith("image/"),
        filename=name,
        content_type=content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
