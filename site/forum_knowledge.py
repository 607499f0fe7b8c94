"""From helpdesk to knowledge base: an editor turns a solved helpdesk question
into a draft knowledge article with one button, so answers become lasting
knowledge. The draft goes through the usual review before it is published."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.html import escape
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from forums.models import Thread
from forums.permissions import can_view_thread

from .models import KnowledgeArticle, KnowledgeIndexPage


def _knowledge_index_for(user):
    index = KnowledgeIndexPage.objects.live().first()
    if index is None or not user.is_authenticated:
        return None
    return index if index.permissions_for_user(user).can_add_subpage() else None


def offer_draft_article(request, thread):
    if not (
        thread.category_id
        and thread.category.is_helpdesk
        and thread.accepted_post_id
        and _knowledge_index_for(request.user)
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
        Thread.objects.select_related("category", "accepted_post"), pk=thread_id
    )
    index = _knowledge_index_for(request.user)
    if (
        index is None
        or not can_view_thread(request.user, thread)
        or not offer_draft_article(request, thread)
    ):
        raise PermissionDenied
    question = thread.posts.get(position=1)
    answer = thread.accepted_post
    source = request.build_absolute_uri(thread.get_absolute_url())
    article = KnowledgeArticle(
        title=thread.title,
        intro=" ".join(question.body.split())[:400],
        live=False,
        body=[
            ("heading", {"text": _("The question"), "level": "h2"}),
            ("paragraph", question.body_html),
            ("heading", {"text": _("The answer"), "level": "h2"}),
            ("paragraph", answer.body_html),
            (
                "paragraph",
                '<p><a href="{}">{}</a></p>'.format(
                    escape(source), escape(_("From the helpdesk in the forum"))
                ),
            ),
        ],
    )
    index.add_child(instance=article)
    article.save_revision(user=request.user)
    return redirect("wagtailadmin_pages:edit", article.pk)


urlpatterns = [
    path(
        "kennisbank-uit-forum/<int:thread_id>/",
        make_draft_article,
        name="forum_to_knowledge",
    )
]
