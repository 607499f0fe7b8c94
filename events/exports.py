"""The attendee list as rows, for the organiser's table, CSV and Excel."""

import csv
import io

from django.http import HttpResponse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from network.models import Profile

from .models import ACTIVE

# A spreadsheet treats a cell starting with one of these as a formula; text
# typed by the public must never run as one (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def answer_text(value) -> str:
    if value is True:
        return _("Yes")
    if value is False:
        return _("No")
    return "" if value is None else str(value)


def readable_answers(registration, questions) -> list[tuple[str, str]]:
    return [
        (q.label, answer_text(registration.answers[str(q.pk)]))
        for q in questions
        if str(q.pk) in registration.answers
    ]


def registrations_for(event, status: str = ""):
    registrations = event.registrations.prefetch_related("sessions").select_related(
        "user"
    )
    if status:
        return registrations.filter(status=status)
    return registrations.filter(status__in=ACTIVE)


def schools_by_user(registrations) -> dict[int, str]:
    user_ids = [r.user_id for r in registrations if r.user_id]
    names: dict[int, str] = {}
    profiles = Profile.objects.filter(user_id__in=user_ids).prefetch_related("schools")
    for profile in profiles:
        names[profile.user_id] = ", ".join(s.name for s in profile.schools.all())
    return names


def table(event, status: str = "") -> tuple[list[str], list[list[str]]]:
    questions = list(event.questions.all())
    rounds = [number for number, _ in event.rounds]
    registrations = list(registrations_for(event, status))
    schools = schools_by_user(registrations)
    header = [
        _("No."),
        _("Name"),
        _("E-mail address"),
        _("School"),
        _("Status"),
        _("Registered at"),
        _("Checked in at"),
    ]
    header += [_("Round %(number)s") % {"number": n} for n in rounds]
    header += [q.label for q in questions]
    rows = []
    for r in registrations:
        by_round = {s.round: s.title for s in r.sessions.all()}
        row = [
            str(r.sequence),
            r.name,
            r.email,
            schools.get(r.user_id, ""),
            r.get_status_display(),
            timezone.localtime(r.created_at).strftime("%Y-%m-%d %H:%M"),
            timezone.localtime(r.attended_at).strftime("%H:%M")
            if r.attended_at
            else "",
        ]
        row += [by_round.get(n, "") for n in rounds]
        row += [answer_text(r.answers.get(str(q.pk))) for q in questions]
        rows.append(row)
    return header, rows


def _safe(cell: str) -> str:
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def _filename(event, extension: str) -> str:
    return f"{slugify(event.title) or 'event'}-{_('registrations')}.{extension}"


def csv_response(event, status: str = "") -> HttpResponse:
    header, rows = table(event, status)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows([_safe(c) for c in row] for row in rows)
    # The byte-order mark makes Excel read the file as UTF-8 (names with é, ë).
    response = HttpResponse(
        "\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = (
        f'attachment; filename="{_filename(event, "csv")}"'
    )
    return response


def xlsx_response(event, status: str = "") -> HttpResponse:
    header, rows = table(event, status)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Registrations")[:31]
    sheet.append(header)
    for row in rows:
        sheet.append([_safe(c) for c in row])
    sheet.freeze_panes = "A2"
    for index, title in enumerate(header, start=1):
        width = max([len(title)] + [len(r[index - 1]) for r in rows[:200]])
        sheet.column_dimensions[get_column_letter(index)].width = min(width + 2, 50)
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(
        buffer.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = (
        f'attachment; filename="{_filename(event, "xlsx")}"'
    )
    return response
