"""Support offers of special schools as a kind of search result.

Only published offers are searched, whoever asks: a draft is seen on its
own page by those who may edit it (network.permissions.can_see_offer),
never in the search."""

from django.db.models import prefetch_related_objects
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from network.models import SchoolType, SupportOffer

from .snippets import mark, snippet
from .sources import Source


class OfferSource(Source):
    key = "aanbod"
    label = _("Support offers")
    singular = _("Support offer")
    order = 33
    understands = frozenset({"cluster", "school_type", "support_need"})
    # An offer's text names the subject it serves in every line ("ambulante
    # begeleiding bij TOS"): found for it, but after the article and the
    # expert who are about it, as schools are.
    weight = 0.25

    def queryset(self, user, filters):
        offers = SupportOffer.objects.published().select_related("school")
        if filters.cluster:
            offers = offers.filter(
                pk__in=SupportOffer.clusters.through.objects.filter(
                    cluster__number=filters.cluster
                ).values("supportoffer_id")
            )
        if filters.support_need:
            offers = offers.filter(
                pk__in=SupportOffer.support_needs.through.objects.filter(
                    supportneed__slug=filters.support_need
                ).values("supportoffer_id")
            )
        if filters.school_type:
            # An offer that names neither SO nor VSO serves both.
            offers = offers.filter(
                school_type__in=[*SchoolType.matching(filters.school_type), ""]
            )
        return offers

    def same_sql_for(self, user, filters):
        # Published offers are public: the same rule for everyone, always.
        return "everyone"

    def public_words(self):
        yield from SupportOffer.objects.published().values_list("title", flat=True)

    def results(self, offers, pattern, request):
        prefetch_related_objects(offers, "support_needs")
        results = []
        for offer in offers:
            needs = ", ".join(need.name for need in offer.support_needs.all())
            results.append(
                self.result(
                    offer,
                    title=SafeString(mark(offer.title, pattern)),
                    url=offer.get_absolute_url(),
                    snippet=snippet([offer.description, needs], pattern),
                    meta=[
                        str(offer.get_kind_display()),
                        f"{offer.school.name}, {offer.school.city}",
                    ],
                )
            )
        return results


OFFERS = OfferSource()
