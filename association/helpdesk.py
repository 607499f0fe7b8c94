"""Working the helpdesk: asking, answering, assigning, merging, reminding and
purging. Every change to a case takes its row lock first, so two advisers
acting at once are put in a line: both replies are kept, in the order they
came, and the status is what the last of them says.

What reaches the member is a notification (inbox, and e-mail as they chose)
whose title names the case's number only: the subject and the answer stay on
the site, behind the sign-in."""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import Count
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from network.anonymise import anonymise, names_of, schools_of
from network.notifications import notify

from .models import (
    Case,
    CaseAttachment,
    CaseMessage,
    CaseMessageKind,
    CaseStatus,
    SignalTheme,
)
from .permissions import reporting_school
from .services import advisers

# What an adviser's message does to the case's status.
STATUS_AFTER = {
    CaseMessageKind.REPLY: CaseStatus.ANSWERED,
    CaseMessageKind.ASK_MORE: CaseStatus.WAITING,
}

# Notification titles, translated into each recipient's language when sent.
NEW_QUESTION = gettext_noop("New helpdesk question #%(number)s")
MEMBER_ADDED = gettext_noop("The member added to helpdesk question #%(number)s")
ANSWERED = gettext_noop("The association answered your question #%(number)s")
ASKS_MORE = gettext_noop("The association asks more about your question #%(number)s")
OVERDUE = gettext_noop("Helpdesk question #%(number)s is waiting for an answer")


class CaseError(Exception):
    """A change the case cannot take; the message says why, for the person."""


def _locked(case_id: int) -> Case:
    return Case.objects.select_for_update().get(pk=case_id)


def _save_attachments(case, message, uploads) -> None:
    for upload in uploads:
        CaseAttachment.objects.create(
            case=case,
            message=message,
            file=upload,
            name=upload.name[:200],
            size=upload.size,
            content_type=upload.content_type,
        )


def _tell_advisers(case: Case, template: str) -> None:
    """`template` names the case by number; the assignee alone once there is one."""
    recipients = [case.assignee] if case.assignee_id else list(advisers())
    for adviser in recipients:
        if adviser is None or not adviser.is_active:
            continue
        with translation.override(adviser.preferred_language):
            title = _(template) % {"number": case.pk}
        notify(adviser, kind="helpdesk", title=title, url=case.get_admin_url())


def _tell_member(case: Case, template: str) -> None:
    member = case.asker
    if member is None or not member.is_active:
        return
    with translation.override(member.preferred_language):
        title = _(template) % {"number": case.pk}
    notify(member, kind="helpdesk_reply", title=title, url=case.get_absolute_url())


@transaction.atomic
def ask(user, *, subject, question, theme, share_with_coordinator=False, uploads=()):
    school = reporting_school(user)
    now = timezone.now()
    case = Case.objects.create(
        asker=user,
        school=school,
        theme=theme,
        subject=subject,
        question=question,
        share_with_coordinator=share_with_coordinator,
        awaiting_reply_since=now,
    )
    _save_attachments(case, None, uploads)
    _tell_advisers(case, NEW_QUESTION)
    return case


@transaction.atomic
def member_writes(case: Case, user, text: str, uploads=()) -> CaseMessage:
    """The member's addition continues the same case, and puts it back in the
    association's hands (a closed case opens again)."""
    case = _locked(case.pk)
    if case.merged_into_id:
        raise CaseError(_("This question was merged into another; write there."))
    message = CaseMessage.objects.create(
        case=case, kind=CaseMessageKind.FROM_MEMBER, text=text, author=user
    )
    _save_attachments(case, message, uploads)
    case.status = CaseStatus.ASSIGNED if case.assignee_id else CaseStatus.NEW
    case.awaiting_reply_since = case.awaiting_reply_since or timezone.now()
    case.closed_at = None
    case.save(
        update_fields=["status", "awaiting_reply_since", "closed_at", "updated_at"]
    )
    _tell_advisers(case, MEMBER_ADDED)
    return message


@transaction.atomic
def adviser_writes(case: Case, adviser, kind: str, text: str) -> CaseMessage:
    """An answer, a question to the member or an internal note. Answers and
    questions reach the member and set the status; a note changes nothing the
    member sees. The first adviser to write takes the case if nobody has."""
    case = _locked(case.pk)
    if case.merged_into_id:
        raise CaseError(_("This question was merged into another; write there."))
    message = CaseMessage.objects.create(
        case=case, kind=kind, text=text, author=adviser
    )
    if case.assignee_id is None:
        case.assignee = adviser
        if case.status == CaseStatus.NEW:
            case.status = CaseStatus.ASSIGNED
    if kind in STATUS_AFTER:
        case.status = STATUS_AFTER[kind]
        case.awaiting_reply_since = None
        case.closed_at = None
    case.save()
    if kind == CaseMessageKind.REPLY:
        _tell_member(case, ANSWERED)
    elif kind == CaseMessageKind.ASK_MORE:
        _tell_member(
            case,
            ASKS_MORE,
        )
    return message


