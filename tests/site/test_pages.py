"""Page tree rules, listings, filters and the news moderation workflow."""

from http import HTTPStatus

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.models import Page, Workflow, WorkflowState
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from events.models import EventIndexPage
from lecso_site.models import (
    HomePage,
    KnowledgeArticle,
    KnowledgeIndexPage,
    KnowledgeQuestion,
    NewsIndexPage,
    NewsletterIndexPage,
    NewsletterIssue,
    NewsPage,
    StandardPage,
)


class TestPageTreeRules(WagtailPageTestCase):
    def test_home_lives_at_the_root_only(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedSubpageTypes(
            HomePage,
            {
                NewsIndexPage,
                KnowledgeIndexPage,
                EventIndexPage,
                StandardPage,
                NewsletterIndexPage,
            },
        )

    def test_newsletter_issues_live_under_the_archive(self):
        self.assertAllowedParentPageTypes(NewsletterIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(NewsletterIndexPage, {NewsletterIssue})
        self.assertAllowedParentPageTypes(NewsletterIssue, {NewsletterIndexPage})
        self.assertAllowedSubpageTypes(NewsletterIssue, set())

    def test_news_items_live_under_the_news_index(self):
        self.assertAllowedParentPageTypes(NewsIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(NewsIndexPage, {NewsPage})
        self.assertAllowedParentPageTypes(NewsPage, {NewsIndexPage})
        self.assertAllowedSubpageTypes(NewsPage, set())

    def test_articles_live_under_the_knowledge_base(self):
        self.assertAllowedParentPageTypes(KnowledgeIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(
            KnowledgeIndexPage, {KnowledgeArticle, KnowledgeQuestion}
        )
        self.assertAllowedParentPageTypes(KnowledgeArticle, {KnowledgeIndexPage})
        self.assertAllowedSubpageTypes(KnowledgeArticle, set())
        self.assertAllowedParentPageTypes(KnowledgeQuestion, {KnowledgeIndexPage})
        self.assertAllowedSubpageTypes(KnowledgeQuestion, set())

    def test_standard_pages_nest(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage})

    def test_every_page_type_declares_search_fields_beyond_the_title(self):
        for model in (
            HomePage,
            NewsIndexPage,
            NewsPage,
            KnowledgeIndexPage,
            KnowledgeArticle,
            StandardPage,
        ):
            names = {field.field_name for field in model.search_fields}
            assert "intro" in names, model


@pytest.mark.django_db
def test_one_home_and_one_index_of_each_kind(news_index, knowledge_index, home):
    assert not HomePage.can_create_at(Page.get_first_root_node())
    assert not NewsIndexPage.can_create_at(home)
    assert not KnowledgeIndexPage.can_create_at(home)
    assert StandardPage.can_create_at(home)


@pytest.mark.django_db
def test_an_editor_creates_a_news_item_in_the_admin(admin_client, news_index):
    data = nested_form_data(
        {
            "title": "Nieuwe regiobijeenkomst",
            "slug": "nieuwe-regiobijeenkomst",
            "date": "2026-11-20",
            "intro": "Aankondiging.",
            "theme": "kwaliteitszorg",
            "tags": "regio, cluster 4",
            "body": streamfield(
                [
                    ("heading", {"text": "Programma", "level": "h2"}),
                    ("paragraph", rich_text("<p>Welkom allemaal.</p>")),
                ]
            ),
        }
    )
    response = admin_client.post(
        f"/admin/pages/add/lecso_site/newspage/{news_index.pk}/", data
    )
    assert response.status_code == HTTPStatus.FOUND, response.content[:2000]
    page = NewsPage.objects.get(slug="nieuwe-regiobijeenkomst")
    assert page.get_parent().pk == news_index.pk
    assert sorted(t.name for t in page.tags.all()) == ["cluster 4", "regio"]
    assert [block.block_type for block in page.body] == ["heading", "paragraph"]
    assert not page.live, "saving in the admin makes a draft, not a live page"


@pytest.mark.django_db
def test_call_to_action_needs_a_page_or_an_address():
    from wagtail.blocks import StructBlockValidationError

    from lecso_site.blocks import CallToActionBlock

    block = CallToActionBlock()
    value = block.to_python({"title": "Meld je aan", "link_text": "Aanmelden"})
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(value)
    assert "page" in error.value.block_errors


@pytest.mark.django_db
def test_news_index_lists_live_news_newest_first(client, make_news):
    make_news("Oud bericht", days_ago=30)
    make_news("Nieuw bericht", days_ago=1)
    make_news("Concept", live=False)
    response = client.get("/nieuws/")
    titles = [page.title for page in response.context["news_pages"]]
    assert titles == ["Nieuw bericht", "Oud bericht"]


@pytest.mark.django_db
def test_news_index_filters_by_tag_and_theme(client, make_news):
    make_news("Over jeugdhulp", tags=["jeugdhulp"], theme="ketens-partners")
    make_news("Over kwaliteit", tags=["inspectie"], theme="kwaliteitszorg")

    by_tag = client.get("/nieuws/?tag=jeugdhulp")
    assert [p.title for p in by_tag.context["news_pages"]] == ["Over jeugdhulp"]
    assert "Nieuws met trefwoord “jeugdhulp”" in by_tag.text

    by_theme = client.get("/nieuws/?theme=kwaliteitszorg")
    assert [p.title for p in by_theme.context["news_pages"]] == ["Over kwaliteit"]

    unknown = client.get("/nieuws/?tag=bestaat-niet&theme=onzin")
    assert unknown.status_code == HTTPStatus.OK
    assert list(unknown.context["news_pages"]) == []
    assert "Dit trefwoord bestaat niet." in unknown.text


@pytest.mark.django_db
def test_news_pagination_is_short_and_forgives_a_bad_page_number(client, make_news):
    for number in range(100):
        make_news(f"Bericht {number}", days_ago=number)
    first = client.get("/nieuws/")
    assert len(first.context["news_pages"]) == 12
    # Nine pages: the first, its neighbours and the last are linked, not all nine.
    assert 'href="?page=2"' in first.text and 'href="?page=3"' in first.text
    assert 'href="?page=5"' not in first.text
    assert 'href="?page=9"' in first.text
    too_far = client.get("/nieuws/?page=99")
    assert too_far.status_code == HTTPStatus.OK
    assert [p.title for p in too_far.context["news_pages"]] == [
        f"Bericht {number}" for number in range(96, 100)
    ]
    assert client.get("/nieuws/?page=abc").status_code == HTTPStatus.OK


@pytest.mark.django_db
def test_knowledge_filters_by_audience_and_cluster(client, make_article):
    make_article("Voor het SO", audience="so", clusters=[4])
    make_article("Voor het VSO", audience="vso", clusters=[3])
    make_article("Voor beide", audience="so-vso", clusters=[3, 4])
    make_article("Concept", audience="so", live=False)

    def titles(query):
        response = client.get(f"/kennisbank/{query}")
        assert response.status_code == HTTPStatus.OK
        return sorted(p.title for p in response.context["articles"])

    assert titles("") == ["Voor beide", "Voor het SO", "Voor het VSO"]
    assert titles("?audience=so") == ["Voor beide", "Voor het SO"]
    assert titles("?audience=vso") == ["Voor beide", "Voor het VSO"]
    assert titles("?cluster=3") == ["Voor beide", "Voor het VSO"]
    assert titles("?audience=so&cluster=4") == ["Voor beide", "Voor het SO"]
    assert titles("?cluster=x&audience=onzin") == titles("")


@pytest.mark.django_db
def test_related_articles_are_chosen_first_then_by_shared_tag(make_article):
    article = make_article("OC in de klas", tags=["communicatie"])
    chosen = make_article("Gebaren leren")
    by_tag = make_article("Pictogrammen", tags=["communicatie"])
    make_article("Draft over communicatie", tags=["communicatie"], live=False)
    make_article("Ander onderwerp", tags=["stage"])

    article.related_links.create(article=chosen)
    related = article.related_articles()
    assert [a.title for a in related] == ["Gebaren leren", "Pictogrammen"]
    assert by_tag.pk in [a.pk for a in related]


@pytest.mark.django_db
def test_home_shows_the_latest_news_and_articles(client, make_news, make_article):
    for number in range(4):
        make_news(f"Bericht {number}", days_ago=number)
    make_article("Artikel A")
    response = client.get("/")
    assert [p.title for p in response.context["latest_news"]] == [
        "Bericht 0",
        "Bericht 1",
        "Bericht 2",
    ]
    assert "Artikel A" in response.text


@pytest.mark.django_db
def test_seed_demo_builds_the_site_once(settings, client):
    settings.DEBUG = True
    call_command("seed_demo")
    counts = (NewsPage.objects.count(), KnowledgeArticle.objects.count())
    call_command("seed_demo")
    assert (NewsPage.objects.count(), KnowledgeArticle.objects.count()) == counts
    assert counts[0] >= 5 and counts[1] >= 5
    assert HomePage.objects.count() == 1
    assert client.get("/").status_code == HTTPStatus.OK
    assert client.get("/nieuws/feed/").status_code == HTTPStatus.OK


@pytest.mark.django_db
def test_seed_demo_refuses_to_run_with_debug_off(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG is off"):
        call_command("seed_demo")
    assert not HomePage.objects.exists()


@pytest.mark.django_db
def test_news_goes_through_moderation_before_publication(settings, django_user_model):
    settings.DEBUG = True
    call_command("seed_demo")
    news_index = NewsIndexPage.objects.get()
    workflow = news_index.get_workflow()
    assert workflow is not None and workflow.name == "Nieuwsredactie"

    editor = django_user_model.objects.create_user("redacteur", password="x")
    editor.groups.add(Group.objects.get(name="Editors"))
    draft = NewsPage(title="Wacht op eindredactie", intro="Kort.", body=[], live=False)
    news_index.add_child(instance=draft)
    draft.save_revision(user=editor)

    assert draft.get_workflow() == workflow
    state = workflow.start(draft, editor)
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    draft.refresh_from_db()
    assert not draft.live
    task = state.current_task_state.task.specific
    assert list(task.groups.values_list("name", flat=True)) == ["Moderators"]
    assert Workflow.objects.filter(name="Nieuwsredactie").count() == 1
