"""When an editor publishes more seats, the waiting list moves up at once."""

from django.dispatch import receiver
from wagtail.signals import page_published

from .models import EventPage


@receiver(page_published, sender=EventPage)
def fill_new_seats(sender, instance, **kwargs):
    from .services import fill_free_seats

    if instance.waiting_list and not instance.has_ended:
        fill_free_seats(instance)