@transaction.atomic
def assign(case: Case, adviser, by=None) -> Case:
    case = _locked(case.pk)
    case.assignee = adviser
    if adviser is not None and case.status == CaseStatus.NEW:
        case.status = CaseStatus.ASSIGNED
    if adviser is None and case.status == CaseStatus.ASSIGNED:
        case.status = CaseStatus.NEW
    case.save(update_fields=["assignee", "status", "updated_at"])
    if adviser is not None and adviser != by:
        with translation.override(adviser.preferred_language):
            title = _("Helpdesk question #%(number)s is yours") % {"number": case.pk}
        notify(adviser, kind="helpdesk", title=title, url=case.get_admin_url())
    return case


@transaction.atomic
def set_status(case: Case, status: str) -> Case:
    case = _locked(case.pk)
    if case.merged_into_id and status != CaseStatus.CLOSED:
        raise CaseError(_("A merged question stays closed."))
    now = timezone.now()
    case.status = status
    case.closed_at = now if status == CaseStatus.CLOSED else None
    if status in (CaseStatus.NEW, CaseStatus.ASSIGNED):
        case.awaiting_reply_since = case.awaiting_reply_since or now
    else:
        case.awaiting_reply_since = None
    case.save(
        update_fields=["status", "closed_at", "awaiting_reply_since", "updated_at"]
    )
    return case


@transaction.atomic
def merge(duplicate: Case, into: Case, by) -> Case:
    """`duplicate` continues in `into`: its question and messages move over,
    and it is closed with a pointer there. Only one member's own cases merge,
    as merging would show one member's question to another."""
    if duplicate.pk == into.pk:
        raise CaseError(_("A question cannot be merged into itself."))
    # Locked in one order whatever the direction, so two merges cannot deadlock.
    locked = {
        case.pk: case
        for case in Case.objects.select_for_update()
        .filter(pk__in=[duplicate.pk, into.pk])
        .order_by("pk")
    }
    duplicate, into = locked[duplicate.pk], locked[into.pk]
    if duplicate.asker_id != into.asker_id or duplicate.asker_id is None:
        raise CaseError(_("Only questions of the same member can be merged."))
    if duplicate.merged_into_id or into.merged_into_id:
        raise CaseError(_("One of these questions was merged already."))
    moved_question = CaseMessage.objects.create(
        case=into,
        kind=CaseMessageKind.FROM_MEMBER,
        text=f"{duplicate.subject}\n\n{duplicate.question}",
        author=duplicate.asker,
    )
    CaseMessage.objects.filter(pk=moved_question.pk).update(
        created_at=duplicate.created_at
    )
    duplicate.messages.update(case=into)
    duplicate.attachments.filter(message__isnull=True).update(
        case=into, message=moved_question
    )
    duplicate.attachments.update(case=into)
    CaseMessage.objects.create(
        case=into,
        kind=CaseMessageKind.NOTE,
        text=_("Question #%(number)s (%(subject)s) was merged into this one.")
        % {"number": duplicate.pk, "subject": duplicate.subject},
        author=by,
    )
    duplicate.merged_into = into
    duplicate.status = CaseStatus.CLOSED
    duplicate.closed_at = timezone.now()
    duplicate.awaiting_reply_since = None
    duplicate.save()
    return into


# Reminders -----------------------------------------------------------------


def working_days_between(start: datetime.datetime, end: datetime.datetime) -> int:
    """Whole working days (Monday to Friday) from `start` to `end`: a question
    asked on Friday afternoon has waited one working day on Monday afternoon."""
    start, end = timezone.localtime(start), timezone.localtime(end)
    days, day = 0, start
    while True:
        day += datetime.timedelta(days=1)
        while day.weekday() >= 5:  # a weekend day counts for nothing
            day += datetime.timedelta(days=1)
        if day > end:
            return days
        days += 1


def overdue(now=None):
    """Open cases the association has owed a reply longer than the setting,
    not reminded since the member last wrote."""
    now = now or timezone.now()
    days = settings.HELPDESK_REMINDER_WORKING_DAYS
    # At least this many calendar days: cheap to ask the database first.
    candidates = Case.objects.filter(
        status__in=(CaseStatus.NEW, CaseStatus.ASSIGNED),
        awaiting_reply_since__lte=now - datetime.timedelta(days=days),
        merged_into__isnull=True,
    ).select_related("assignee")
    return [
        case
        for case in candidates
        if working_days_between(case.awaiting_reply_since, now) >= days
        and (case.reminded_at is None or case.reminded_at < case.awaiting_reply_since)
    ]


