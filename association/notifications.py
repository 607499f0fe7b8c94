"""Telling a reporter what happens to their signal: an adviser's reply or
question (written in the admin) and a change of status. Connected in
AssociationConfig.ready()."""

from django.db.models.signals import post_save, pre_save
from django.utils import translation
from django.utils.translation import gettext as _

from network.notifications import notify

from .models import Dossier, Signal


def _remember_status(sender, instance, raw=False, **kwargs):
    if raw or instance.pk is None:
        instance._previous_status = None
        return
    instance._previous_status = (
        Signal.objects.filter(pk=instance.pk).values_list("status", flat=True).first()
    )


def _status_changed(sender, instance, created, raw=False, **kwargs):
    previous = getattr(instance, "_previous_status", None)
    if raw or created or previous is None or previous == instance.status:
        return
    reporter = instance.reporter
    if reporter is None or not reporter.is_active:
        return
    with translation.override(reporter.preferred_language):
        title = _("Your signal (%(theme)s) is now: %(status)s") % {
            "theme": instance.theme.name,
            "status": instance.get_status_display().lower(),
        }
    # In the same transaction as the change: no notice for a rolled-back one.
    notify(reporter, kind="signal_status", title=title, url=instance.get_absolute_url())


def _remember_publication(sender, instance, raw=False, **kwargs):
    instance._was_published = (
        not raw
        and instance.pk is not None
        and Dossier.objects.filter(pk=instance.pk)
        .values_list("published_at", flat=True)
        .first()
        is not None
    )


def _dossier_published(sender, instance, created, raw=False, **kwargs):
    """The reporters of a dossier's signals hear when it is published."""
    if raw or getattr(instance, "_was_published", False) or not instance.is_published:
        return
    reporters = {
        signal.reporter
        for signal in instance.signals.select_related("reporter")
        if signal.reporter is not None and signal.reporter.is_active
    }
    for reporter in reporters:
        with translation.override(reporter.preferred_language):
            title = _("What the association did with your signal: %(title)s") % {
                "title": instance.title
            }
        notify(reporter, kind="dossier", title=title, url=instance.get_absolute_url())


def connect() -> None:
    pre_save.connect(
        _remember_publication, sender=Dossier, dispatch_uid="dossier-published-pre"
    )
    post_save.connect(
        _dossier_published, sender=Dossier, dispatch_uid="dossier-published"
    )
    pre_save.connect(_remember_status, sender=Signal, dispatch_uid="signal-status-pre")
    post_save.connect(_status_changed, sender=Signal, dispatch_uid="signal-status")
