"""Keeps a thread's search entry current when its posts change.

A thread is indexed with the text of its posts (Thread.search_body), but Wagtail
only re-indexes a model when that model itself is saved. A reply, an edit or a
hidden post changes the thread's text without saving the thread, so a post's
save or deletion queues the thread's re-index once the transaction commits."""

from django.db.models.signals import post_delete, post_save
from django_tasks import task
from wagtail.search import index

from network.background import enqueue

from .models import Post, Thread


@task()
def reindex_thread_task(thread_id: int) -> None:
    # The thread may be gone by now (deleting it deletes its posts first).
    thread = Thread.objects.filter(pk=thread_id).first()
    if thread is not None:
        index.insert_or_update_object(thread)


def reindex_thread(thread_id: int) -> None:
    enqueue(reindex_thread_task, thread_id)


def _post_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    reindex_thread(instance.thread_id)


def connect() -> None:
    post_save.connect(_post_changed, sender=Post, dispatch_uid="forums-search-post")
    post_delete.connect(
        _post_changed, sender=Post, dispatch_uid="forums-search-post-del"
    )
