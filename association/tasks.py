"""Background work of the association app, through Django's Tasks API."""

from django_tasks import task

from . import helpdesk
from .consultations import remind


@task()
def send_consultation_reminders() -> int:
    return remind()


@task()
def send_helpdesk_reminders() -> int:
    return helpdesk.remind()


@task()
def purge_helpdesk_cases() -> int:
    return helpdesk.purge_closed()
