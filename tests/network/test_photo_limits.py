"""A profile photo that cannot be read, or has more pixels than
WAGTAILIMAGES_MAX_IMAGE_PIXELS, is refused at the field; the rest of the
profile form is kept."""

from http import HTTPStatus

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.images import BROKEN_PNG, png_header_only


@pytest.mark.parametrize(
    "photo",
    [
        png_header_only(40_000, 40_000),
        # Under Pillow's own bomb limit, so Wagtail's check would decode it.
        png_header_only(12_000, 12_000),
        BROKEN_PNG,
    ],
    ids=["bomb", "too-many-pixels", "broken"],
)
def test_a_photo_that_cannot_be_used_is_refused_at_the_field(
    client, make_person, school_a, photo
):
    person = make_person("Foto Persoon", school=school_a)
    client.force_login(person.user)
    response = client.post(
        "/account/profiel/",
        {
            "name": "Foto Persoon",
            "job_title": "Intern begeleider",
            "visibility": "members",
            "photo_upload": SimpleUploadedFile("portret.png", photo, "image/png"),
        },
    )
    assert response.status_code == HTTPStatus.OK
    assert 'aria-invalid="true"' in response.text
    assert "Intern begeleider" in response.text
    person.refresh_from_db()
    assert person.photo is None and person.job_title == ""
