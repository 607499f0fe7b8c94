from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator

PAGE_SIZE = 12


def paginate(request, queryset, per_page: int = PAGE_SIZE) -> PaginatorPage:
    """The requested page of a listing; a bad or too-high number gives the nearest
    valid page rather than an error, so hand-edited URLs still show something."""
    page = Paginator(queryset, per_page).get_page(request.GET.get("page"))
    # Links to the first, last and nearby pages only: a list of hundreds of page
    # links is noise for a screen reader and weight for everyone.
    page.nearby_pages = page.paginator.get_elided_page_range(
        page.number, on_each_side=2, on_ends=1
    )
    return page
