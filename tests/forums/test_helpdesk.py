"""A solved helpdesk question becomes a draft knowledge article in one step."""

import pytest

from forums import services
from forums.models import Category
from lecso_site.models import KnowledgeArticle

pytestmark = pytest.mark.django_db


@pytest.fixture
def helpdesk(db):
    return Category.objects.create(name="Helpdesk", slug="helpdesk", is_helpdesk=True)


def test_editor_turns_an_accepted_answer_into_a_draft(
    client, knowledge_index, helpdesk, member, moderator, django_user_model
):
    thread = services.start_thread(
        member, helpdesk, title="Hoe vraag ik een TLV aan?", body="Wat is de route?"
    )
    answer = services.reply(moderator, thread, body="Via het **samenwerkingsverband**.")
    editor = django_user_model.objects.create_superuser(
        "redactie", "redactie@lecso.nl", "wachtwoord-voor-test"
    )
    client.force_login(member)
    assert "kennisartikel" not in client.get(thread.get_absolute_url()).text

    services.accept_answer(member, answer)
    assert "kennisartikel" not in client.get(thread.get_absolute_url()).text, (
        "members are not editors"
    )
    assert client.post(f"/kennisbank-uit-forum/{thread.pk}/").status_code == 403

    client.force_login(editor)
    page = client.get(thread.get_absolute_url()).text
    assert "Maak een concept-kennisartikel van dit antwoord" in page
    response = client.post(f"/kennisbank-uit-forum/{thread.pk}/")
    article = KnowledgeArticle.objects.get(title="Hoe vraag ik een TLV aan?")
    assert response.status_code == 302
    assert response.url == f"/admin/pages/{article.pk}/edit/"
    assert not article.live, "a draft: it goes through review like any article"
    rendered = str(article.body)
    assert "<strong>samenwerkingsverband</strong>" in rendered
    assert thread.get_absolute_url() in rendered
