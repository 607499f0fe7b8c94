"""When an editor publishes more seats, the waiting list moves up at once; and
the kept agenda feed is forgotten when what it lists may have changed."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from .ics import forget_feed
from .models import EventIndexPage, EventPage


@receiver(page_published, sender=EventPage)
def fill_new_seats(sender, instance, **kwargs):
    from .services import fill_free_seats

    if instance.waiting_list and not instance.has_ended:
        fill_free_seats(instance)


# Any page: a meeting's section may be what was published, moved or made private.
for signal in (page_published, page_unpublished, post_page_move):
    signal.connect(forget_feed)
for model in (EventPage, EventIndexPage, PageViewRestriction):
    # Saved also when made in code (add_child, an import), with no publish.
    post_save.connect(forget_feed, sender=model)
    post_delete.connect(forget_feed, sender=model)
