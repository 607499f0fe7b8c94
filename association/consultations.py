"""Consultations: who is asked, answering once (per person or per board),
reminders before closing, and the results with small numbers hidden."""

import datetime
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from network.models import Board, Profile, SchoolType
from network.notifications import notify
from network.permissions import is_member
from network.small_numbers import is_suppressed, shown_count

from .models import (
    Answer,
    AnswerBy,
    Audience,
    Consultation,
    QuestionKind,
    Response,
)
from .permissions import is_adviser

ROW_HEIGHT = 28  # of a bar in a results chart, in pixels


class AlreadyAnswered(Exception):
    """This person, or their board, has answered already."""


def _audience_q(audience: str, prefix: str = "") -> Q:
    """Profiles (reached through `prefix`) in the audience: a cluster or SO/VSO
    from the profile, or from its school when the profile names none."""
    if audience.startswith("cluster-"):
        number = int(audience.removeprefix("cluster-"))
        return Q(**{f"{prefix}clusters__number": number}) | Q(
            **{f"{prefix}clusters__isnull": True},
            **{f"{prefix}schools__clusters__number": number},
        )
    if audience in (Audience.SO, Audience.VSO):
        kinds = SchoolType.matching(audience)
        return Q(**{f"{prefix}school_type__in": kinds}) | Q(
            **{f"{prefix}school_type": ""},
            **{f"{prefix}schools__school_type__in": kinds},
        )
    return Q()


def in_audience(user, consultation: Consultation) -> bool:
    if not is_member(user):
        return False
    if consultation.audience == Audience.ALL:
        return True
    return (
        Profile.objects.filter(user=user)
        .filter(_audience_q(consultation.audience))
        .exists()
    )


def board_of(user) -> Board | None:
    """The member board a school coordinator answers for."""
    return (
        Board.objects.filter(
            is_member=True,
            schools__affiliations__profile__user=user,
            schools__affiliations__is_coordinator=True,
        )
        .order_by("name", "pk")
        .first()
    )


def existing_response(user, consultation: Consultation) -> Response | None:
    if consultation.answer_by == AnswerBy.BOARD:
        board = board_of(user)
        if board is None:
            # A colleague who is not a coordinator sees whether their board
            # answered: through any member board of their schools.
            return (
                consultation.responses.filter(
                    board__schools__affiliations__profile__user=user
                )
                .select_related("board")
                .first()
            )
        return consultation.responses.filter(board=board).first()
    return consultation.responses.filter(user=user).first()


def can_answer(user, consultation: Consultation) -> bool:
    if not consultation.is_open or not in_audience(user, consultation):
        return False
    if consultation.answer_by == AnswerBy.BOARD:
        return board_of(user) is not None
    return True


@transaction.atomic
def submit(user, consultation: Consultation, values: dict) -> Response:
    """Store `values` (question id: a text, or a list for several choices) as
    the one response of `user`, or of their board. The board's or the
    person's row is locked first, so two at once give one response."""
    board = None
    if consultation.answer_by == AnswerBy.BOARD:
        board = board_of(user)
        Board.objects.select_for_update().get(pk=board.pk)
    else:
        get_user_model().objects.select_for_update().get(pk=user.pk)
    if existing_response(user, consultation) is not None:
        raise AlreadyAnswered
    try:
        with transaction.atomic():
            response = Response.objects.create(
                consultation=consultation, user=user, board=board
            )
    except IntegrityError as error:
        raise AlreadyAnswered from error
    rows = []
    for question in consultation.questions.all():
        value = values.get(question.pk)
        for one in value if isinstance(value, list) else [value]:
            if one not in (None, ""):
                rows.append(Answer(response=response, question=question, value=one))
    Answer.objects.bulk_create(rows)
    return response


def can_see_results(user, consultation: Consultation) -> bool:
    if is_adviser(user):
        return True
    return (
        consultation.is_closed and consultation.results_for_members and is_member(user)
    )


@dataclass
class Row:
    option: str
    shown: object  # a count, or "fewer than 5"
    percent: int | None  # None where the count is hidden
    bar: int = 0  # the bar's width in the chart, 0 for a hidden count
    y: int = 0  # the row's place in the chart


@dataclass
class QuestionResult:
    question: object
    rows: list[Row] = field(default_factory=list)
    open_answers: list[str] = field(default_factory=list)

    @property
    def chart_height(self) -> int:
        return ROW_HEIGHT * len(self.rows)


def results(consultation: Consultation) -> tuple[object, list[QuestionResult]]:
    """(respondents, per question its counts) with every count from 1 to 4
    shown as "fewer than 5" and its percentage left out. Open answers are
    listed without who gave them, in a fixed but meaningless order."""
    respondents = consultation.responses.count()
    outcome = []
    for question in consultation.questions.all():
        result = QuestionResult(question)
        answers = Answer.objects.filter(question=question)
        if question.kind == QuestionKind.OPEN:
            result.open_answers = list(
                answers.order_by("value").values_list("value", flat=True)
            )
        else:
            counts = dict(
                answers.values_list("value").annotate(n=Count("pk")).order_by()
            )
            largest = max(
                (n for n in counts.values() if not is_suppressed(n)), default=0
            )
            for index, option in enumerate(question.options()):
                count = counts.get(option, 0)
                hidden = is_suppressed(count)
                result.rows.append(
                    Row(
                        option=option,
                        shown=shown_count(count),
                        percent=None
                        if hidden or not respondents
                        else round(100 * count / respondents),
                        bar=0
                        if hidden or not largest
                        else round(300 * count / largest),
                        y=index * ROW_HEIGHT,
                    )
                )
        outcome.append(result)
    return shown_count(respondents), outcome


def remind(now=None) -> int:
    """Tell those who have not answered that a consultation closes soon, once,
    `reminder_days` before it closes. Returns how many were told."""
    now = now or timezone.now()
    told = 0
    due = Consultation.objects.filter(
        opens_at__lte=now, closes_at__gt=now, reminded_at__isnull=True
    ).exclude(reminder_days=0)
    for consultation in due:
        if (
            consultation.closes_at - datetime.timedelta(days=consultation.reminder_days)
            > now
        ):
            continue
        for user in _not_answered(consultation):
            with translation.override(user.preferred_language):
                title = _("Closes soon, give your view: %(title)s") % {
                    "title": consultation.title
                }
            notify(
                user,
                kind="consultation",
                title=title,
                url=consultation.get_absolute_url(),
            )
            told += 1
        consultation.reminded_at = now
        consultation.save(update_fields=["reminded_at"])
    return told


def _not_answered(consultation: Consultation):
    members = get_user_model().objects.filter(
        is_active=True,
        profile__schools__board__is_member=True,
    )
    if consultation.answer_by == AnswerBy.BOARD:
        answered = consultation.responses.values("board")
        return (
            members.filter(
                profile__affiliations__is_coordinator=True,
                profile__affiliations__school__board__is_member=True,
            )
            .exclude(profile__affiliations__school__board__in=answered)
            .distinct()
        )
    answered = consultation.responses.values("user")
    return (
        members.filter(_audience_q(consultation.audience, "profile__"))
        .exclude(pk__in=answered)
        .distinct()
    )
