"""Asking a school for an offer, confirming a visitor's request, and the
requests a person sent or received. A request someone may not see answers
404, so its existence does not leak."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from .asking import form_page, send_from_form
from .models import RequestStatus, School, SupportOffer, SupportRequest
from .offer_forms import RespondForm, SupportRequestForm
from .pagination import paginate
from .permissions import (
    can_handle_support_request,
    can_see_offer,
    can_see_support_request,
    can_view_profile,
)
from .services import NetworkError
from .support_requests import (
    can_request,
    confirm_support_request,
    respond,
    send_request,
)

REQUESTS_PER_PAGE = 25


def request_support(request, pk, slug):
    offer = get_object_or_404(SupportOffer.objects.select_related("school"), pk=pk)
    if not can_see_offer(request.user, offer):
        raise Http404
    if not can_request(request.user, offer):
        return render(request, "network/offers/closed.html", {"offer": offer})
    member = request.user.is_authenticated
    own_school = (
        School.objects.filter(affiliations__profile__user=request.user).first()
        if member
        else None
    )
    form = SupportRequestForm(
        request.POST or None,
        member=member,
        school_name=f"{own_school.name}, {own_school.city}" if own_school else "",
    )
    sent, limited = send_from_form(
        request,
        form,
        "visitor-support",
        lambda data: send_request(
            offer,
            user=request.user,
            sender_school=data["sender_school"],
            question=data["question"],
            pupil_need=data["pupil_need"],
            name=data.get("name", ""),
            email=data.get("email", ""),
        ),
    )
    if sent is not None:
        return render(
            request,
            "network/offers/request_sent.html",
            {"offer": offer, "support_request": sent},
        )
    return form_page(
        request,
        "network/offers/request_form.html",
        {"offer": offer, "form": form},
        limited,
    )


def confirm_support(request, token):
    if request.method != "POST":
        # A page with a button: link checkers in mail programs must not confirm.
        exists = SupportRequest.objects.filter(
            confirmation_token=token, status=RequestStatus.UNCONFIRMED
        ).exists()
        return render(
            request,
            "network/offers/request_confirm.html",
            {"valid": exists},
            status=200 if exists else 404,
        )
    try:
        sent = confirm_support_request(token)
    except NetworkError as error:
        return render(
            request,
            "network/offers/request_confirm.html",
            {"valid": False, "error": error},
            status=404,
        )
    return render(
        request,
        "network/offers/request_sent.html",
        {"offer": sent.offer, "support_request": sent, "confirmed": True},
    )


@login_required
def support_requests(request):
    """Requests this person sent, and those that reached them as the offer's
    contact, a coordinator of the school, or the colleague it was passed to."""
    delivered = SupportRequest.objects.exclude(
        status=RequestStatus.UNCONFIRMED
    ).select_related("school")
    received = delivered.filter(
        Q(offer__contact__user=request.user)
        | Q(referred_to__user=request.user)
        | Q(
            school__affiliations__profile__user=request.user,
            school__affiliations__is_coordinator=True,
        )
    ).distinct()
    return render(
        request,
        "network/offers/request_list.html",
        {
            "received": paginate(
                request, received, REQUESTS_PER_PAGE, param="received_page"
            ),
            "sent": paginate(
                request,
                delivered.filter(sender=request.user),
                REQUESTS_PER_PAGE,
                param="sent_page",
            ),
        },
    )


@login_required
def support_request_detail(request, pk):
    support_request = get_object_or_404(
        SupportRequest.objects.select_related(
            "school", "offer__contact", "referred_to", "sender"
        ).exclude(status=RequestStatus.UNCONFIRMED),
        pk=pk,
    )
    if not can_see_support_request(request.user, support_request):
        raise Http404
    can_handle = can_handle_support_request(request.user, support_request)
    form = None
    if can_handle and not support_request.is_final:
        form = RespondForm(
            request.POST or None, school=support_request.school, user=request.user
        )
    if form is not None and request.method == "POST" and form.is_valid():
        try:
            respond(
                support_request,
                request.user,
                action=form.cleaned_data["action"],
                message=form.cleaned_data["message"],
                colleague=form.cleaned_data["colleague"],
            )
        except NetworkError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Your answer has been sent."))
            return redirect(support_request)
    return render(
        request,
        "network/offers/request_detail.html",
        {
            "support_request": support_request,
            "can_handle": can_handle,
            # Named only to those who may see the colleague's profile.
            "referred_to": support_request.referred_to
            if support_request.referred_to
            and can_view_profile(request.user, support_request.referred_to)
            else None,
            "form": form,
        },
    )
