"""The site search at scale: the index is built once after seeding (the seeders
write in bulk, past Wagtail's signals), then searches of the kinds people make
are measured like any other page."""

import time

from django.core.management import call_command

from network.models import Profile

from .seed import compact


def ensure_index(stdout) -> None:
    """Build the search index when the seeded people are not all in it."""
    from wagtail.search.models import IndexEntry

    indexed = IndexEntry.objects.filter(
        content_type__app_label="network", content_type__model="profile"
    ).count()
    if indexed >= Profile.objects.count():
        return
    stdout.write("  building the search index (once per bench database)\n")
    stdout.flush()
    start = time.perf_counter()
    call_command("update_index", verbosity=0)
    stdout.write(f"  search index built in {time.perf_counter() - start:.0f} s\n")
    # The build leaves dead row versions behind (at 10x 858 MB, 604 once
    # compacted, on 6 December 2026); the README tells a deploy to do the
    # same after a full build.
    compact(IndexEntry._meta.db_table, stdout)


def bench_urls() -> list[tuple]:
    return [
        ("search, one word", "/zoeken/?q=zelfregulatie", "member"),
        ("search, one word, visitor", "/zoeken/?q=zelfregulatie", "anonymous"),
        ("search, two words", "/zoeken/?q=prikkelarme+klas", "member"),
        ("search, common word", "/zoeken/?q=scholen", "member"),
        ("search, common word, page 5", "/zoeken/?q=scholen&page=5", "member"),
        ("search, forum facet", "/zoeken/?q=leerling&type=forum", "member"),
        ("search, 2 filters", "/zoeken/?q=communicatie&cluster=4&soort=vso", "member"),
        ("search, nothing found", "/zoeken/?q=zelfregulatei", "member"),
        ("search suggestions", "/zoeken/suggesties/?q=zelf", "member"),
    ]
