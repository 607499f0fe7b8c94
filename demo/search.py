"""Demo search statistics, so the editors' report has something to show: what
people in the network typically look for over the past weeks, including a few
searches that found nothing (knowledge the association could still write)."""

import datetime
import random

from django.utils import timezone

from search.models import QueryStat

# (words, searches per day on average, whether the demo site finds them)
DEMO_QUERIES = [
    ("autisme", 6, True),
    ("time-out", 4, True),
    ("gebarentaal", 3, True),
    ("ondersteunde communicatie", 3, True),
    ("stage vso", 2, True),
    ("thuiszitters", 2, True),
    ("snoezelruimte", 2, False),
    ("leerlingvervoer aanvragen", 1, False),
    ("rouwverwerking", 1, False),
]


def seed_search_stats(days: int = 28) -> int:
    """Daily counts for the past `days` days; nothing when there are any already."""
    if QueryStat.objects.exists():
        return 0
    rng = random.Random(2026)
    today = timezone.localdate()
    rows = []
    for back in range(days):
        day = today - datetime.timedelta(days=back)
        for words, average, found in DEMO_QUERIES:
            searches = max(0, round(rng.gauss(average, average / 2)))
            if searches:
                rows.append(
                    QueryStat(
                        day=day,
                        query=words,
                        searches=searches,
                        zero_results=0 if found else searches,
                    )
                )
    QueryStat.objects.bulk_create(rows)
    return len(rows)
