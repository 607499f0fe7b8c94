"""Search analytics: counted per day without who searched; shown to editors in
Wagtail's admin."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from search import analytics
from search.models import QueryStat


@pytest.mark.django_db
def test_each_first_page_of_results_is_counted_and_empty_ones_marked(corpus, client):
    client.get("/zoeken/", {"q": "Gebarentaal "})
    client.get("/zoeken/", {"q": "gebarentaal"})
    client.get(
        "/zoeken/", {"q": "gebarentaal", "page": 2}
    )  # paging is not a new search
    client.get("/zoeken/", {"q": "gebarentaal", "page": 1})  # nor paging back
    client.get("/zoeken/", {"q": "gebarentaal", "type": "kennisbank"})  # nor a facet
    client.get("/zoeken/", {"q": "snoezelruimte"})
    stats = {s.query: (s.searches, s.zero_results) for s in QueryStat.objects.all()}
    assert stats == {"gebarentaal": (2, 0), "snoezelruimte": (1, 1)}


@pytest.mark.django_db
def test_changing_a_filter_is_not_a_new_search(corpus, client):
    """Regression: a query typed once was listed in the report (which needs two
    searches) after one filter change, because the filter form sent it again."""
    import re
    from html import unescape

    page = client.get("/zoeken/", {"q": "gebarentaal"}).text
    form = re.search(r'<form class="search-form".*?</form>', page, re.S).group(0)
    hidden = dict(re.findall(r'type="hidden" name="(\w+)" value="([^"]*)"', form))
    client.get("/zoeken/", {"q": "gebarentaal", "cluster": 2, **hidden})
    links = re.findall(
        r'href="(/zoeken/\?[^"]+)"',
        client.get(
            "/zoeken/", {"q": "gebarentaal", "type": "kennisbank", **hidden}
        ).text,
    )
    for link in links:  # back to all kinds, or without the filters
        client.get(unescape(link))
    assert QueryStat.objects.get(query="gebarentaal").searches == 1

    client.get("/zoeken/", {"q": "snoezelruimte", **hidden})  # typed anew
    assert QueryStat.objects.get(query="snoezelruimte").searches == 1


@pytest.mark.django_db
def test_personal_looking_queries_are_not_kept(db):
    analytics.record("jan@school.nl", 0)
    analytics.record("leerling 123456782", 0)
    analytics.record("06 1234 5678", 0)  # a phone number with spaces
    analytics.record("bsn 123.456.782", 0)
    analytics.record("leerling 12-34-567", 0)
    # Regression: slashes, commas and underscores passed the filter.
    analytics.record("123/456/782", 0)
    analytics.record("123,456,782", 0)
    analytics.record("nummer 123_456_782", 0)
    assert not QueryStat.objects.exists()
    analytics.record("groep 7 en 8", 0)  # a few digits are no one's number
    assert QueryStat.objects.get().query == "groep 7 en 8"


@pytest.mark.django_db
def test_counts_older_than_the_keeping_period_are_cleared(db, settings):
    settings.SEARCH_LOG_DAYS = 30
    old = timezone.localdate() - datetime.timedelta(days=31)
    QueryStat.objects.create(day=old, query="oud", searches=3)
    analytics.record("nieuw", 1)
    assert list(QueryStat.objects.values_list("query", flat=True)) == ["nieuw"]


@pytest.mark.django_db
def test_editors_see_the_most_frequent_and_the_fruitless_searches(
    client, django_user_model, home
):
    today = timezone.localdate()
    QueryStat.objects.create(day=today, query="autisme", searches=9)
    QueryStat.objects.create(
        day=today, query="snoezelruimte", searches=4, zero_results=4
    )
    QueryStat.objects.create(
        day=today - datetime.timedelta(days=1), query="autisme", searches=2
    )
    QueryStat.objects.create(
        day=today - datetime.timedelta(days=100), query="te oud", searches=50
    )
    # Typed once: it may be a pupil's name, so it is not shown.
    QueryStat.objects.create(day=today, query="daan jansen", searches=1, zero_results=1)
    editor = django_user_model.objects.create_user(
        username="redacteur", email="r@lecso.nl", password=None
    )
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    response = client.get("/admin/zoekopdrachten/")
    assert response.status_code == 200
    most = [(row["query"], row["total"]) for row in response.context["most"]]
    assert most == [("autisme", 11), ("snoezelruimte", 4)]
    nothing = [
        (row["query"], row["found_nothing"]) for row in response.context["nothing"]
    ]
    assert nothing == [("snoezelruimte", 4)]
    assert "te oud" in [
        row["query"]
        for row in client.get("/admin/zoekopdrachten/?dagen=365").context["most"]
    ]
    assert "/admin/zoekopdrachten/" in client.get("/admin/").content.decode()


@pytest.mark.django_db
def test_people_without_the_permission_do_not_see_the_report(
    client, django_user_model, home
):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user(
        username="lid", email="l@school.nl", password=None
    )
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    response = client.get("/admin/zoekopdrachten/")
    # Wagtail answers a refusal in its admin by sending one to the dashboard.
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert "/admin/zoekopdrachten/" not in client.get("/admin/").content.decode()
