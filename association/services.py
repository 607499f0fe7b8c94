"""Reporting a signal and the messages on it. Every message that reaches the
other side is a notification (inbox and e-mail, as each person chose); its
title names the signal's theme, never its text."""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext as _

from network.notifications import notify

from .models import ADVISERS_GROUP, MessageKind, Signal, SignalMessage
from .permissions import reporting_school


def advisers():
    return (
        get_user_model()
        .objects.filter(
            Q(groups__name=ADVISERS_GROUP) | Q(is_superuser=True), is_active=True
        )
        .distinct()
    )


@transaction.atomic
def report_signal(user, **fields) -> Signal:
    """A signal from `user`, with their school's place in the numbers: the
    school, its province, and the clusters and SO/VSO of their profile (the
    school's own when the profile names none)."""
    school = reporting_school(user)
    profile = user.profile
    signal = Signal.objects.create(
        reporter=user,
        school=school,
        province=school.province,
        school_type=profile.school_type or school.school_type,
        **fields,
    )
    clusters = list(profile.clusters.all()) or list(school.clusters.all())
    signal.clusters.set(clusters)
    for adviser in advisers():
        with translation.override(adviser.preferred_language):
            title = _("New signal: %(theme)s") % {"theme": signal.theme.name}
        notify(adviser, kind="signal", title=title, url=_admin_url(signal))
    return signal


@transaction.atomic
def add_reporter_message(signal: Signal, user, text: str) -> SignalMessage:
    message = SignalMessage.objects.create(
        signal=signal, kind=MessageKind.FROM_REPORTER, text=text, author=user
    )
    for adviser in advisers():
        with translation.override(adviser.preferred_language):
            title = _("The reporter added to a signal: %(theme)s") % {
                "theme": signal.theme.name
            }
        notify(adviser, kind="signal", title=title, url=_admin_url(signal))
    return message


def tell_reporter(message: SignalMessage) -> None:
    """An adviser's reply or question reaches the reporter; a note does not."""
    signal = message.signal
    reporter = signal.reporter
    if not message.reaches_reporter or reporter is None or not reporter.is_active:
        return
    with translation.override(reporter.preferred_language):
        title = (
            _("The association asks more about your signal: %(theme)s")
            if message.kind == MessageKind.ASK_MORE
            else _("The association replied to your signal: %(theme)s")
        ) % {"theme": signal.theme.name}
    notify(reporter, kind="signal_reply", title=title, url=signal.get_absolute_url())


def _admin_url(signal: Signal) -> str:
    from django.urls import reverse

    return reverse("wagtailsnippets_association_signal:edit", args=[signal.pk])
