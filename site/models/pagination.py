from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator

PAGE_SIZE = 12


def paginate(request, queryset, per_page: int = PAGE_SIZE) -> PaginatorPage:
    """The requested page of a listing; a bad or too-high number gives the nearest
    valid page rather than an error, so hand-edited URLs still show something."""
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))
