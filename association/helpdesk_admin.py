"""The helpdesk queue in Wagtail's admin, for the policy advisers: the list of
cases, one case with everything said on it and what an adviser can do with
it, and the year's numbers per theme and status."""

import csv

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from network.pagination import paginate
from network.query_params import int_param, text_param

from .helpdesk import (
    CaseError,
    adviser_writes,
    assign,
    can_become_article,
    merge,
    set_status,
    working_days_between,
    year_counts,
)
from .helpdesk_forms import AdviserMessageForm, AssignForm, MergeForm, StatusForm
from .models import Case, CaseStatus, SignalTheme
from .models.helpdesk import OPEN_STATUSES
from .permissions import is_adviser

CASES_PER_PAGE = 50
OPEN = "open"
SHOWN = [
    (OPEN, gettext_lazy("Open (new, assigned, waiting)")),
    *CaseStatus.choices,
    ("alle", gettext_lazy("All")),
]


def _advisers_only(request) -> None:
    if not is_adviser(request.user):
        raise PermissionDenied


def queue(request):
    _advisers_only(request)
    status = request.GET.get("status", OPEN)
    if status not in dict(SHOWN):
        status = OPEN
    cases = Case.objects.select_related("theme", "school", "assignee").filter(
        merged_into__isnull=True
    )
    if status == OPEN:
        cases = cases.filter(status__in=OPEN_STATUSES)
    elif status != "alle":
        cases = cases.filter(status=status)
    whose = request.GET.get("adviser", "")
    if whose == "mij":
        cases = cases.filter(assignee=request.user)
    elif whose == "niemand":
        cases = cases.filter(assignee__isnull=True)
    theme = int_param(request.GET, "theme")
    if theme is not None:
        cases = cases.filter(theme_id=theme)
    query = text_param(request.GET, "q", 100)
    if query:
        number = query.lstrip("#")
        matches = Q(subject__icontains=query)
        if number.isdigit() and len(number) < 10:
            matches |= Q(pk=int(number))
        cases = cases.filter(matches)
    page = paginate(
        request, cases.order_by("awaiting_reply_since", "-created_at"), CASES_PER_PAGE
    )
    now = timezone.now()
    for case in page:
        case.waiting_days = (
            working_days_between(case.awaiting_reply_since, now)
            if case.awaiting_reply_since
            else None
        )
    return TemplateResponse(
        request,
        "association/admin/helpdesk_queue.html",
        {
            "page_title": _("Helpdesk"),
            "cases": page,
            "statuses": SHOWN,
            "status": status,
            "adviser": whose,
            "themes": SignalTheme.objects.all(),
            "theme": theme,
            "query": query,
        },
    )


ACTIONS = ("write", "assign", "status", "merge")


def case_view(request, pk):
    _advisers_only(request)
    case = get_object_or_404(
        Case.objects.select_related(
            "theme", "school", "assignee", "asker__profile", "article"
        ),
        pk=pk,
    )
    forms = {
        "write": AdviserMessageForm(prefix="write"),
        "assign": AssignForm(prefix="assign", initial={"assignee": case.assignee}),
        "status": StatusForm(prefix="status", initial={"status": case.status}),
        "merge": MergeForm(prefix="merge"),
    }
    action = request.POST.get("action", "")
    if request.method == "POST" and action not in ACTIONS:
        # Not a form of this page (an edited one): change nothing, keep the text.
        forms["write"] = AdviserMessageForm(
            prefix="write",
            initial={
                "kind": request.POST.get("write-kind"),
                "text": request.POST.get("write-text", ""),
            },
        )
        messages.error(request, _("Nothing was changed; please try again."))
    elif request.method == "POST":
        form_class = type(forms[action])
        form = form_class(request.POST, prefix=action)
        forms[action] = form
        if form.is_valid():
            try:
                done, target = _act(request, case, action, form.cleaned_data)
            except CaseError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, done)
                return redirect(target.get_admin_url())
    return TemplateResponse(
        request,
        "association/admin/helpdesk_case.html",
        {
            "page_title": str(case),
            "case": case,
            "case_messages": _with_author_names(case),
            "question_attachments": case.attachments.filter(message__isnull=True),
            "merged": case.merged_cases.all(),
            "forms": forms,
            "can_become_article": can_become_article(case),
            "asker_profile": getattr(case.asker, "profile", None)
            if case.asker
            else None,
        },
    )


def _with_author_names(case) -> list:
    """The case's messages, each with how its author is named to advisers."""
    shown = list(
        case.messages.select_related("author__profile").prefetch_related("attachments")
    )
    for message in shown:
        author = message.author
        message.author_name = author.name_for_others(author.email) if author else ""
    return shown


def _act(request, case, action, data) -> tuple[str, Case]:
    """Do what the adviser asked: what to tell them, and the case to show."""
    if action == "write":
        message = adviser_writes(case, request.user, data["kind"], data["text"])
        if message.reaches_member:
            return _("Sent: the member hears of it in their inbox."), case
        return _("The note is saved; the member does not see it."), case
    if action == "assign":
        assign(case, data["assignee"], by=request.user)
        return _("The adviser is set."), case
    if action == "status":
        set_status(case, data["status"])
        return _("The status is set."), case
    into = merge(case, data["into"], request.user)
    return _("Merged into question #%(number)s.") % {"number": into.pk}, into


def year_view(request):
    _advisers_only(request)
    this_year = timezone.localdate().year
    year = int_param(request.GET, "year")
    if year is None or not 2000 <= year <= this_year:
        year = this_year
    counts = year_counts(year)
    if request.GET.get("export") == "csv":
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="helpdesk-{year}.csv"'
        response.write("\ufeff")  # so Excel reads the UTF-8
        writer = csv.writer(response, delimiter=";")
        writer.writerow(
            [_("Theme"), *(label for _s, label in counts.statuses), _("All")]
        )
        for name, cells, total in counts.rows:
            writer.writerow([name, *cells, total])
        writer.writerow([_("All themes"), *counts.totals, counts.total])
        return response
    return TemplateResponse(
        request,
        "association/admin/helpdesk_year.html",
        {
            "page_title": _("Helpdesk questions in %(year)s") % {"year": year},
            "counts": counts,
            "years": range(this_year, this_year - 6, -1),
        },
    )
