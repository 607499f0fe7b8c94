"""Scale data for the benchmarks: the demo site plus many news items and articles.

Realistic is what the association publishes over several years (with the
agenda's 500 events, 2,000 pages for the search to look through); 10x is headroom.
"""

import datetime
import random
import time
import uuid

from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection, transaction
from django.utils import timezone
from taggit.models import Tag
from wagtail.models import Page
from wagtail.rich_text import RichText

from lecso_site.models import (
    KnowledgeArticle,
    KnowledgeIndexPage,
    NewsIndexPage,
    NewsPage,
)
from network.models import Cluster

BATCH = 1_000
SCALES = {
    "realistic": {"news": 1000, "articles": 500},
    "10x": {"news": 10000, "articles": 5000},
}
TAGS = [
    "ondersteuningsbehoefte",
    "gedrag",
    "communicatie",
    "TOS",
    "EMB",
    "jeugdhulp",
    "uitstroom",
    "stage",
    "OPP",
    "kwaliteitszorg",
    "inspectie",
    "personeel",
]
THEMES = ["goed-onderwijs", "kwaliteitszorg", "ketens-partners"]
PARAGRAPH = (
    "<p>Scholen voor speciaal onderwijs delen hun aanpak met collega's in het hele "
    "land. Dit bericht beschrijft wat werkte, wat niet, en wat anderen kunnen "
    "overnemen in hun eigen school en samenwerkingsverband.</p>"
)


def seed(scale: str, stdout) -> None:
    """Bring the database up to the counts of `scale`; idempotent."""
    call_command("seed_demo", force=True, stdout=stdout)
    target = SCALES[scale]
    rng = random.Random(2026)
    clusters = list(Cluster.objects.values_list("pk", flat=True))
    today = datetime.date.today()

    def news_item(number):
        page = NewsPage(
            title=f"Netwerknieuws {number}: {rng.choice(TAGS)} in de praktijk",
            slug=f"netwerknieuws-{number}",
            date=today - datetime.timedelta(days=number % 3650),
            intro="Een korte samenvatting van dit nieuwsbericht uit het netwerk.",
            theme=rng.choice(THEMES),
            body=[("paragraph", RichText(PARAGRAPH))] * 4,
        )
        return page, rng.sample(TAGS, 3), []

    def article(number):
        page = KnowledgeArticle(
            title=f"Praktijkartikel {number} over {rng.choice(TAGS)}",
            slug=f"praktijkartikel-{number}",
            intro="Wat collega's leerden, kort samengevat.",
            audience=rng.choice(["so", "vso", "so-vso"]),
            body=[("paragraph", RichText(PARAGRAPH))] * 6,
        )
        chosen = rng.sample(clusters, rng.randint(0, 2))
        return page, rng.sample(TAGS, 3), chosen

    _in_batches(stdout, "news", NewsPage, NewsIndexPage, target["news"], news_item)
    _in_batches(
        stdout,
        "articles",
        KnowledgeArticle,
        KnowledgeIndexPage,
        target["articles"],
        article,
    )


def _in_batches(stdout, kind: str, model, index_model, total: int, make) -> None:
    """Add `make(number)` pages of `model` under the one `index_model` page
    until there are `total`, BATCH at a time."""
    for start in range(model.objects.count(), total, BATCH):
        numbers = range(start, min(start + BATCH, total))
        add_pages(index_model.objects.get(), [make(number) for number in numbers])
        _progress(stdout, kind, numbers.stop, total)


@transaction.atomic
def add_pages(parent, pages) -> None:
    """Publish (page, tags, cluster keys) under `parent` in a few statements:
    the tree rows of Page in one bulk insert, each kind's own table in another,
    tags and clusters in bulk. Wagtail's add_child saves one page at a time
    (with its tree bookkeeping), which makes 15,000 pages take most of an hour.
    The tree paths are treebeard's: the parent's path and a 4-character step."""
    parent = Page.objects.select_for_update().get(pk=parent.pk)
    last = parent.get_last_child()
    step = Page._str2int(last.path[-Page.steplen :]) if last else 0
    model = type(pages[0][0])
    content_type = ContentType.objects.get_for_model(model)
    now = timezone.now()
    rows = []
    for number, (page, _tags, _clusters) in enumerate(pages, start=step + 1):
        rows.append(
            Page(
                title=page.title,
                draft_title=page.title,
                slug=page.slug,
                content_type=content_type,
                locale_id=parent.locale_id,
                translation_key=uuid.uuid4(),
                path=parent.path + Page._int2str(number).rjust(Page.steplen, "0"),
                depth=parent.depth + 1,
                numchild=0,
                url_path=f"{parent.url_path}{page.slug}/",
                live=True,
                has_unpublished_changes=False,
                first_published_at=now,
                last_published_at=now,
            )
        )
    Page.objects.bulk_create(rows)
    for row, (page, _tags, _clusters) in zip(rows, pages, strict=True):
        page.page_ptr_id = page.pk = row.pk
    # The kind's own table only: its parent rows are in (raw=True).
    model._base_manager._insert(
        [page for page, _tags, _clusters in pages],
        fields=model._meta.local_concrete_fields,
        raw=True,
    )
    tags = {name: Tag.objects.get_or_create(name=name)[0] for name in TAGS}
    through = model.tags.through
    through.objects.bulk_create(
        through(content_object_id=page.pk, tag=tags[name])
        for page, names, _clusters in pages
        for name in names
    )
    if hasattr(model, "clusters"):
        clusters_through = model.clusters.through
        clusters_through.objects.bulk_create(
            clusters_through(knowledgearticle_id=page.pk, cluster_id=cluster)
            for page, _tags, chosen in pages
            for cluster in chosen
        )
    Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + len(pages))


def _progress(stdout, kind: str, number: int, total: int) -> None:
    stdout.write(f"  seeding {kind}: {number}/{total}\n")
    stdout.flush()


def compact(table: str, stdout) -> None:
    """On PostgreSQL, rewrite a table the seed filled in bulk and then updated
    row by row (each profile is written three times: inserted, given its
    search text, given its counts). At 10x autovacuum could not keep up and
    the dead versions left the profile table nearly twice its size (304 MB
    against 171 compacted), its rows spread over that many more pages, where
    a live site's table, written over months, reuses the space autovacuum
    frees (at realistic scale the seed's table is already compact)."""
    if connection.vendor != "postgresql":
        return
    start = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute(f"VACUUM (FULL, ANALYZE) {connection.ops.quote_name(table)}")
    stdout.write(f"  {table} compacted in {time.perf_counter() - start:.0f} s\n")
