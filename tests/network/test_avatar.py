"""The avatar tag: a photo in the size asked for, to whom the profile shows
it, and initials on the person's own colour otherwise."""

import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template import Context, Template
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from network.models import Visibility
from network.templatetags.people_tags import colour_for

TAG = Template("{% load people_tags %}{% avatar profile size viewer=viewer %}")


def avatar(profile, size="medium", viewer=None) -> str:
    return TAG.render(Context({"profile": profile, "size": size, "viewer": viewer}))


@pytest.mark.django_db
def test_initials_on_the_persons_colour_without_a_photo(make_person):
    person = make_person("Marieke de Vries")
    colour = colour_for("Marieke de Vries")
    assert avatar(person, "small") == (
        f'<span class="avatar avatar--small avatar--c{colour}" aria-hidden="true">'
        "MV</span>"
    )
    # No one at all (a deleted account): a question mark, never an error.
    assert ">?</span>" in avatar(None)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("size", "pixels"), [("small", 64), ("medium", 96), ("large", 192)]
)
def test_a_photo_in_the_size_asked_for_with_an_empty_alt(make_person, size, pixels):
    person = make_person("Bram de Wit", visibility=Visibility.PUBLIC)
    person.photo = Image.objects.create(title="Bram", file=get_test_image_file())
    html = avatar(person, size)
    image = re.search(r"<img [^>]*>", html).group(0)
    assert 'alt=""' in image
    assert f'width="{pixels}"' in image and f'height="{pixels}"' in image
    assert html.startswith(f'<span class="avatar avatar--{size} ')


@pytest.mark.django_db
def test_a_members_only_photo_is_initials_to_a_visitor(make_person):
    person = make_person("Bram de Wit", visibility=Visibility.MEMBERS)
    person.photo = Image.objects.create(title="Bram", file=get_test_image_file())
    assert "<img" not in avatar(person, viewer=AnonymousUser())
    assert ">BW</span>" in avatar(person, viewer=AnonymousUser())
    # No viewer: a page rendered once for everyone shows what its own rule
    # decided (a directory card is listed only to whom the profile shows).
    assert "<img" in avatar(person)
