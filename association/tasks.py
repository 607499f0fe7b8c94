"""Background work of the association app, through Django's Tasks API."""

from django_tasks import task

from .consultations import remind


@task()
def send_consultation_reminders() -> int:
    return remind()
