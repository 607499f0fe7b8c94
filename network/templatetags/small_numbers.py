from django import template

from network.small_numbers import shown_count

register = template.Library()


@register.filter
def at_least_five(count):
    """{{ schools|at_least_five }}: the count, or "fewer than 5" for 1 to 4."""
    return shown_count(int(count or 0))
