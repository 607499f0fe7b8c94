from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from . import analytics, engine, spelling
from .forms import SearchForm
from .sources import get
from .suggest import suggestions
from .text import MAX_LENGTH, clean_query, only_common_words, search_words


@require_GET
def search(request):
    query = clean_query(request.GET.get("q", ""))
    if len(request.GET.get("q", "")) > MAX_LENGTH:
        # Only the first MAX_LENGTH characters are searched; the address says
        # so too, or every facet and page link would repeat all that was sent.
        shorter = request.GET.copy()
        shorter["q"] = query
        return HttpResponseRedirect(f"{request.path}?{shorter.urlencode()}")
    form = SearchForm(request.GET)
    filters = form.filters()
    outcome = None
    suggestion = ""
    common_only = only_common_words(query)
    if search_words(query) and not common_only:
        outcome = engine.search(
            request.user,
            query,
            filters,
            kind=form.value("type", ""),
            page_number=request.GET.get("page", 1),
            request=request,
        )
        # A search of all kinds without a page number is a new search; paging
        # (also back to page 1), facets and filters are not. The page's own
        # form and links carry the query they were shown for (`vorige`), so a
        # changed filter does not count one typed query twice.
        refined = clean_query(request.GET.get("vorige", "")) == query
        if "page" not in request.GET and not outcome.kind and not refined:
            analytics.record(query, outcome.total)
        if not outcome.total:
            suggestion = spelling.did_you_mean(
                outcome.words,
                finds=lambda word: engine.finds_any(request.user, word, filters),
            )
    return render(
        request,
        "search/results.html",
        {
            "form": form,
            "query": query,
            "common_only": common_only,
            "outcome": outcome,
            "suggestion": suggestion,
            "filters_chosen": len(filters.chosen()),
            "left_out": [
                get(key).label for key in (outcome.left_out if outcome else [])
            ],
        },
    )


@require_GET
def suggest(request):
    """Suggestions as JSON for the header's search box (search/js)."""
    query = clean_query(request.GET.get("q", ""))
    response = JsonResponse(
        {"query": query, "suggestions": suggestions(request.user, query, request)}
    )
    # What a member may see differs from a visitor's: never share a cached copy.
    response["Cache-Control"] = "private, no-store"
    return response
