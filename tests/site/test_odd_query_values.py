"""Query-string values that are not what a link would carry are ignored, never
answered with a server error."""

import pytest

from tests.bad_values import refusing_nul_like_postgresql

ODD = ["²", "9" * 40, "-1", "a\x00b", "bestaat-niet"]


@pytest.mark.parametrize("value", ODD)
def test_knowledge_filters_ignore_odd_values(client, editorial_site, value):
    with refusing_nul_like_postgresql():
        for name in ("cluster", "tag", "audience"):
            response = client.get("/kennisbank/", {name: value})
            assert response.status_code == 200, name


@pytest.mark.parametrize("value", ODD)
def test_news_filters_ignore_odd_values(client, editorial_site, value):
    with refusing_nul_like_postgresql():
        for name in ("tag", "theme"):
            assert client.get("/nieuws/", {name: value}).status_code == 200, name


@pytest.mark.parametrize("value", ODD)
def test_school_list_filters_ignore_odd_values(client, db, value):
    with refusing_nul_like_postgresql():
        for name in ("cluster", "provincie", "soort"):
            assert client.get("/scholen/", {name: value}).status_code == 200, name


def test_a_cluster_filter_from_a_link_still_works(client, editorial_site):
    from lecso_site.models import KnowledgeArticle

    response = client.get("/kennisbank/", {"cluster": "2"})
    shown = list(response.context["articles"])
    assert shown == list(KnowledgeArticle.objects.filter(clusters__number=2))
    assert shown, "the editorial site has an article for cluster 2"
