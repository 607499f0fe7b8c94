"""Body blocks render accessibly: image alt text, document links, calls to action."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from lecso_site.blocks import BodyBlock


@pytest.fixture
def image(db):
    return Image.objects.create(
        title="Leerlingen in de klas", file=get_test_image_file()
    )


def render(stream_data) -> str:
    block = BodyBlock()
    return block.render(block.to_python(stream_data))


@pytest.mark.django_db
def test_image_uses_the_alt_text_written_for_this_place(image):
    html = render(
        [
            {
                "type": "image",
                "value": {"image": image.pk, "alt_text": "Twee leerlingen lezen samen"},
            }
        ]
    )
    assert 'alt="Twee leerlingen lezen samen"' in html
    assert 'loading="lazy"' in html


@pytest.mark.django_db
def test_decorative_image_gets_empty_alt_text(image):
    html = render([{"type": "image", "value": {"image": image.pk, "decorative": True}}])
    assert 'alt=""' in html


@pytest.mark.django_db
def test_document_link_names_its_type_and_size():
    document = Document.objects.create(
        title="Handreiking OPP", file=ContentFile(b"%PDF-1.4 " * 200, name="opp.pdf")
    )
    html = render([{"type": "document", "value": {"document": document.pk}}])
    assert ">Handreiking OPP</a>" in html
    assert "(PDF, 1,8" in html or "(PDF, 1.8" in html


@pytest.mark.django_db
def test_call_to_action_links_a_page(home):
    html = render(
        [
            {
                "type": "call_to_action",
                "value": {
                    "title": "Doe mee",
                    "text": "Meld je aan voor de regiobijeenkomst.",
                    "page": home.pk,
                    "url": "",
                    "link_text": "Aanmelden",
                },
            }
        ]
    )
    assert '<aside class="call-to-action" aria-label="Doe mee">' in html
    assert '<a class="button" href="/">Aanmelden</a>' in html


@pytest.mark.django_db
def test_sqlite_runs_with_write_ahead_logging():
    from django.db import connection

    if connection.vendor != "sqlite":
        pytest.skip("SQLite only")
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone()[0] == "wal"
        cursor.execute("PRAGMA foreign_keys")
        assert cursor.fetchone()[0] == 1


@pytest.mark.django_db
def test_robots_txt_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"] == "text/plain"
    assert "Sitemap: http://testserver/sitemap.xml" in response.text
    assert "Disallow: /admin/" in response.text
