"""Keeping the forum useful and safe: reports, suspensions, and a log of every
moderation action with who and why."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .content import Post, Thread


class Report(models.Model):
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    reason = models.TextField(_("reason"), max_length=1000)
    created_at = models.DateTimeField(auto_now_add=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"Report on {self.post}"


class Suspension(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="forum_suspensions",
    )
    until = models.DateTimeField(_("until"))
    reason = models.TextField(_("reason"), max_length=1000)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.user} until {self.until:%Y-%m-%d}"


class ModerationAction(models.TextChoices):
    HIDE_POST = "hide_post", _("Hid a post")
    RESTORE_POST = "restore_post", _("Restored a post")
    HIDE_THREAD = "hide_thread", _("Hid a thread")
    RESTORE_THREAD = "restore_thread", _("Restored a thread")
    LOCK = "lock", _("Locked a thread")
    UNLOCK = "unlock", _("Unlocked a thread")
    PIN = "pin", _("Pinned a thread")
    UNPIN = "unpin", _("Unpinned a thread")
    MOVE = "move", _("Moved a thread")
    MERGE = "merge", _("Merged threads")
    SUSPEND = "suspend", _("Suspended a member")
    RESOLVE_REPORT = "resolve_report", _("Handled a report")
    ACCEPT = "accept", _("Marked an accepted answer")


class ModerationLog(models.Model):
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    action = models.CharField(max_length=20, choices=ModerationAction.choices)
    thread = models.ForeignKey(
        Thread, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    post = models.ForeignKey(
        Post, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    target_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    reason = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.get_action_display()} by {self.actor}"
