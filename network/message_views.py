"""Asking an expert, answering, and the notification inbox."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from network.pagination import paginate

from .asking import form_page, send_from_form
from .contact import ask_expert, can_ask, confirm_contact_request, reply
from .forms import AskExpertForm, ReplyForm
from .models import ContactRequest, ContactStatus, Notification, Profile
from .notifications import mark_read
from .permissions import can_view_profile
from .services import NetworkError


def ask(request, slug):
    expert = get_object_or_404(Profile.objects.select_related("user"), slug=slug)
    if not can_view_profile(request.user, expert):
        raise Http404
    if not can_ask(request.user, expert):
        return render(request, "network/contact/closed.html", {"expert": expert})
    form = AskExpertForm(request.POST or None, member=request.user.is_authenticated)
    question, limited = send_from_form(
        request,
        form,
        "visitor-question",
        lambda data: ask_expert(
            expert,
            user=request.user,
            subject=data["subject"],
            message=data["message"],
            name=data.get("name", ""),
            email=data.get("email", ""),
            organisation=data["organisation"],
        ),
    )
    if question is not None:
        return render(
            request,
            "network/contact/sent.html",
            {"expert": expert, "question": question},
        )
    return form_page(
        request, "network/contact/ask.html", {"expert": expert, "form": form}, limited
    )


def confirm(request, token):
    if request.method != "POST":
        # A page with a button: link checkers in mail programs must not confirm.
        exists = ContactRequest.objects.filter(
            confirmation_token=token, status=ContactStatus.UNCONFIRMED
        ).exists()
        return render(
            request,
            "network/contact/confirm.html",
            {"valid": exists},
            status=200 if exists else 404,
        )
    try:
        question = confirm_contact_request(token)
    except NetworkError as error:
        return render(
            request,
            "network/contact/confirm.html",
            {"valid": False, "error": error},
            status=404,
        )
    return render(
        request,
        "network/contact/sent.html",
        {"expert": question.expert, "question": question, "confirmed": True},
    )


QUESTIONS_PER_PAGE = 25


@login_required
def contact_requests(request):
    # -pk breaks ties, so a question never shows on two pages or on none.
    mine = (
        ContactRequest.objects.select_related("expert")
        .exclude(status=ContactStatus.UNCONFIRMED)
        .order_by("-created_at", "-pk")
    )
    return render(
        request,
        "network/contact/list.html",
        {
            "received": paginate(
                request,
                mine.filter(expert__user=request.user),
                QUESTIONS_PER_PAGE,
                param="received_page",
            ),
            "sent": paginate(
                request,
                mine.filter(sender=request.user),
                QUESTIONS_PER_PAGE,
                param="sent_page",
            ),
        },
    )


@login_required
def contact_request_detail(request, pk):
    question = get_object_or_404(
        ContactRequest.objects.select_related("expert", "sender").exclude(
            status=ContactStatus.UNCONFIRMED
        ),
        Q(expert__user=request.user) | Q(sender=request.user),
        pk=pk,
    )
    is_expert = (
        question.expert is not None and question.expert.user_id == request.user.pk
    )
    form = ReplyForm(request.POST or None) if is_expert else None
    if form is not None and request.method == "POST" and form.is_valid():
        try:
            reply(
                question,
                request.user,
                answer=form.cleaned_data["answer"],
                decline=form.cleaned_data["decline"],
            )
        except NetworkError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Your answer has been sent."))
            return redirect(question.get_absolute_url())
    return render(
        request,
        "network/contact/detail.html",
        {"question": question, "is_expert": is_expert, "form": form},
    )


@login_required
def inbox(request):
    notifications = (
        Notification.objects.filter(recipient=request.user)
        .select_related("actor__profile__photo")
        .prefetch_related("actor__profile__photo__renditions")
    )
    return render(
        request,
        "network/notifications.html",
        {"notifications": paginate(request, notifications, 30)},
    )


@login_required
def open_notification(request, pk):
    notification = get_object_or_404(Notification, pk=pk, recipient=request.user)
    mark_read(request.user, [notification.pk])
    target = notification.url
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = "network:inbox"
    return redirect(target or "network:inbox")


@login_required
@require_POST
def mark_all_read(request):
    mark_read(request.user)
    messages.success(request, _("All notifications are marked as read."))
    return redirect("network:inbox")
