"""The directory's counts with nothing chosen are kept, not counted on every
cold page (network.directory_counts): after every kind of change they equal
the counts made afresh from the profiles, for visitors and for members."""

import threading

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection, connections

from network import directory_counts
from network.directory import _conditions, count_afresh, kept_counts
from network.models import (
    Affiliation,
    Cluster,
    DirectoryCount,
    Profile,
    SupportNeed,
    Visibility,
)
from network.services import merge_topics

pytestmark = pytest.mark.django_db


def as_counted(counts) -> tuple:
    total, facets = counts
    return total, {
        facet: sorted((v.value, v.count, v.selected) for v in values if v.count)
        for facet, values in facets.items()
    }


# Nothing chosen, or one value of one facet: what the kept counts serve.
CHOICES = [
    {},
    {"support_need": "communicatie"},
    {"support_need": "gedragsregulatie", "sort": "recent"},
    {"topic": "gebaren"},
    {"topic": "de-escalatie"},
    {"cluster": 4},
    {"school_type": "so"},
    {"school_type": "vso"},
    {"province": "UT"},
    {"availability": "questions"},
    {"availability": "talk"},
]


def assert_kept_counts_are_right(member, after=None):
    for reader in (member, AnonymousUser()):
        for filters in CHOICES:
            afresh = count_afresh(filters, reader, _conditions(filters, reader))
            kept = kept_counts(reader, filters)
            assert as_counted(kept) == as_counted(afresh), (reader, filters, after)


@pytest.fixture
def member(make_person, school_a):
    return make_person("Lezer", school=school_a).user


@pytest.fixture
def anna(make_person, school_a):
    return make_person(
        "Anna de Vries",
        school=school_a,
        needs=["communicatie"],
        topics=["ondersteunde communicatie", "gebaren"],
        clusters=[2, 3],
        school_type="so",
        questions=True,
        visibility=Visibility.PUBLIC,
    )


def test_every_kind_of_change_keeps_the_counts_right(
    member, anna, make_person, school_a, school_b
):
    bram = make_person(
        "Bram Jansen",
        school=school_b,
        needs=["gedragsregulatie", "communicatie"],
        topics=["de-escalatie"],
        clusters=[4],
        school_type="vso",
        visit=True,
    )
    assert_kept_counts_are_right(member)
    stale = Profile.objects.get(pk=anna.pk)  # loaded before the changes below
    changes = [
        lambda: setattr(anna, "visibility", Visibility.MEMBERS) or anna.save(),
        lambda: setattr(anna, "visibility", Visibility.HIDDEN) or anna.save(),
        # An old copy saved after the change puts nothing of its own back.
        lambda: setattr(stale, "job_title", "Logopedist") or stale.save(),
        lambda: setattr(anna, "visibility", Visibility.PUBLIC) or anna.save(),
        lambda: setattr(anna, "school_type", "so-vso") or anna.save(),
        lambda: setattr(anna, "open_for_talk", True) or anna.save(),
        lambda: anna.support_needs.add(
            SupportNeed.objects.get(slug="gedragsregulatie")
        ),
        lambda: anna.support_needs.remove(SupportNeed.objects.get(slug="communicatie")),
        lambda: SupportNeed.objects.get(slug="gedragsregulatie").profiles.add(anna),
        lambda: anna.clusters.add(Cluster.objects.get(number=4)),
        lambda: Cluster.objects.get(number=4).profiles.remove(bram),
        lambda: anna.clusters.clear(),
        lambda: anna.topics.add("thuiszitters"),
        lambda: anna.topics.remove("gebaren"),
        lambda: merge_topics(
            anna.topics.get(name="thuiszitters"), bram.topics.get(name="de-escalatie")
        ),
        lambda: Affiliation.objects.create(profile=anna, school=school_b),
        lambda: setattr(school_b, "province", "FR") or school_b.save(),
        lambda: Affiliation.objects.filter(profile=anna, school=school_a).delete(),
        lambda: setattr(bram.user, "is_active", False) or bram.user.save(),
        lambda: setattr(bram.user, "is_active", True) or bram.user.save(),
        lambda: SupportNeed.objects.get(slug="communicatie").delete(),
        lambda: make_person("Cato Bakker", school=school_a, needs=["gedragsregulatie"]),
        lambda: bram.delete(),
        lambda: anna.user.delete(),
    ]
    for number, change in enumerate(changes):
        change()
        assert_kept_counts_are_right(member, after=number)


def test_counting_everyone_afresh_gives_the_kept_counts(member, anna, make_person):
    make_person("Dirk Verborgen", needs=["communicatie"], visibility=Visibility.HIDDEN)
    anna.support_needs.add(SupportNeed.objects.get(slug="gedragsregulatie"))
    kept = set(
        DirectoryCount.objects.values_list("audience", "facet", "value", "count")
    )
    directory_counts.rebuild()
    rebuilt = set(
        DirectoryCount.objects.values_list("audience", "facet", "value", "count")
    )
    assert {row for row in kept if row[3]} == rebuilt
    assert (
        "public",
        "support_need",
        str(anna.support_needs.get(slug="communicatie").pk),
        1,
    ) in rebuilt


def test_the_directory_page_with_nothing_chosen_reads_the_kept_counts(
    client, member, anna, django_assert_max_num_queries
):
    from network.directory import bump_generation

    client.force_login(member)
    client.get("/deskundigen/")
    bump_generation()  # as after any change: nothing cached
    with django_assert_max_num_queries(12) as queries:
        response = client.get("/deskundigen/")
    assert "Communicatie (1)" in response.text
    counting = [q["sql"] for q in queries.captured_queries if "COUNT(" in q["sql"]]
    assert counting == [], "no profile is counted for the page"


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="SQLite writes one at a time anyway"
)
def test_many_people_changing_their_profiles_at_once_are_all_counted(
    member, make_person, school_a
):
    # Made here: a transactional test before this one empties the tables the
    # migrations filled.
    communicatie, _ = SupportNeed.objects.get_or_create(
        slug="communicatie", defaults={"name": "Communicatie"}
    )
    gedrag, _ = SupportNeed.objects.get_or_create(
        slug="gedragsregulatie", defaults={"name": "Gedragsregulatie"}
    )
    cluster, _ = Cluster.objects.get_or_create(number=4, defaults={"name": "Cluster 4"})
    people = [
        make_person(f"Collega {number}", school=school_a, needs=["communicatie"])
        for number in range(8)
    ]
    start = threading.Barrier(len(people))
    errors = []

    def change(profile):
        try:
            start.wait(timeout=30)
            profile.visibility = Visibility.PUBLIC
            profile.save()
            profile.support_needs.add(gedrag)
            profile.clusters.add(cluster)
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connections.close_all()

    workers = [threading.Thread(target=change, args=(p,)) for p in people]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=60)
    assert errors == []
    assert_kept_counts_are_right(member)
    public = directory_counts.counts_for("public")
    assert public["total"][""] == 8
    assert public["support_need"][str(communicatie.pk)] == 8
    assert public["support_need"][str(gedrag.pk)] == 8
    assert public["cluster"]["4"] == 8
