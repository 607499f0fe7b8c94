"""Background work of the network app, through Django's Tasks API."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation
from django_tasks import task


@task()
def send_invitation_email(invitation_id: int, base_url: str, language: str) -> None:
    from .models import Invitation

    invitation = Invitation.objects.select_related("school", "invited_by").get(
        pk=invitation_id
    )
    with translation.override(language):
        context = {"invitation": invitation, "base_url": base_url}
        send_mail(
            subject=render_to_string(
                "network/email/invitation_subject.txt", context
            ).strip(),
            message=render_to_string("network/email/invitation.txt", context),
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=[invitation.email],
        )
