"""Checks for uploaded images: profile photos here, forum attachments in forums.

An image is shown to every reader, whose browser decodes all its pixels, so the
pixel count is limited (WAGTAILIMAGES_MAX_IMAGE_PIXELS, as for Wagtail's own
images). It is read from the image's header, never by decoding it: an image
bomb is a small file that needs gigabytes once decoded.
"""

import warnings

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from PIL import Image
from wagtail.images.fields import WagtailImageField

WAGTAIL_DEFAULT_MAX_PIXELS = 128 * 1000000


def max_image_pixels() -> int | None:
    return getattr(
        settings, "WAGTAILIMAGES_MAX_IMAGE_PIXELS", WAGTAIL_DEFAULT_MAX_PIXELS
    )


def _too_many_pixels(limit: int) -> ValidationError:
    return ValidationError(
        _(
            "This image has too many pixels (at most %(limit)s). Save it smaller "
            "and try again."
        )
        % {"limit": number_format(limit, force_grouping=True)},
        code="too_many_pixels",
    )


def check_image(upload) -> None:
    """Raise ValidationError unless `upload` is an image Pillow recognises
    from its header with at most max_image_pixels() pixels. Leaves the file at
    its start."""
    limit = max_image_pixels()
    try:
        upload.seek(0)
        with warnings.catch_warnings():
            # Pillow warns from 89 million pixels and refuses from twice that;
            # the limit here is our own.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(upload) as image:
                width, height = image.size
    except Image.DecompressionBombError:
        raise _too_many_pixels(limit or Image.MAX_IMAGE_PIXELS) from None
    except (OSError, SyntaxError, ValueError) as error:
        raise ValidationError(
            _("This file is not an image that can be read."), code="invalid_image"
        ) from error
    finally:
        upload.seek(0)
    if limit is not None and width * height > limit:
        raise _too_many_pixels(limit)


class PhotoField(WagtailImageField):
    """Wagtail's image field with the pixel count checked from the header
    first: Wagtail gets the size through Willow, which decodes the whole image
    (up to Pillow's own limit of twice 89 million pixels) and lets a decoding
    error through as a server error. Such an image is refused at the field."""

    def to_python(self, data):
        upload = forms.FileField.to_python(self, data)
        if upload is None:
            return None
        check_image(upload)
        try:
            return super().to_python(data)
        except (OSError, SyntaxError, ValueError) as error:
            raise ValidationError(
                self.error_messages["invalid_image"], code="invalid_image"
            ) from error
