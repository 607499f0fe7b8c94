"""Small numbers identify: a count over people or schools between 1 and 4 is
shown as "fewer than 5", in pages, charts and exports alike. Zero is shown:
that nobody is counted identifies no one."""

from django.utils.translation import gettext_lazy as _

SMALLEST_SHOWN = 5
FEWER_THAN_FIVE = _("fewer than 5")


def is_suppressed(count: int) -> bool:
    return 0 < count < SMALLEST_SHOWN


def shown_count(count: int):
    """The count, or "fewer than 5" for 1 to 4."""
    return FEWER_THAN_FIVE if is_suppressed(count) else count
