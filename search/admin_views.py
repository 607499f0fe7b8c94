"""The editors' search report in Wagtail's admin: what people look for most,
and what they looked for and did not find, so the association sees which
knowledge is missing."""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import Sum
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import QueryStat

PERIODS = [
    (7, _("Past week")),
    (30, _("Past 30 days")),
    (90, _("Past 90 days")),
    (365, _("Past year")),
]
ROWS = 50


def can_see_report(user) -> bool:
    return user.has_perm("search.view_querystat")


def report_rows(days: int):
    since = timezone.localdate() - timedelta(days=days)
    # A query typed once may be somebody's name (a pupil's, say); one that
    # comes back is a subject. Only those reach the report.
    stats = (
        QueryStat.objects.filter(day__gt=since)
        .values("query")
        .annotate(total=Sum("searches"), found_nothing=Sum("zero_results"))
        .filter(total__gte=settings.SEARCH_REPORT_MIN_SEARCHES)
    )
    most = stats.order_by("-total", "query")[:ROWS]
    nothing = stats.filter(found_nothing__gt=0).order_by("-found_nothing", "query")[
        :ROWS
    ]
    return list(most), list(nothing)


def report(request):
    if not can_see_report(request.user):
        raise PermissionDenied
    try:
        days = int(request.GET.get("dagen", 30))
    except ValueError:
        days = 30
    if days not in dict(PERIODS):
        days = 30
    most, nothing = report_rows(days)
    return render(
        request,
        "search/admin/report.html",
        {
            "most": most,
            "nothing": nothing,
            "days": days,
            "periods": PERIODS,
            "header_title": _("Site search"),
        },
    )
