from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator

PAGE_SIZE = 12


def paginate(request, queryset, per_page: int = PAGE_SIZE) -> PaginatorPage:
    """The requested page of a listing; a bad or too-high number gives the nearest
    valid page rather than an error, so hand-edited URLs still show something."""
    return page_of(queryset, request.GET.get("page"), per_page)


def page_of(items, number, per_page: int = PAGE_SIZE) -> PaginatorPage:
    """Page `number` of any sliceable `items`, ready for includes/pagination.html."""
    page = Paginator(items, per_page).get_page(number)
    # Links to the first, last and nearby pages only: a list of hundreds of page
    # links is noise for a screen reader and weight for everyone.
    page.nearby_pages = page.paginator.get_elided_page_range(
        page.number, on_each_side=2, on_ends=1
    )
    return page
