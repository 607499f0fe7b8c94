"""Background work of the network app, through Django's Tasks API. Each task
sends in the recipient's own language."""

from django.conf import settings
from django.core.mail import send_mail
from django.utils import timezone

from .background import retried_task
from .mail import render_email


def _send(template: str, context: dict, to: str, language: str, name="") -> None:
    subject, body = render_email(
        f"network/email/{template}", context, language, name=name
    )
    send_mail(
        subject=subject,
        message=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=[to],
    )


@retried_task
def send_invitation_email(invitation_id: int, base_url: str, language: str) -> None:
    from .models import Invitation

    invitation = Invitation.objects.select_related("school", "invited_by").get(
        pk=invitation_id
    )
    _send(
        "invitation",
        {"invitation": invitation, "base_url": base_url},
        invitation.email,
        language,
    )


@retried_task
def send_notification_email(notification_id: int) -> None:
    from .models import Notification

    notification = Notification.objects.select_related(
        "recipient", "actor__profile"
    ).get(pk=notification_id)
    user = notification.recipient
    if notification.read_at or notification.emailed_at or not user.is_active:
        return
    _send(
        "notification",
        {"notification": notification, "user": user},
        user.email,
        user.preferred_language,
        name=user.name_for_others(),
    )
    notification.emailed_at = timezone.now()
    notification.save(update_fields=["emailed_at"])


@retried_task
def send_contact_confirmation(request_id: int) -> None:
    from .models import ContactRequest

    request = ContactRequest.objects.select_related("expert").get(pk=request_id)
    _send(
        "contact_confirm",
        {"request": request},
        request.sender_email,
        request.language,
        name=request.sender_name,
    )


@retried_task
def send_contact_answer(request_id: int) -> None:
    from .models import ContactRequest

    request = ContactRequest.objects.select_related("expert").get(pk=request_id)
    _send(
        "contact_answer",
        {"request": request},
        request.sender_email,
        request.language,
        name=request.sender_name,
    )


@retried_task
def send_support_confirmation(request_id: int) -> None:
    from .models import SupportRequest

    request = SupportRequest.objects.get(pk=request_id)
    _send(
        "support_confirm",
        {"request": request},
        request.sender_email,
        request.language,
        name=request.sender_name,
    )


@retried_task
def send_support_answer(request_id: int) -> None:
    from .models import SupportRequest

    request = SupportRequest.objects.select_related("school").get(pk=request_id)
    _send(
        "support_answer",
        {"request": request},
        request.sender_email,
        request.language,
        name=request.sender_name,
    )
