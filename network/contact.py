"""Asking an expert a question, and the expert's answer, through the platform.

Neither side sees the other's e-mail address: the platform delivers the question
as a notification and the answer by e-mail. A visitor without an account first
confirms their address, so nobody can send questions in someone else's name.
"""

import datetime

from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from .background import enqueue
from .models import ContactRequest, ContactStatus, Profile
from .notifications import notify, title_with_actor
from .permissions import can_view_profile
from .ratelimit import over_limits, sent_by
from .services import NetworkError

# Per sender (account or address): questions per hour and per day.
LIMITS = [(datetime.timedelta(hours=1), 5), (datetime.timedelta(days=1), 20)]


def can_ask(user, expert: Profile) -> bool:
    return (
        expert.open_for_questions
        and can_view_profile(user, expert)
        and not (user.is_authenticated and expert.user_id == user.pk)
    )


def _check_rate(sender, email: str) -> None:
    if over_limits(sent_by(ContactRequest, sender, email), LIMITS) is not None:
        raise NetworkError(
            "rate-limited",
            _("You have asked many questions in a short time. Please try again later."),
        )


@transaction.atomic
def ask_expert(
    expert: Profile,
    *,
    user,
    subject: str,
    message: str,
    name: str = "",
    email: str = "",
    organisation: str = "",
) -> ContactRequest:
    """Create a question. A member's question is delivered at once; a visitor's
    waits until they follow the link sent to their address."""
    if not can_ask(user, expert):
        raise NetworkError("not-allowed", _("This expert does not take questions now."))
    sender = user if user.is_authenticated else None
    _check_rate(sender, email)
    request = ContactRequest(
        expert=expert,
        sender=sender,
        sender_name=user.name_for_others(str(_("A member"))) if sender else name,
        sender_email="" if sender else email,
        sender_organisation=organisation,
        subject=subject,
        message=message,
        language=translation.get_language() or "nl",
    )
    if sender is None:
        request.status = ContactStatus.UNCONFIRMED
        request.new_confirmation_token()
        request.save()
        from .tasks import send_contact_confirmation

        enqueue(send_contact_confirmation, request.pk)
    else:
        request.save()
        _deliver(request)
    return request


@transaction.atomic
def confirm_contact_request(token: str) -> ContactRequest:
    request = (
        ContactRequest.objects.select_for_update()
        .filter(confirmation_token=token, status=ContactStatus.UNCONFIRMED)
        .first()
    )
    if request is None or request.expert is None:
        raise NetworkError(
            "bad-token",
            _("This link is not valid any more; the question may be sent already."),
        )
    request.confirmation_token = None
    request.status = ContactStatus.OPEN
    request.save(update_fields=["confirmation_token", "status"])
    _deliver(request)
    return request


def _deliver(request: ContactRequest) -> None:
    request.delivered_at = timezone.now()
    request.save(update_fields=["delivered_at"])
    expert_user = request.expert.user
    with translation.override(expert_user.preferred_language):
        template = _("Question from %(name)s: %(subject)s")
        if request.sender is not None:
            # A member is named by their account, so the name follows them.
            title = title_with_actor(template, subject=request.subject)
        else:
            # A visitor has no account: the name they typed is all there is.
            title = template % {"name": request.sender_name, "subject": request.subject}
    notify(
        expert_user,
        kind="contact_request",
        title=title,
        body=request.message[:300],
        url=reverse("network:contact_request", kwargs={"pk": request.pk}),
        actor=request.sender,
    )


@transaction.atomic
def reply(
    request: ContactRequest, expert_user, *, answer: str, decline: bool = False
) -> None:
    """The expert answers or declines, once. The sender hears by e-mail and, if
    they have an account, in their inbox."""
    request = ContactRequest.objects.select_for_update().get(pk=request.pk)
    if request.expert is None or request.expert.user_id != expert_user.pk:
        raise NetworkError(
            "not-allowed", _("Only the expert can answer this question.")
        )
    if request.status != ContactStatus.OPEN:
        raise NetworkError(
            "already-handled", _("This question has been handled already.")
        )
    request.status = ContactStatus.DECLINED if decline else ContactStatus.ANSWERED
    request.answer = answer
    request.answered_at = timezone.now()
    request.save(update_fields=["status", "answer", "answered_at"])
    if request.sender is not None:
        with translation.override(request.sender.preferred_language):
            title = title_with_actor(
                _("%(name)s cannot help with: %(subject)s")
                if decline
                else _("%(name)s answered: %(subject)s"),
                subject=request.subject,
            )
        notify(
            request.sender,
            kind="contact_answer",
            title=title,
            body=answer[:300],
            url=reverse("network:contact_request", kwargs={"pk": request.pk}),
            actor=expert_user,
        )
    else:
        from .tasks import send_contact_answer

        enqueue(send_contact_answer, request.pk)
