"""Where the private helpdesk (association) meets the knowledge base and the
forum, which only `site` may know:

- while a member types the subject of a question, the articles and solved
  forum helpdesk threads that match it, from what this person may see;
- an adviser turns an answered case into a draft Q&A article, anonymised;
- when that article is published, the member who asked hears of it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST
from wagtail.search.backends import get_search_backend
from wagtail.signals import page_published

from association.helpdesk import announce_article, anonymised_words, can_become_article
from association.models import Case
from association.permissions import is_adviser
from forums.models import Category
from network.models import SchoolType
from search.sources import Filters, ranked
from search.text import clean_query, search_words

from .knowledge_drafts import answer_html, draft_question
from .models import KnowledgeIndexPage, KnowledgeQuestion
from .search_sources import KnowledgeSource, ThreadSource

SUGGESTED_PER_KIND = 3
MIN_LENGTH = 3


def helpdesk_suggestions(user, typed: str, request=None) -> list[dict]:
    words = search_words(typed)
    if not words or len(" ".join(words)) < MIN_LENGTH:
        return []
    backend = get_search_backend()
    filters = Filters()
    articles = KnowledgeSource().search(backend, words, "or", user, filters)
    found = [
        {"title": page.title, "url": page.get_url(request), "kind": _("Knowledge base")}
        for page in articles[:SUGGESTED_PER_KIND]
    ]
    helpdesks = list(
        Category.objects.filter(is_helpdesk=True).values_list("pk", flat=True)
    )
    if not helpdesks:
        return found
    solved = (
        ThreadSource()
        .queryset(user, filters)
        # A list, not a join or subquery: the search backend checks each
        # filter against the index's filter fields. Categories are few.
        .filter(category__in=helpdesks, accepted_post__isnull=False)
    )
    found += [
        {
            "title": thread.title,
            "url": thread.get_absolute_url(),
            "kind": _("Solved in the forum"),
        }
        for thread in ranked(backend, words, "or", solved)[:SUGGESTED_PER_KIND]
    ]
    return found


@require_GET
def suggestions_view(request):
    """JSON for the question form's "these may answer it" list (association/js)."""
    query = clean_query(request.GET.get("q", ""))
    response = JsonResponse(
        {"query": query, "items": helpdesk_suggestions(request.user, query, request)}
    )
    # A member may see more than a visitor: never share a cached copy.
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_POST
def make_draft_article(request, case_id):
    case = get_object_or_404(Case.objects.select_related("theme", "school"), pk=case_id)
    # Advisers make the draft whether or not they may edit pages: the
    # editors review it before it is published, as any article.
    index = KnowledgeIndexPage.objects.live().first()
    if not is_adviser(request.user):
        raise PermissionDenied
    if index is None or not can_become_article(case):
        messages.error(
            request,
            _(
                "No draft was made: there is no knowledge base yet, or the "
                "question has no answer yet or has an article already."
            ),
        )
        return redirect(case.get_admin_url())
    subject, question, answer = anonymised_words(case)
    school_type = case.school.school_type if case.school else ""
    article = draft_question(
        index,
        request.user,
        title=subject,
        question=question,
        answer_html=answer_html(answer),
        source_url="",
        source_label="",
        theme=case.theme,
        audience=school_type if school_type in SchoolType.values else None,
    )
    Case.objects.filter(pk=case.pk).update(article=article)
    if article.permissions_for_user(request.user).can_edit():
        return redirect("wagtailadmin_pages:edit", article.pk)
    messages.success(request, _("The draft is made; the editors review it."))
    return redirect(case.get_admin_url())


def _tell_the_asker(sender, instance, **kwargs):
    if not isinstance(instance, KnowledgeQuestion):
        return
    for case in Case.objects.filter(article_id=instance.pk).select_related("asker"):
        announce_article(case, instance.get_url())


def connect() -> None:
    page_published.connect(_tell_the_asker, dispatch_uid="helpdesk-article-published")


urlpatterns = [
    path(
        "helpdesk/suggesties/",
        suggestions_view,
        name="helpdesk_suggestions",
    ),
]

# In Wagtail's admin, behind its sign-in (site/wagtail_hooks.py).
admin_urlpatterns = [
    path(
        "helpdesk/<int:case_id>/kennisbank/",
        make_draft_article,
        name="helpdesk_to_knowledge",
    ),
]
