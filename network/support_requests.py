"""Asking a special school for the support it offers, and its answer.

A member's request is delivered at once; a visitor's waits until they follow
the link sent to their address, so nobody asks in someone else's name. It
reaches the offer's contact and the school's coordinators in their inbox and
by e-mail (as each chose). One of them accepts, declines or passes it on to a
colleague at the school, who then answers it. Whoever acted first wins: the
row is locked, and a second answer is refused.
"""

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from .background import enqueue
from .contact import LIMITS
from .models import Profile, RequestStatus, SupportOffer, SupportRequest
from .notifications import notify, title_with_actor
from .permissions import can_handle_support_request, support_request_handlers
from .ratelimit import over_limits, sent_by
from .services import NetworkError

ACCEPT, DECLINE, REFER = "accept", "decline", "refer"


def can_request(user, offer: SupportOffer) -> bool:
    """Anyone may ask for a published offer, except its own school's staff."""
    if not offer.is_published:
        return False
    if getattr(user, "is_authenticated", False):
        return not offer.school.affiliations.filter(profile__user=user).exists()
    return True


def _check_rate(sender, email: str) -> None:
    if over_limits(sent_by(SupportRequest, sender, email), LIMITS) is not None:
        raise NetworkError(
            "rate-limited",
            _("You have sent many requests in a short time. Please try again later."),
        )


@transaction.atomic
def send_request(
    offer: SupportOffer,
    *,
    user,
    sender_school: str,
    question: str,
    pupil_need: str,
    name: str = "",
    email: str = "",
) -> SupportRequest:
    if not can_request(user, offer):
        raise NetworkError("not-allowed", _("This offer does not take requests now."))
    sender = user if user.is_authenticated else None
    _check_rate(sender, email)
    request = SupportRequest(
        offer=offer,
        offer_title=offer.title,
        school=offer.school,
        sender=sender,
        sender_name=user.name_for_others(str(_("A member"))) if sender else name,
        sender_email="" if sender else email,
        sender_school=sender_school,
        question=question,
        pupil_need=pupil_need,
        language=translation.get_language() or "nl",
    )
    if sender is None:
        request.status = RequestStatus.UNCONFIRMED
        request.confirmation_token = _new_token()
        request.save()
        from .tasks import send_support_confirmation

        enqueue(send_support_confirmation, request.pk)
    else:
        request.save()
        _deliver(request, support_request_handlers(request))
    return request


def _new_token() -> str:
    import secrets

    return secrets.token_urlsafe(24)


@transaction.atomic
def confirm_support_request(token: str) -> SupportRequest:
    request = (
        SupportRequest.objects.select_for_update()
        .filter(confirmation_token=token, status=RequestStatus.UNCONFIRMED)
        .first()
    )
    if request is None:
        raise NetworkError(
            "bad-token",
            _("This link is not valid any more; the request may be sent already."),
        )
    request.confirmation_token = None
    request.status = RequestStatus.OPEN
    request.save(update_fields=["confirmation_token", "status"])
    _deliver(request, support_request_handlers(request))
    return request


def _deliver(request: SupportRequest, recipients) -> None:
    request.delivered_at = timezone.now()
    request.save(update_fields=["delivered_at"])
    for recipient in recipients:
        with translation.override(recipient.preferred_language):
            # Only the offer and the asking school: the question itself is
            # read on the site, behind the recipient's login.
            title = _("Request for “%(offer)s” from %(school)s") % {
                "offer": request.offer_title,
                "school": request.sender_school,
            }
        notify(
            recipient,
            kind="support_request",
            title=title,
            url=request.get_absolute_url(),
        )


@transaction.atomic
def respond(
    request: SupportRequest,
    user,
    *,
    action: str,
    message: str,
    colleague: Profile | None = None,
) -> SupportRequest:
    """Accept, decline, or pass the request on to `colleague` at the school."""
    request = SupportRequest.objects.select_for_update().get(pk=request.pk)
    if not can_handle_support_request(user, request):
        raise NetworkError("not-allowed", _("You cannot answer this request."))
    if request.status not in (RequestStatus.OPEN, RequestStatus.REFERRED):
        raise NetworkError(
            "already-handled", _("This request has been answered already.")
        )
    if action == REFER:
        if (
            colleague is None
            or not colleague.affiliations.filter(school_id=request.school_id).exists()
        ):
            raise NetworkError(
                "bad-colleague", _("Choose a colleague who works at this school.")
            )
        request.status = RequestStatus.REFERRED
        request.referred_to = colleague
    else:
        request.status = (
            RequestStatus.ACCEPTED if action == ACCEPT else RequestStatus.DECLINED
        )
        request.response = message
    request.handled_by = user
    request.handled_at = timezone.now()
    request.save()
    if action == REFER:
        with translation.override(colleague.user.preferred_language):
            title = title_with_actor(
                _("%(name)s passed on a request for “%(offer)s” to you"),
                offer=request.offer_title,
            )
        notify(
            colleague.user,
            kind="support_request",
            title=title,
            body=message[:300],
            url=request.get_absolute_url(),
            actor=user,
        )
    else:
        _tell_sender(request, user)
    return request


def _tell_sender(request: SupportRequest, user) -> None:
    if request.sender is not None:
        with translation.override(request.sender.preferred_language):
            title = title_with_actor(
                _("%(name)s accepted your request for “%(offer)s”")
                if request.status == RequestStatus.ACCEPTED
                else _("%(name)s cannot help with your request for “%(offer)s”"),
                offer=request.offer_title,
            )
        notify(
            request.sender,
            kind="support_answer",
            title=title,
            body=request.response[:300],
            url=request.get_absolute_url(),
            actor=user,
        )
    else:
        from .tasks import send_support_answer

        enqueue(send_support_answer, request.pk)