def remind(now=None) -> int:
    """Remind each overdue case's adviser (all advisers while it has none)."""
    now = now or timezone.now()
    cases = overdue(now)
    for case in cases:
        with transaction.atomic():
            _tell_advisers(
                case,
                OVERDUE,
            )
            Case.objects.filter(pk=case.pk).update(reminded_at=now)
    return len(cases)


# Knowledge -----------------------------------------------------------------


def anonymised_words(case: Case) -> tuple[str, str, str]:
    """The subject, the question and the answers of a case, without the member, their
    school, the advisers who answered, addresses, phone and BSN-like numbers;
    for a draft knowledge article the editor reads first."""
    messages = list(case.messages.select_related("author"))
    people = [case.asker, *(m.author for m in messages)]
    names = [name for person in people for name in names_of(person)]
    schools = schools_of(case.asker)
    if case.school is not None:
        schools += [case.school.name, case.school.brin]

    def clean(text: str) -> str:
        return anonymise(text, names=names, schools=schools)

    # The member's additions before the first answer belong to the question;
    # what they wrote after it (thanks, a next step) does not.
    before_answer = []
    for message in messages:
        if message.kind == CaseMessageKind.REPLY:
            break
        if message.kind == CaseMessageKind.FROM_MEMBER:
            before_answer.append(message.text)
    question = "\n\n".join([case.question, *before_answer])
    answer = "\n\n".join(m.text for m in messages if m.kind == CaseMessageKind.REPLY)
    return clean(case.subject), clean(question), clean(answer)


def can_become_article(case: Case) -> bool:
    return (
        case.article_id is None
        and case.merged_into_id is None
        and case.messages.filter(kind=CaseMessageKind.REPLY).exists()
    )


def announce_article(case: Case, url: str) -> None:
    """The member hears, once, that their question helps others now."""
    if case.article_announced_at is not None:
        return
    Case.objects.filter(pk=case.pk).update(article_announced_at=timezone.now())
    member = case.asker
    if member is None or not member.is_active:
        return
    with translation.override(member.preferred_language):
        title = _(
            "Your helpdesk question #%(number)s is now an article in the "
            "knowledge base, without your name or school"
        ) % {"number": case.pk}
    notify(member, kind="helpdesk_article", title=title, url=url)


# The year's numbers and the purge ---------------------------------------------


@dataclass
class YearCounts:
    year: int
    statuses: list[tuple[str, str]]
    rows: list[tuple[str, list[int], int]]  # theme, count per status, total
    totals: list[int]
    total: int


def year_counts(year: int) -> YearCounts:
    """Questions asked in `year`, per theme and current status; merged
    duplicates are not counted twice."""
    found = (
        Case.objects.filter(created_at__year=year, merged_into__isnull=True)
        .values("theme_id", "status")
        .annotate(n=Count("pk"))
    )
    counted = {(row["theme_id"], row["status"]): row["n"] for row in found}
    statuses = list(CaseStatus.choices)
    rows = []
    for theme in SignalTheme.objects.all():
        cells = [counted.get((theme.pk, status), 0) for status, _label in statuses]
        rows.append((theme.name, cells, sum(cells)))
    totals = [sum(row[1][i] for row in rows) for i in range(len(statuses))]
    return YearCounts(year, statuses, rows, totals, sum(totals))


def purge_closed(now=None) -> int:
    """Delete cases closed longer than HELPDESK_PURGE_AFTER_MONTHS ago, with
    their files. A knowledge article made of one stays: it holds no one."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=30 * settings.HELPDESK_PURGE_AFTER_MONTHS)
    old = Case.objects.filter(status=CaseStatus.CLOSED, closed_at__lt=cutoff)
    files = list(CaseAttachment.objects.filter(case__in=old))
    with transaction.atomic():
        count = old.count()
        old.delete()
    for attachment in files:
        attachment.file.delete(save=False)
    return count


def anonymise_member(user) -> None:
    """A deleted member's cases stay, for the numbers and what was learnt, but
    without them: unlinked, and their words without their name, school,
    address and numbers."""
    names, schools = names_of(user), schools_of(user)
    for case in Case.objects.filter(asker=user).select_related("school"):
        case_schools = schools + ([case.school.name] if case.school else [])
        case.question = anonymise(case.question, names=names, schools=case_schools)
        case.subject = anonymise(case.subject, names=names, schools=case_schools)[:150]
        case.asker = None
        case.share_with_coordinator = False
        case.save(
            update_fields=["question", "subject", "asker", "share_with_coordinator"]
        )
    for message in CaseMessage.objects.filter(author=user):
        message.text = anonymise(message.text, names=names, schools=schools)
        message.author = None
        message.save(update_fields=["text", "author"])
