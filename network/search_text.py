"""Keeps Profile.search_text, the directory's counts with nothing chosen
(network.directory_counts) and the directory's cache generation current.

The search text is one lower-cased text per profile with everything the
directory's text search looks at, so a search reads one column instead of
joining four tables for every word."""

from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from wagtail.search.backends import get_search_backends

from . import directory_counts
from .directory import bump_generation
from .models import (
    Affiliation,
    Profile,
    School,
    SupportNeed,
    SupportOffer,
    TaggedTopic,
    Topic,
)

BATCH = 500

# Inside rebuilding_once(): the profiles whose text waits to be rebuilt.
_waiting: ContextVar[set | None] = ContextVar("search_text_waiting", default=None)


@contextmanager
def rebuilding_once():
    """Rebuild each changed profile's text once, when the block ends.

    Saving the profile form changes the profile, then its clusters, support
    needs and topics, and each change rebuilt the text, the index entry and
    the counts again: nine times for one save (measured). Within this block
    a change only notes whom it touched. Nothing is rebuilt when the block
    fails: its changes are rolled back with it (ProfileForm saves in one
    transaction)."""
    if _waiting.get() is not None:
        yield
        return
    token = _waiting.set(set())
    try:
        yield
        waiting = _waiting.get()
    finally:
        _waiting.reset(token)
    if waiting:
        refresh_search_text(waiting)


def refresh_search_text(profile_ids=None) -> None:
    """Rebuild the text for these profiles (all when None), in batches."""
    waiting = _waiting.get()
    if waiting is not None and profile_ids is not None:
        waiting.update(profile_ids)
        return
    profiles = Profile.objects.order_by("pk")
    if profile_ids is not None:
        profiles = profiles.filter(pk__in=list(profile_ids))
    ids = list(profiles.values_list("pk", flat=True))
    for start in range(0, len(ids), BATCH):
        batch = (
            Profile.objects.filter(pk__in=ids[start : start + BATCH])
            .select_related("user")
            .prefetch_related(
                "support_needs", "clusters", "topics", "affiliations__school"
            )
        )
        changed = []
        for profile in batch:
            parts = [profile.name, profile.job_title, profile.bio]
            parts += [need.name for need in profile.support_needs.all()]
            parts += [topic.name for topic in profile.topics.all()]
            for affiliation in profile.affiliations.all():
                parts += [affiliation.school.name, affiliation.school.city]
            profile.search_text = " ".join(p for p in parts if p).lower()
            changed.append(profile)
        Profile.objects.bulk_update(changed, ["search_text"])
        # bulk_update sends no signal, so the site search learns of the new
        # text here, in the same batches.
        for backend in get_search_backends(with_auto_update=True):
            backend.add_bulk(Profile, changed)
    directory_counts.recount(ids)
    bump_generation()


def _profile_saved(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or (update_fields is not None and set(update_fields) <= {"search_text"}):
        return
    refresh_search_text([instance.pk])


def _related_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    if isinstance(instance, Affiliation):
        refresh_search_text([instance.profile_id])
    elif isinstance(instance, TaggedTopic):
        refresh_search_text([instance.content_object_id])
    elif isinstance(instance, School):
        refresh_search_text(instance.affiliations.values_list("profile_id", flat=True))
    elif isinstance(instance, Topic):
        refresh_search_text(
            instance.tagged_items.values_list("content_object_id", flat=True)
        )


def _needs_changed(sender, instance, action, pk_set=None, reverse=False, **kwargs):
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if reverse:  # a support need gained or lost profiles
        refresh_search_text(pk_set or [])
    else:
        refresh_search_text([instance.pk])


def _need_saved(sender, instance, raw=False, created=False, **kwargs):
    # A renamed support need renames it in the text of everyone who has it.
    if not (raw or created):
        refresh_search_text(instance.profiles.values_list("pk", flat=True))


def _need_deleting(sender, instance, **kwargs):
    # Deleting a need drops its links without an m2m signal: note who had it.
    instance._had_it = list(instance.profiles.values_list("pk", flat=True))


def _need_deleted(sender, instance, **kwargs):
    refresh_search_text(getattr(instance, "_had_it", []))


def _profile_deleting(sender, instance, **kwargs):
    directory_counts.forget(instance.pk)


def _profile_deleted(sender, **kwargs):
    bump_generation()


def _account_saved(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or (update_fields and set(update_fields) <= {"last_login"}):
        return
    # A closed account's profile is counted nowhere, an opened one again.
    directory_counts.recount(
        Profile.objects.filter(user_id=instance.pk).values_list("pk", flat=True)
    )
    bump_generation()


def _clusters_changed(sender, instance, action, pk_set=None, reverse=False, **kwargs):
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    # The profile's index entry names its clusters (network.narrowing), so
    # the entry is written again; that recounts and bumps the generation too.
    if reverse:  # a cluster gained or lost profiles
        refresh_search_text(pk_set or [])
    else:
        refresh_search_text([instance.pk])


def _offer_needs_changed(sender, instance, action, reverse=False, **kwargs):
    """An offer's index entry holds its support needs' names, which change
    after the offer itself was saved and indexed."""
    if not action.startswith("post_"):
        return
    offers = (
        SupportOffer.objects.filter(support_needs=instance)
        if reverse
        else SupportOffer.objects.filter(pk=instance.pk)
    )
    offers = list(offers.select_related("school").prefetch_related("support_needs"))
    for backend in get_search_backends(with_auto_update=True):
        backend.add_bulk(SupportOffer, offers)


def connect() -> None:
    # Changes that alter directory results but not the search text (a
    # cluster change writes the profile's index entry again, see below).
    pre_delete.connect(
        _profile_deleting, sender=Profile, dispatch_uid="network-dir-deleting"
    )
    post_delete.connect(
        _profile_deleted, sender=Profile, dispatch_uid="network-dir-del"
    )
    post_save.connect(
        _account_saved,
        sender=settings.AUTH_USER_MODEL,
        dispatch_uid="network-dir-user",
    )
    m2m_changed.connect(
        _clusters_changed,
        sender=Profile.clusters.through,
        dispatch_uid="network-dir-clusters",
    )
    post_save.connect(
        _profile_saved, sender=Profile, dispatch_uid="network-text-profile"
    )
    for model in (Affiliation, TaggedTopic, School, Topic):
        post_save.connect(
            _related_changed,
            sender=model,
            dispatch_uid=f"network-text-{model.__name__}",
        )
    for model in (Affiliation, TaggedTopic):
        post_delete.connect(
            _related_changed,
            sender=model,
            dispatch_uid=f"network-text-del-{model.__name__}",
        )
    m2m_changed.connect(
        _needs_changed,
        sender=Profile.support_needs.through,
        dispatch_uid="network-text-needs",
    )
    post_save.connect(_need_saved, sender=SupportNeed, dispatch_uid="network-need")
    pre_delete.connect(
        _need_deleting, sender=SupportNeed, dispatch_uid="network-need-deleting"
    )
    post_delete.connect(
        _need_deleted, sender=SupportNeed, dispatch_uid="network-need-deleted"
    )
    # taggit adds and removes tags in bulk and reports it as an m2m change.
    m2m_changed.connect(
        _needs_changed, sender=TaggedTopic, dispatch_uid="network-text-topics"
    )
    m2m_changed.connect(
        _offer_needs_changed,
        sender=SupportOffer.support_needs.through,
        dispatch_uid="network-offer-needs",
    )
