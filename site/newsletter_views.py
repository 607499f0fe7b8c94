"""The newsletter's own pages besides the archive and the issues (which are
Wagtail pages): subscribing with a confirmed address, unsubscribing with one
click and no login, a member's choice on their account page, and the editors'
sending page in the admin."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from network.background import enqueue, retried_task
from network.permissions import is_member
from network.ratelimit import count_attempt, refuse

from .models.newsletter import (
    MemberNewsletterChoice,
    NewsletterAudience,
    NewsletterIssue,
)
from .newsletter import (
    CONFIRM_DAYS,
    absolute,
    confirm_subscription,
    confirm_token,
    read_confirm_token,
    read_unsubscribe_token,
    unsubscribe,
)
from .newsletter_forms import MemberChoiceForm, SubscribeForm
from .newsletter_sending import NotReady, progress, send_test, start_sending


@retried_task
def send_confirmation(email: str, language: str) -> None:
    from django.core.mail import send_mail

    from network.mail import render_email

    link = absolute(f"/nieuwsbrief/bevestigen/{confirm_token(email, language)}/")
    subject, body = render_email(
        "lecso_site/email/newsletter_confirm",
        {"link": link, "days": CONFIRM_DAYS},
        language,
    )
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [email])


def subscribe(request):
    form = SubscribeForm(request.POST or None)
    if request.method != "POST" or not form.is_valid():
        return render(
            request, "lecso_site/newsletter/subscribe.html", {"form": form}, status=200
        )
    email = form.cleaned_data["email"].lower()
    limited = count_attempt(
        request, "newsletter", settings.RATE_LIMIT_VISITOR_QUESTIONS
    ) or count_attempt(request, "newsletter-address", "5/h", key=email)
    if limited:
        response = render(
            request,
            "lecso_site/newsletter/subscribe.html",
            {"form": form, "limited": limited},
        )
        return refuse(response, limited)
    # Whether the address is on the list already is not told here: the
    # e-mail is the same either way, and confirming twice changes nothing.
    enqueue(send_confirmation, email, translation.get_language())
    return render(
        request,
        "lecso_site/newsletter/check_inbox.html",
        {"email": email, "days": CONFIRM_DAYS},
    )


def confirm(request, token):
    data, problem = read_confirm_token(token)
    if data is None:
        return render(
            request,
            "lecso_site/newsletter/link_problem.html",
            {"problem": problem, "days": CONFIRM_DAYS},
            status=400,
        )
    if request.method == "POST":
        confirm_subscription(data["e"], data.get("t") or "nl")
        return render(
            request, "lecso_site/newsletter/confirmed.html", {"email": data["e"]}
        )
    # A button, not the link itself: mail scanners open links.
    return render(request, "lecso_site/newsletter/confirm.html", {"email": data["e"]})


@csrf_exempt  # RFC 8058: the mail program posts without a form of ours
def unsubscribe_view(request, token):
    data = read_unsubscribe_token(token)
    if data is None:
        return render(
            request,
            "lecso_site/newsletter/link_problem.html",
            {"problem": "invalid"},
            status=400,
        )
    audience = data["l"]
    if request.method == "POST":
        changed = unsubscribe(data["e"], audience)
        return render(
            request,
            "lecso_site/newsletter/unsubscribed.html",
            {
                "email": data["e"],
                "changed": changed,
                "for_members": audience == NewsletterAudience.MEMBERS,
            },
        )
    return render(
        request,
        "lecso_site/newsletter/unsubscribe.html",
        {"email": data["e"], "for_members": audience == NewsletterAudience.MEMBERS},
    )


@login_required
@require_POST
def member_choice(request):
    if not is_member(request.user):
        raise PermissionDenied
    form = MemberChoiceForm(request.POST)
    form.is_valid()  # a check box: absent means no
    MemberNewsletterChoice.objects.update_or_create(
        user=request.user,
        defaults={"receives": form.cleaned_data.get("receives", False)},
    )
    messages.success(request, _("Your choice about the members' newsletter is saved."))
    return redirect("network:account")


def account_section(request) -> str:
    """The member's newsletter choice, on their account page."""
    from django.template.loader import render_to_string

    if not is_member(request.user):
        return ""
    choice = MemberNewsletterChoice.objects.filter(user=request.user).first()
    receives = choice.receives if choice else True
    return render_to_string(
        "lecso_site/newsletter/account_section.html",
        {"form": MemberChoiceForm(initial={"receives": receives}), "choice": choice},
        request=request,
    )


# The editors' sending page (in Wagtail's admin) ----------------------------------


def sending_page(request, page_id):
    issue = get_object_or_404(NewsletterIssue, pk=page_id)
    if not issue.permissions_for_user(request.user).can_publish():
        raise PermissionDenied
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "test":
            enqueue(send_test, issue.pk, request.user.pk)
            messages.success(
                request,
                _("A test is on its way to %(email)s.") % {"email": request.user.email},
            )
        elif action == "send":
            try:
                count = start_sending(issue)
            except NotReady as reason:
                messages.error(request, str(reason))
            else:
                messages.success(
                    request,
                    _("Sending to %(count)s addresses has started.") % {"count": count},
                )
        elif action == "resume":
            from .newsletter_sending import send_newsletter_batch

            enqueue(send_newsletter_batch, issue.pk)
            messages.success(request, _("Sending goes on."))
        return redirect("newsletter_sending", issue.pk)
    return TemplateResponse(
        request,
        "lecso_site/newsletter/sending.html",
        {
            "page_title": _("Send: %(title)s") % {"title": issue.title},
            "issue": issue,
            "progress": progress(issue),
            "now": timezone.now(),
        },
    )


urlpatterns = [
    path("nieuwsbrief/aanmelden/", subscribe, name="newsletter_subscribe"),
    path("nieuwsbrief/bevestigen/<str:token>/", confirm, name="newsletter_confirm"),
    path(
        "nieuwsbrief/afmelden/<str:token>/",
        unsubscribe_view,
        name="newsletter_unsubscribe",
    ),
    path("account/nieuwsbrief/", member_choice, name="newsletter_member_choice"),
]
admin_urlpatterns = [
    path(
        "nieuwsbrief/<int:page_id>/verzenden/", sending_page, name="newsletter_sending"
    ),
]
