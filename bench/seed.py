"""Scale data for the benchmarks: the demo site plus many news items and articles.

Realistic is what the association publishes over several years (with the
agenda's 500 events, 2,000 pages for the search to look through); 10x is headroom.
"""

import datetime
import random

from django.core.management import call_command
from wagtail.rich_text import RichText

from lecso_site.models import (
    KnowledgeArticle,
    KnowledgeIndexPage,
    NewsIndexPage,
    NewsPage,
)
from network.models import Cluster

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
    news_index = NewsIndexPage.objects.get()
    knowledge_index = KnowledgeIndexPage.objects.get()
    clusters = list(Cluster.objects.all())
    today = datetime.date.today()

    existing = NewsPage.objects.count()
    for number in range(existing, target["news"]):
        page = NewsPage(
            title=f"Netwerknieuws {number}: {rng.choice(TAGS)} in de praktijk",
            slug=f"netwerknieuws-{number}",
            date=today - datetime.timedelta(days=number),
            intro="Een korte samenvatting van dit nieuwsbericht uit het netwerk.",
            theme=rng.choice(THEMES),
            body=[("paragraph", RichText(PARAGRAPH))] * 4,
        )
        page.tags.set(rng.sample(TAGS, 3))
        news_index.add_child(instance=page)
        _progress(stdout, "news", number, target["news"])

    existing = KnowledgeArticle.objects.count()
    for number in range(existing, target["articles"]):
        article = KnowledgeArticle(
            title=f"Praktijkartikel {number} over {rng.choice(TAGS)}",
            slug=f"praktijkartikel-{number}",
            intro="Wat collega's leerden, kort samengevat.",
            audience=rng.choice(["so", "vso", "so-vso"]),
            body=[("paragraph", RichText(PARAGRAPH))] * 6,
        )
        article.clusters.set(rng.sample(clusters, rng.randint(0, 2)))
        article.tags.set(rng.sample(TAGS, 3))
        knowledge_index.add_child(instance=article)
        _progress(stdout, "articles", number, target["articles"])


def _progress(stdout, kind: str, number: int, total: int) -> None:
    if number % 250 == 0:
        stdout.write(f"  seeding {kind}: {number}/{total}\n")
        stdout.flush()
