"""Every e-mail the site writes itself (the network's and the events'): the
subject with the site's name in front, a greeting by name, the message and one
closing, in the recipient's language. allauth's e-mails get the same greeting
and closing through templates/account/email/base_message.txt."""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation


def render_email(
    template: str, context: dict, language: str, *, name: str = ""
) -> tuple[str, str]:
    """(subject, body) of `template` ("network/email/digest" renders
    digest_subject.txt and digest.txt). `name` is how the recipient is greeted;
    without one the greeting is a plain "Hello"."""
    with translation.override(language):
        context = {
            "base_url": settings.WAGTAILADMIN_BASE_URL,
            "site_name": settings.SITE_NAME,
            "recipient_name": name,
            **context,
        }
        subject = render_to_string(f"{template}_subject.txt", context)
        greeting = render_to_string("email/greeting.txt", context)
        body = render_to_string(f"{template}.txt", context)
        closing = render_to_string("email/closing.txt", context)
    subject = settings.EMAIL_SUBJECT_PREFIX + " ".join(subject.split())
    return subject, f"{greeting.strip()}\n\n{body.strip()}\n\n{closing.strip()}\n"
