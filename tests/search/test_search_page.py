"""The search page: facets, filters, paging, 'did you mean', the empty state,
bad input, and the index keeping up with changes."""

from http import HTTPStatus

import pytest
from django.contrib.auth.models import AnonymousUser

from forums import services as forum_services
from lecso_site.models import KnowledgeArticle, NewsPage
from search import engine
from search.sources import Filters


def titles(response) -> list[str]:
    return [
        str(result.title).replace("<mark>", "").replace("</mark>", "")
        for result in response.context["outcome"].page.object_list
    ]


@pytest.mark.django_db
def test_without_words_the_page_explains_what_it_searches(client, home):
    response = client.get("/zoeken/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "doorzoekt nieuws, kennisbank, deskundigen, scholen, forum en agenda" in html
    assert response.context["outcome"] is None


@pytest.mark.django_db
def test_every_page_has_the_search_box_which_works_without_javascript(client, home):
    html = client.get("/").content.decode()
    assert 'role="search"' in html and 'action="/zoeken/"' in html
    assert 'name="q"' in html and 'data-autocomplete="/zoeken/suggesties/"' in html


@pytest.mark.django_db
def test_facets_count_per_kind_and_a_facet_shows_only_that_kind(corpus, client):
    client.force_login(corpus.member)
    response = client.get("/zoeken/", {"q": "leerlingen"})
    facets = {f.key: f.count for f in response.context["outcome"].facets}
    assert facets["kennisbank"] >= 4 and facets["mensen"] == 1 and facets["forum"] >= 1
    assert response.context["outcome"].total == sum(facets.values())
    html = response.content.decode()
    assert 'href="?q=leerlingen&amp;type=kennisbank"' in html

    only = client.get("/zoeken/", {"q": "leerlingen", "type": "kennisbank"})
    kinds = {r.kind for r in only.context["outcome"].page.object_list}
    assert kinds == {"kennisbank"}
    assert 'aria-current="page">Kennisbank' in only.content.decode()


@pytest.mark.django_db
def test_a_cluster_filter_keeps_what_belongs_to_the_cluster_and_says_what_it_leaves_out(
    corpus, client
):
    client.force_login(corpus.member)
    response = client.get("/zoeken/", {"q": "leerlingen", "cluster": "2"})
    found = titles(response)
    assert "Gebarentaal in de klas" in found  # cluster 2
    assert "Prikkelverwerking in de klas" not in found  # cluster 4
    assert "Dyslexie en voorleessoftware" in found  # no cluster: for every cluster
    assert "Nieuws" in response.content.decode().split("gelden niet voor:")[1][:200]


@pytest.mark.django_db
def test_school_type_support_need_and_date_filters(corpus, client):
    client.force_login(corpus.member)
    vso = titles(client.get("/zoeken/", {"q": "leerlingen", "soort": "vso"}))
    assert "Dyslexie en voorleessoftware" in vso and "Kees Jansen" in vso
    assert "Van SO naar VSO: de overstap" not in vso  # written for SO

    need = titles(
        client.get("/zoeken/", {"q": "scholen", "behoefte": corpus.need_slug})
    )
    assert need == ["Anna de Vries"]

    upcoming = titles(client.get("/zoeken/", {"q": "gebarentaal", "periode": "komend"}))
    assert upcoming == []  # the only meeting on it was two months ago
    assert titles(
        client.get("/zoeken/", {"q": "netwerkbijeenkomst", "periode": "komend"})
    ) == ["Netwerkbijeenkomst cluster 4"]
    month = titles(client.get("/zoeken/", {"q": "thuiszitters", "periode": "maand"}))
    assert month == []  # that news is 200 days old
    year = titles(client.get("/zoeken/", {"q": "thuiszitters", "periode": "jaar"}))
    assert year == ["Studiedag passend onderwijs"]


@pytest.mark.django_db
def test_odd_filter_values_from_an_old_link_are_ignored(corpus, client):
    response = client.get(
        "/zoeken/",
        {
            "q": "gebarentaal",
            "cluster": "99",
            "soort": "mbo",
            "periode": "eeuw",
            "type": "onbekend",
            "page": "veel",
        },
    )
    assert response.status_code == 200
    assert "Gebarentaal in de klas" in titles(response)


@pytest.mark.django_db
def test_pages_of_twenty_in_relevance_order(corpus, client, knowledge_index):
    for n in range(25):
        article = KnowledgeArticle(
            title=f"Zandtafel {n}",
            intro="Spelen met de zandtafel.",
            body=[("paragraph", "<p>zand</p>")],
        )
        knowledge_index.add_child(instance=article)
    first = client.get("/zoeken/", {"q": "zandtafel"})
    assert first.context["outcome"].total == 25
    assert len(titles(first)) == 20
    assert 'rel="next"' in first.content.decode()
    second = client.get("/zoeken/", {"q": "zandtafel", "page": 2})
    assert len(titles(second)) == 5
    assert not set(titles(first)) & set(titles(second))
    assert '<ol class="search-results" start="21">' in second.content.decode()
    # Numbered pages, the current one marked for a screen reader.
    assert '<span aria-current="page">Pagina 2</span>' in second.text
    assert "?q=zandtafel&amp;page=1" in second.text


@pytest.mark.django_db
def test_past_the_last_page_of_all_kinds_the_page_says_how_to_see_the_rest(
    corpus, client, knowledge_index, news_index, monkeypatch
):
    for n in range(25):
        knowledge_index.add_child(
            instance=KnowledgeArticle(title=f"Zandtafel {n}", intro="Zand.")
        )
    monkeypatch.setattr(engine, "MAX_PAGES", 1)
    capped = client.get("/zoeken/", {"q": "zandtafel"})
    assert capped.context["outcome"].total == 25 and len(titles(capped)) == 20
    assert "stopt na 20 resultaten" in capped.text and 'rel="next"' not in capped.text
    one_kind = client.get("/zoeken/", {"q": "zandtafel", "type": "kennisbank"})
    assert 'rel="next"' in one_kind.text and "stopt na" not in one_kind.text

    # A kind with fewer results than all kinds together, on its last page.
    news_index.add_child(instance=NewsPage(title="Zandtafel in de klas", intro="Zand."))
    few = client.get("/zoeken/", {"q": "zandtafel", "type": "nieuws"})
    assert few.context["outcome"].total == 26 and len(titles(few)) == 1
    assert "stopt na" not in few.text


@pytest.mark.django_db
def test_only_common_words_ask_for_a_word_about_the_subject(corpus, client):
    """'de het' would find nothing on PostgreSQL and nearly everything on
    SQLite; on both the page asks for a better word and counts nothing."""
    from search.models import QueryStat

    response = client.get("/zoeken/", {"q": "de het"})
    assert response.context["outcome"] is None
    assert "heeft alleen heel gewone woorden" in response.text
    assert not QueryStat.objects.exists()
    assert titles(client.get("/zoeken/", {"q": "het gebarentaal"})) != []


@pytest.mark.django_db
def test_a_chosen_kind_without_results_says_so_and_offers_all_kinds(corpus, client):
    """Searching again from a facet keeps the kind; when it has nothing for the
    new words, the page says that rather than 'nothing found'."""
    response = client.get("/zoeken/", {"q": "gebarentaal", "type": "forum"})
    outcome = response.context["outcome"]
    assert outcome.total > 0 and titles(response) == []
    assert "Niets gevonden" not in response.text
    assert "Niets van de soort “Forum” voor deze zoekopdracht." in response.text
    assert 'aria-current="page">Forum <span class="count">(0)</span>' in response.text
    assert f"Toon alle {outcome.total} resultaten" in response.text


@pytest.mark.django_db
def test_a_misspelling_gets_a_did_you_mean_that_finds_something(corpus, client):
    html = client.get("/zoeken/", {"q": "gebarentaall"}).content.decode()
    assert "Bedoelde u:" in html
    assert 'href="?q=gebarentaal"' in html
    nothing = client.get("/zoeken/", {"q": "qwxzv"}).content.decode()
    assert "Bedoelde u" not in nothing
    assert "Niets gevonden" in nothing and "Stel uw vraag op het forum" in nothing


@pytest.mark.django_db
def test_search_syntax_and_odd_characters_are_just_words(corpus, client):
    for typed in ['"autisme', "autisme AND OR NOT", "*", "(klas", "-- ; drop", "é ü"]:
        assert client.get("/zoeken/", {"q": typed}).status_code == 200
    # A NUL byte (which PostgreSQL refuses in text) or a tab is a space.
    for typed in ["autisme\x00", "\x00", "autisme\tklas\x7f"]:
        assert client.get("/zoeken/", {"q": typed}).status_code == 200
        assert client.get("/zoeken/suggesties/", {"q": typed}).status_code == 200
    assert "Prikkelverwerking in de klas" in titles(
        client.get("/zoeken/", {"q": "autisme\x00"})
    )
    assert "Prikkelverwerking in de klas" in titles(
        client.get("/zoeken/", {"q": '"autisme*'})
    )


@pytest.mark.django_db
def test_the_search_page_reads_a_bounded_number_of_queries(
    corpus, client, django_assert_max_num_queries
):
    client.force_login(corpus.member)
    client.get("/zoeken/", {"q": "leerlingen"})  # warm per-process caches
    with django_assert_max_num_queries(45):
        response = client.get("/zoeken/", {"q": "leerlingen"})
    assert response.status_code == HTTPStatus.OK
    assert response.context["outcome"].total > 5


@pytest.mark.django_db
def test_crawlers_are_asked_not_to_walk_through_search_results(client):
    robots = client.get("/robots.txt").content.decode()
    assert "Disallow: /zoeken/" in robots


@pytest.mark.django_db
def test_the_english_page_speaks_english(corpus, client):
    html = client.get("/en/zoeken/", {"q": "gebarentaal"}).content.decode()
    assert "results for" in html


# The index keeps up ----------------------------------------------------------


def found(user, words, filters=None):
    outcome = engine.search(user, words, filters or Filters())
    return [
        str(r.title).replace("<mark>", "").replace("</mark>", "")
        for r in outcome.page.object_list
    ]


@pytest.mark.django_db
def test_a_published_change_is_found_and_an_unpublished_page_is_gone(corpus):
    page = corpus.timeout
    page.title = "Time-out en herstelgesprek"
    page.save_revision().publish()
    assert "Time-out en herstelgesprek" in found(AnonymousUser(), "herstelgesprek")
    page.unpublish()
    assert found(AnonymousUser(), "herstelgesprek") == []


@pytest.mark.django_db
def test_replies_edits_and_hidden_posts_reach_the_index(
    corpus, django_capture_on_commit_callbacks
):
    thread = corpus.koptelefoon
    with django_capture_on_commit_callbacks(execute=True):
        post = forum_services.reply(corpus.kees.user, thread, body="Probeer oordopjes.")
    assert found(AnonymousUser(), "oordopjes") == [thread.title]
    with django_capture_on_commit_callbacks(execute=True):
        post.is_hidden = True
        post.save()
    assert found(AnonymousUser(), "oordopjes") == []
    with django_capture_on_commit_callbacks(execute=True):
        thread.delete()
    assert found(AnonymousUser(), "geluid") == []


@pytest.mark.django_db
def test_profile_changes_reach_the_index(corpus):
    anna = corpus.anna
    anna.bio = "Nu ook deskundig in rouwverwerking."
    anna.save()
    assert found(AnonymousUser(), "rouwverwerking") == ["Anna de Vries"]
    anna.topics.add("snoezelen")
    assert found(AnonymousUser(), "snoezelen") == ["Anna de Vries"]
    anna.visibility = "hidden"
    anna.save()
    assert found(AnonymousUser(), "rouwverwerking") == []
    assert found(corpus.member, "rouwverwerking") == []


@pytest.mark.django_db
def test_a_profiles_clusters_school_type_and_needs_reach_the_filtered_search(corpus):
    """On PostgreSQL a filtered search first narrows by words in each
    profile's index entry (network.narrowing): every change of what a profile
    is filtered by must write its entry again, or it would drop out of the
    filtered search until the index is rebuilt."""
    from network.models import Cluster, SupportNeed

    def filtered(user, **chosen):
        return found(user, "rouwverwerking", Filters(**chosen))

    anna = corpus.anna
    anna.bio = "Deskundig in rouwverwerking."
    anna.save()
    for user in (AnonymousUser(), corpus.member):
        assert filtered(user, cluster=4, school_type="so") == ["Anna de Vries"]
        assert filtered(user, cluster=3) == []
        assert filtered(user, school_type="vso") == []

    anna.clusters.add(Cluster.objects.get(number=3))
    for user in (AnonymousUser(), corpus.member):
        assert filtered(user, cluster=3) == ["Anna de Vries"]
    need = SupportNeed.objects.create(name="Rouw", slug="rouw-en-verlies")
    need.profiles.add(anna)  # from the need's side: the reverse m2m signal
    for user in (AnonymousUser(), corpus.member):
        assert filtered(user, support_need="rouw-en-verlies") == ["Anna de Vries"]
    anna.school_type = "so-vso"
    anna.save()
    for user in (AnonymousUser(), corpus.member):
        assert filtered(user, cluster=3, school_type="vso") == ["Anna de Vries"]

    Cluster.objects.get(number=3).profiles.remove(anna)
    anna.support_needs.clear()
    for user in (AnonymousUser(), corpus.member):
        assert filtered(user, cluster=3) == []
        assert filtered(user, support_need="rouw-en-verlies") == []
        assert filtered(user, cluster=4, school_type="vso") == ["Anna de Vries"]


@pytest.mark.django_db
def test_saving_the_profile_form_rebuilds_the_text_once_with_every_change(
    corpus, client
):
    """The form changes the profile, its clusters, needs and topics; the
    text, its index entry and the counts are rebuilt once, after all of them
    (network.search_text.rebuilding_once), and hold every change."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from network.models import Cluster, SupportNeed

    need = SupportNeed.objects.create(name="Rouw", slug="rouw-en-verlies")
    anna = corpus.anna
    client.force_login(anna.user)
    with CaptureQueriesContext(connection) as queries:
        response = client.post(
            "/account/profiel/",
            {
                "name": "Anna de Vries",
                "bio": "Deskundig in rouwverwerking.",
                "visibility": "public",
                "school_type": "so",
                "clusters": [c.pk for c in Cluster.objects.filter(number__in=[3, 4])],
                "support_needs": [need.pk],
                "topics": "snoezelen",
            },
        )
    assert response.status_code == HTTPStatus.FOUND
    rebuilt = [
        q["sql"]
        for q in queries.captured_queries
        if q["sql"].startswith('UPDATE "network_profile" SET "search_text"')
    ]
    assert len(rebuilt) == 1, rebuilt
    anna.refresh_from_db()
    assert "snoezelen" in anna.search_text and "rouw" in anna.search_text
    for user in (AnonymousUser(), corpus.member):
        chosen = Filters(cluster=3, support_need="rouw-en-verlies")
        assert found(user, "rouwverwerking", chosen) == ["Anna de Vries"]
        assert found(user, "snoezelen") == ["Anna de Vries"]
    listed = client.get("/deskundigen/?q=snoezelen&cluster=3")
    assert "Anna de Vries" in listed.text


@pytest.mark.django_db
def test_a_renamed_or_deleted_support_need_reaches_the_index(corpus):
    from network.models import SupportNeed

    need = SupportNeed.objects.create(name="Kwartelvrees", slug="kwartelvrees")
    corpus.anna.support_needs.add(need)
    assert found(AnonymousUser(), "kwartelvrees") == ["Anna de Vries"]
    need.name = "Ganzenangst"
    need.save()
    assert found(AnonymousUser(), "ganzenangst") == ["Anna de Vries"]
    assert found(AnonymousUser(), "kwartelvrees") == []
    need.delete()
    assert found(AnonymousUser(), "ganzenangst") == []


@pytest.mark.django_db
def test_what_people_typed_is_shown_as_text_in_titles_and_snippets(
    corpus, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        forum_services.start_thread(
            corpus.member,
            corpus.open_category,
            title="<script>alert('titel')</script> prikkeldoos",
            body="Zie <img src=x onerror=alert('tekst')> bij de prikkeldoos.",
        )
    html = client.get("/zoeken/", {"q": "prikkeldoos <b>"}).content.decode()
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(&#x27;titel&#x27;)&lt;/script&gt;" in html
    assert "<mark>prikkeldoos</mark>" in html
    assert "<b>" not in html.split('id="search-q"')[1].split(">")[0]


@pytest.mark.django_db
def test_an_expert_reads_with_schools_in_order_needs_in_their_order_then_topics(
    client, home
):
    """The names beside an expert come from three relations, asked in one
    query: schools in the order they were joined, support needs in the
    needs' own order, topics by name."""
    from network.models import Affiliation, Topic
    from tests import factories

    first = factories.make_school("Zonnewijzer", "31ZZ")
    second = factories.make_school("Ark", "32AA")
    person = factories.make_person(
        "Ilse Vonkel",
        school=first,
        visibility="public",
        needs=("zien", "communicatie", "horen"),
        topics=[Topic.objects.create(name=name) for name in ("vonkzang", "braille")],
    )
    Affiliation.objects.create(profile=person, school=second)
    factories.make_person("Bram Vonkel", visibility="public")

    results = client.get("/zoeken/", {"q": "vonkel"}).context["outcome"].page
    ilse = next(r for r in results.object_list if "Ilse" in str(r.title))
    assert ilse.meta == ["Zonnewijzer, Ark"]
    assert "Communicatie, Zien, Horen, braille, vonkzang" in str(ilse.snippet)
    bram = next(r for r in results.object_list if "Bram" in str(r.title))
    assert bram.meta == []


@pytest.mark.django_db
def test_suggestions_match_the_start_of_a_word(corpus):
    from search.suggest import suggestions

    labels = {s["label"] for s in suggestions(corpus.member, "time")}
    assert "time-out" in labels  # a topic of Anna's
    assert not {s["label"] for s in suggestions(corpus.member, "ime")} & labels


@pytest.mark.django_db
def test_on_postgresql_searches_match_the_expression_the_document_index_holds(corpus):
    """The index from search/migrations/0007 serves only a match on the stored
    document column, with each kind's content type beside it; a change in how
    the backend writes its match would leave it unused, and searches slow,
    without failing anything else."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only: SQLite searches its own FTS5 table")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = %s",
            ["search_indexentry_kind_stored_document"],
        )
        (definition,) = cursor.fetchone()
    assert "gin" in definition.lower()
    assert "(content_type_id, document)" in definition

    with CaptureQueriesContext(connection) as captured:
        engine.search(AnonymousUser(), "leerlingen", Filters())
    ranked = [q["sql"] for q in captured.captured_queries if "ts_rank" in q["sql"]]
    assert ranked, "the search ranks in the index"
    match = '("wagtailsearch_indexentry"."document") @@'
    assert all(match in sql for sql in ranked)
    kind = '"wagtailsearch_indexentry"."content_type_id" IN ('
    assert all(kind in sql for sql in ranked)

    # search/migrations/0008: the vectors a search ranks by stay in the row
    # (a change of column type by a later migration would reset this).
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT attname, attstorage FROM pg_attribute WHERE attrelid = "
            "'wagtailsearch_indexentry'::regclass AND attname IN ('title', 'body')"
        )
        assert dict(cursor.fetchall()) == {"title": "m", "body": "m"}


def _built_with_the_orm(results):
    """The oracle for the written statement: the same rows built with Django's
    ORM (as the backend did before it wrote them out), compiled."""
    from django.contrib.postgres.search import SearchVectorField
    from django.db.models import BigIntegerField, Case, F, When
    from django.db.models.expressions import RawSQL
    from django.db.models.functions import Cast
    from modelsearch.backends.database.postgres.postgres import IndexEntry
    from modelsearch.utils import get_descendants_content_types_pks

    from search.backends import allowed_keys

    compiler = results.query_compiler
    config = compiler.get_config(results.backend)
    model = compiler.queryset.model
    types = get_descendants_content_types_pks(model)
    document = RawSQL(
        '"wagtailsearch_indexentry"."document"', [], output_field=SearchVectorField()
    )
    entries = IndexEntry.objects.annotate(_vector_=document).filter(
        _vector_=compiler.build_tsquery(compiler.query, config=config),
        content_type__in=types,
    )
    if model._meta.pk.get_internal_type() in ("AutoField", "BigAutoField"):
        number = Cast("object_id", BigIntegerField())
        entries = entries.annotate(_key=Case(When(content_type__in=types, then=number)))
        if results.excluded_keys is None:
            entries = entries.filter(_key__in=compiler.queryset.order_by().values("pk"))
        elif results.narrowed_keys is not None:
            entries = entries.filter(_key__in=results.narrowed_keys)
        for keys in results.excluded_keys or ():
            entries = entries.exclude(_key__in=keys)
    else:
        entries = entries.filter(object_id__in=allowed_keys(compiler.queryset))
    vectors = [(F("title"), F("title_norm")), (F("body"), 1.0)]
    score = compiler._build_rank_expression(vectors, config)
    rows = entries.annotate(score=score).values(
        hit_key=F("object_id"), hit_score=F("score")
    )
    return rows.query.sql_with_params()


@pytest.mark.django_db
def test_on_postgresql_the_written_statement_ranks_as_the_orm_built_one(
    corpus, monkeypatch
):
    """search.postgres_backend writes each kind's part of the ranking statement
    by hand; the same search built with the ORM must find, count and rank the
    same hits, for a visitor and for members, with filters and without."""
    from django.db import connection
    from wagtail.search.backends import get_search_backend

    from search import backends, ranking
    from search.engine import _searches

    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only: SQLite's ranking is built with the ORM")
    backend = get_search_backend()
    searches = [
        (["gedrag"], Filters()),
        (["time", "out"], Filters()),
        (["ledenwoord"], Filters()),
        (["leerlingen"], Filters(cluster=4)),
        (["slaapwoord"], Filters()),
        (["taal"], Filters(school_type="vso")),
    ]
    found_any = False
    for reader in (AnonymousUser(), corpus.member, corpus.moderator):
        for words, filters in searches:
            found, _left_out = _searches(reader, words, filters, "and", backend)
            by_hand = ranking.rank(found, 1, slice(0, 50))
            monkeypatch.setattr(
                backends.RankedResults, "scored_sql", _built_with_the_orm
            )
            by_orm = ranking.rank(found, 1, slice(0, 50))
            monkeypatch.undo()
            assert by_hand.counts == by_orm.counts, (reader, words, filters)
            assert by_hand.hits == by_orm.hits, (reader, words, filters)
            found_any = found_any or bool(by_hand.hits)
    assert found_any


@pytest.mark.django_db
def test_on_postgresql_one_kind_searched_alone_is_ranked_in_the_index(corpus):
    """A source's own search, iterated (as the helpdesk's suggested answers
    use it), is ranked by the same written statement, among what the reader
    may see, in pages."""
    from django.db import connection
    from wagtail.search.backends import get_search_backend

    from search.sources import PEOPLE

    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only")
    backend = get_search_backend()
    everyone = list(PEOPLE.search(backend, ["taal"], "or", corpus.member, Filters()))
    assert corpus.kees in everyone  # members-only, seen by a member
    scores = [profile._score for profile in everyone]
    assert scores == sorted(scores, reverse=True)
    visitor = list(PEOPLE.search(backend, ["taal"], "or", AnonymousUser(), Filters()))
    assert corpus.kees not in visitor
    page = PEOPLE.search(backend, ["taal"], "or", corpus.member, Filters())[1:2]
    assert list(page) == everyone[1:2]


@pytest.mark.django_db
def test_on_postgresql_the_migration_gives_existing_entries_their_filter_words(
    corpus,
):
    """network/migrations/0022 adds the narrowing words to the entries that
    were indexed before the words existed: without them a filtered search
    finds nobody on PostgreSQL."""
    import importlib

    from django.apps import apps
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only: SQLite does not narrow by these words")
    migration = importlib.import_module(
        "network.migrations.0022_profile_entries_name_their_filters"
    )
    corpus.anna.bio = "Deskundig in rouwverwerking."
    corpus.anna.save()
    filters = Filters(cluster=4, school_type="so")

    def filtered():
        return found(corpus.member, "rouwverwerking", filters)

    assert filtered() == ["Anna de Vries"]
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE wagtailsearch_indexentry SET body = ts_delete(body, ARRAY("
            "SELECT lexeme FROM unnest(body) WHERE lexeme LIKE 'zz0%%'))"
        )
    assert filtered() == []
    with connection.schema_editor() as schema_editor:
        migration.add_words(apps, schema_editor)
    assert filtered() == ["Anna de Vries"]
