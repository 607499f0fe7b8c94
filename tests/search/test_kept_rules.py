"""A reader's rule kept compiled under a mark (Source.same_sql_for,
search.sources.marked_same) must be the same SQL and parameters for every
reader and every moment the mark stands for: a mark that promised wrongly
would hand one reader's rule to another."""

import time
from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone
from wagtail.search.backends import get_search_backend

from search import engine
from search import sources as registry
from search.sources import Filters


def _readers(corpus):
    return {
        "visitor": AnonymousUser(),
        "no one": None,
        "member": corpus.member,
        "group member": corpus.group_member,
        "moderator": corpus.moderator,
        "outsider": corpus.outsider,
    }


def _filters(corpus):
    return [
        Filters(),
        Filters(cluster=4),
        Filters(school_type="vso"),
        Filters(support_need=corpus.need_slug),
        Filters(period="maand"),
        Filters(period="komend"),
    ]


def _marked(source, user, filters):
    """Every marked queryset one search of the source builds for the reader,
    as (mark, compiled SQL and parameters)."""
    with registry.one_search():
        built = source.built(user, filters)
        results = source.search(
            get_search_backend(), ["leerling"], "and", user, filters
        )
    asked = [built, results.narrowed_keys, results.keys_besides_words]
    asked += list(results.excluded_keys or [])
    marked = []
    for queryset in asked:
        mark = getattr(queryset, "same_for_everyone", None)
        if mark is not None:
            keys = queryset.order_by().values("pk") if queryset is built else queryset
            marked.append((mark, keys.query.sql_with_params()))
    return marked


@pytest.mark.django_db
def test_each_mark_stands_for_one_rule_whoever_reads_and_whenever(corpus):
    rules: dict = {}
    readers = _readers(corpus)
    for source in registry.registered():
        for filters in _filters(corpus):
            if not source.applies(filters):
                continue
            for _moment in range(2):
                # Another moment: a rule that names the clock differs.
                time.sleep(0.002)
                for name, user in readers.items():
                    for mark, sql in _marked(source, user, filters):
                        rules.setdefault(mark, {})[(name, _moment)] = sql
    for mark, compiled in rules.items():
        assert len(set(compiled.values())) == 1, (mark, compiled)
    # The search keeps the rules it can: a visitor's of every kind but the
    # pages' own mark (kept by model), a member's for schools, offers and the
    # people's exclusions, never a signed-in reader's forum.
    marked_kinds = {mark[0] for mark in rules if isinstance(mark, tuple)}
    assert {"forum", "scholen", "aanbod", "dossiers", "raadplegingen", "mensen"} <= (
        marked_kinds
    )
    forum_readers = {
        name for mark, seen in rules.items() if mark[0] == "forum" for name, _m in seen
    }
    assert forum_readers == {"visitor", "no one"}


@pytest.mark.django_db
def test_a_published_dossier_is_found_by_members_and_by_nobody_else(corpus):
    """Readers who may read no dossier share one kept rule (nothing); a
    member's rule names the moment, so a dossier published a second ago is
    found and one published tomorrow is not."""
    from association.models import Dossier

    Dossier.objects.create(
        title="Vervoer",
        slug="vervoer",
        summary="Leerlingenvervoer in de regio.",
        published_at=timezone.now(),
    )
    Dossier.objects.create(
        title="Morgen",
        slug="morgen",
        summary="Leerlingenvervoer straks.",
        published_at=timezone.now() + timedelta(days=1),
    )
    for reader in (AnonymousUser(), corpus.outsider, corpus.member):
        outcome = engine.search(reader, "leerlingenvervoer", Filters(), kind="dossiers")
        titles = [str(result.title) for result in outcome.page.object_list]
        assert titles == (["Vervoer"] if reader is corpus.member else []), reader
