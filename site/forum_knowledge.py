"""From the forum's helpdesk to the knowledge base: an editor turns a solved
helpdesk question into a draft Q&A article with one button, so answers become
lasting knowledge. The asker's and the answerer's names and schools,
addresses, phone numbers and BSN-like numbers are taken out first
(knowledge_drafts)."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from forums.models import Thread
from forums.permissions import can_view_thread
from network.anonymise import anonymise, names_of, schools_of

from .knowledge_drafts import answer_html, draft_question, knowledge_index_for


def offer_draft_article(request, thread):
    if not (
        thread.category_id
        and thread.category.is_helpdesk
        and thread.accepted_post_id
        and knowledge_index_for(request.user)
    ):
        return None
    return {
        "label": _("Make a draft knowledge article of this answer"),
        "url": reverse("forum_to_knowledge", args=[thread.pk]),
    }


@login_required
@require_POST
def make_draft_article(request, thread_id):
    thread = get_object_or_404(
        Thread.objects.select_related("category", "accepted_post__author"),
        pk=thread_id,
    )
    index = knowledge_index_for(request.user)
    if (
        index is None
        or not can_view_thread(request.user, thread)
        or not offer_draft_article(request, thread)
    ):
        raise PermissionDenied
    question = thread.posts.select_related("author").get(position=1)
    answer = thread.accepted_post
    people = (question.author, answer.author)
    names = [name for person in people for name in names_of(person)]
    schools = [school for person in people for school in schools_of(person)]

    def clean(text: str) -> str:
        return anonymise(text, names=names, schools=schools)

    article = draft_question(
        index,
        request.user,
        title=clean(thread.title),
        question=clean(question.body),
        answer_html=answer_html(clean(answer.body)),
        source_url=request.build_absolute_uri(thread.get_absolute_url()),
        source_label=_("From the helpdesk in the forum"),
    )
    return redirect("wagtailadmin_pages:edit", article.pk)


urlpatterns = [
    path(
        "kennisbank-uit-forum/<int:thread_id>/",
        make_draft_article,
        name="forum_to_knowledge",
    )
]
