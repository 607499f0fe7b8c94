"""The catalogue of support offers and one offer's page. A draft offer is
seen only by those who may edit it; to anyone else it does not exist (404)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from .models import School, SupportOffer
from .offer_forms import SupportOfferForm
from .offers import FACET_LABELS, URL_WORDS, OfferFilterForm, search_offers
from .pagination import paginate
from .permissions import can_edit_offer, can_see_offer, can_view_profile
from .support_requests import can_request
from .text import render_markdown

CATALOGUE_PAGE_SIZE = 20


def offer_list(request):
    filters = OfferFilterForm(request.GET).filters()
    result = search_offers(filters)
    offers = result.offers.select_related("school").prefetch_related("support_needs")
    return render(
        request,
        "network/offer_list.html",
        {
            "offers": paginate(request, offers, CATALOGUE_PAGE_SIZE),
            "facets": [
                {
                    "param": URL_WORDS[name],
                    "label": FACET_LABELS[name],
                    "values": values,
                }
                for name, values in result.facets.items()
            ],
            "query": filters.get("q", ""),
            "has_filters": bool(filters),
            "active_filters": sum(key != "q" for key in filters),
        },
    )


def offer_detail(request, pk, slug):
    offer = get_object_or_404(
        SupportOffer.objects.select_related(
            "school", "contact__user", "contact__photo"
        ).prefetch_related("support_needs", "clusters"),
        pk=pk,
    )
    if not can_see_offer(request.user, offer):
        raise Http404
    if slug != offer.slug:
        return redirect(offer, permanent=True)
    contact = offer.contact
    return render(
        request,
        "network/offer_detail.html",
        {
            "offer": offer,
            "description": render_markdown(offer.description),
            # A contact whose profile this reader may not see stays unnamed.
            "contact": contact
            if contact and can_view_profile(request.user, contact)
            else None,
            "can_edit": can_edit_offer(request.user, offer),
            "can_request": can_request(request.user, offer),
            "edit_in_admin": request.user.has_perm("network.change_supportoffer"),
        },
    )


def _coordinated_schools(user):
    return list(
        School.objects.filter(
            affiliations__profile__user=user, affiliations__is_coordinator=True
        ).order_by("name")
    )


@login_required
def my_offers(request):
    """The offers of the schools this coordinator keeps, drafts included."""
    schools = _coordinated_schools(request.user)
    if not schools:
        return render(request, "network/account/not_coordinator.html", status=403)
    offers = SupportOffer.objects.filter(school__in=schools).select_related("school")
    return render(
        request,
        "network/account/offers.html",
        {"offers": offers.order_by("school__name", "title"), "schools": schools},
    )


@login_required
def offer_form(request, pk=None):
    schools = _coordinated_schools(request.user)
    if not schools:
        return render(request, "network/account/not_coordinator.html", status=403)
    offer = None
    if pk is not None:
        # Another school's offer does not exist for this coordinator.
        offer = get_object_or_404(SupportOffer, pk=pk, school__in=schools)
    form = SupportOfferForm(
        request.POST or None, instance=offer, schools=schools, user=request.user
    )
    if request.method == "POST" and form.is_valid():
        offer = form.save()
        if offer.is_published:
            messages.success(request, _("The offer is saved and published."))
        else:
            messages.success(request, _("The offer is saved as a draft."))
        return redirect(offer)
    return render(
        request, "network/account/offer_form.html", {"form": form, "offer": offer}
    )


@login_required
def offer_delete(request, pk):
    schools = _coordinated_schools(request.user)
    offer = get_object_or_404(SupportOffer, pk=pk, school__in=schools)
    if request.method == "POST":
        offer.delete()
        messages.success(
            request, _("“%(title)s” has been deleted.") % {"title": offer.title}
        )
        return redirect("network:my_offers")
    return render(request, "network/account/offer_delete.html", {"offer": offer})
