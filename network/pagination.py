from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator

from .query_params import MAX_INTEGER

PAGE_SIZE = 12


class Counted:
    """A queryset whose number of rows is known already (counted and cached
    with a listing's facets), for the paginator not to count it again."""

    def __init__(self, queryset, total: int):
        self.queryset = queryset
        self.total = total

    def count(self) -> int:
        return self.total

    def __len__(self) -> int:
        return self.total

    def __getitem__(self, window):
        return self.queryset[window]


class LookingAhead:
    """A queryset paged without counting it: the page asked for is read with
    one row more, and the paginator is told there are as many rows as that,
    so it links one page further when there is more and none past the end.
    For a list whose total is only estimated (network.directory_text_counts),
    where counting it exactly would cost what the estimate saves."""

    def __init__(self, queryset, number: int | None, per_page: int):
        # A number from the address (network.query_params.int_param): none
        # means the first page, and the largest keeps the offset a number the
        # database can hold.
        number = min(max(1, number or 1), MAX_INTEGER // per_page)
        self.queryset = queryset
        self.start = (number - 1) * per_page
        self.rows = list(queryset[self.start : self.start + per_page + 1])

    def count(self) -> int:
        if not self.rows and self.start:
            # A number past the end (an edited or old link): counted after
            # all, once, so the paginator can show the last page there is.
            return self.queryset.count()
        return self.start + len(self.rows)

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, window):
        if window.start == self.start:
            return self.rows[: window.stop - window.start]
        return self.queryset[window]


def paginate(
    request, queryset, per_page: int = PAGE_SIZE, *, param: str = "page"
) -> PaginatorPage:
    """The requested page of a listing; a bad or too-high number gives the nearest
    valid page rather than an error, so hand-edited URLs still show something.

    `param` names the query parameter holding the page number: two listings on
    one page need one each, so paging one leaves the other where it was."""
    page = page_of(queryset, request.GET.get(param), per_page)
    page.param = param
    return page


def page_of(items, number, per_page: int = PAGE_SIZE) -> PaginatorPage:
    """Page `number` of any sliceable `items`, ready for includes/pagination.html
    (which links with the query parameter `page.param`, "page" unless set)."""
    page = Paginator(items, per_page).get_page(number)
    page.param = "page"
    # Links to the first, last and nearby pages only: a list of hundreds of page
    # links is noise for a screen reader and weight for everyone.
    # A list, not Django's generator: a page may show its pagination twice
    # (above and below a thread), and a generator is empty the second time.
    page.nearby_pages = list(
        page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)
    )
    return page
