"""What each person has read, and what they follow."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .content import Thread
from .structure import Category, Group


class ReadState(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="+")
    last_read_position = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "thread"], name="one_read_state")
        ]

    def __str__(self) -> str:
        return f"{self.user} read {self.thread} up to {self.last_read_position}"


class Subscription(models.Model):
    """Watching a thread, a category or a group: new posts arrive in the
    notifications, and by e-mail as the person chose in their account."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    thread = models.ForeignKey(
        Thread, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    category = models.ForeignKey(
        Category, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    group = models.ForeignKey(
        Group, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("subscription")
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(thread__isnull=False, category__isnull=True, group__isnull=True)
                    | Q(thread__isnull=True, category__isnull=False, group__isnull=True)
                    | Q(thread__isnull=True, category__isnull=True, group__isnull=False)
                ),
                name="subscription_has_one_target",
            ),
            models.UniqueConstraint(
                fields=["user", "thread"],
                condition=Q(thread__isnull=False),
                name="one_thread_subscription",
            ),
            models.UniqueConstraint(
                fields=["user", "category"],
                condition=Q(category__isnull=False),
                name="one_category_subscription",
            ),
            models.UniqueConstraint(
                fields=["user", "group"],
                condition=Q(group__isnull=False),
                name="one_group_subscription",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} follows {self.thread or self.category or self.group}"
