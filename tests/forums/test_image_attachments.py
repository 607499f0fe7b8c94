"""Image attachments are shown inline to every reader, so they are checked like
profile photos: an image with more pixels than WAGTAILIMAGES_MAX_IMAGE_PIXELS
(a decompression bomb: a small file that needs gigabytes once decoded) is
refused at the field, and the rest of the post is kept."""

from http import HTTPStatus

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from forums.models import Attachment, Thread
from tests.images import BROKEN_PNG, png_header_only, small_png


def _post_thread(client, category, upload):
    return client.post(
        f"/forum/nieuw/c/{category.slug}/",
        {
            "title": "Pictogrammen voor de dagplanning",
            "kind": "discussion",
            "body": "Zie het schema in de bijlage.",
            "attachments": upload,
        },
    )


@pytest.mark.parametrize("size", [(40_000, 40_000), (12_000, 12_000)])
def test_an_image_with_too_many_pixels_is_refused_and_the_post_kept(
    client, category, member, size
):
    bomb = png_header_only(*size)
    assert len(bomb) < 200, "the file itself is tiny"
    client.force_login(member)
    response = _post_thread(client, category, SimpleUploadedFile("schema.png", bomb))
    assert response.status_code == HTTPStatus.BAD_REQUEST
    html = response.text
    assert "schema.png" in html and "te veel pixels" in html
    assert "Pictogrammen voor de dagplanning" in html
    assert "Zie het schema in de bijlage." in html
    assert not Thread.objects.exists() and not Attachment.objects.exists()


def test_the_pixel_limit_is_the_photos_setting(client, category, member, settings):
    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 100
    client.force_login(member)
    response = _post_thread(
        client, category, SimpleUploadedFile("klein.png", small_png())
    )
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "te veel pixels" in response.text


def test_a_normal_image_is_attached(client, category, member):
    client.force_login(member)
    response = _post_thread(
        client, category, SimpleUploadedFile("schema.png", small_png())
    )
    assert response.status_code == HTTPStatus.FOUND
    assert Attachment.objects.get().content_type == "image/png"


def test_an_image_that_does_not_decode_is_refused(client, category, member):
    client.force_login(member)
    response = _post_thread(
        client, category, SimpleUploadedFile("kapot.png", BROKEN_PNG)
    )
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "kapot.png" in response.text
    assert not Attachment.objects.exists()


def test_an_attachment_over_10_mb_is_refused_at_the_field(client, category, member):
    client.force_login(member)
    big = SimpleUploadedFile("verslag.pdf", b"%PDF-1.7\n" + b"0" * (11 * 1024 * 1024))
    response = _post_thread(client, category, big)
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "verslag.pdf is 11,0\xa0MB; de grens is 10,0\xa0MB" in response.text
    assert "Pictogrammen voor de dagplanning" in response.text
    assert not Thread.objects.exists()
