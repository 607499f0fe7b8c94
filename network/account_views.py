"""The person's own account pages: profile, data export, deletion, invitations."""

import json

from allauth.account.views import SignupView as AllauthSignupView
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext_lazy
from django.views.decorators.http import require_POST
from wagtail import hooks

from .accounts import INVITATION_SESSION_KEY
from .background import enqueue
from .forms import DeleteAccountForm, InviteForm, ProfileForm
from .models import Invitation, Profile, School
from .privacy import delete_account, export_user_data
from .ratelimit import count_attempt, refuse, whole_minutes, window_seconds
from .tasks import send_invitation_email


def _app_sections(request) -> list[str]:
    """Sections other apps add to the account page through the Wagtail hook
    `network_account_sections`: a function taking the request and returning
    HTML, or "" to show nothing (events shows one's registrations)."""
    rendered = (
        section(request) for section in hooks.get_hooks("network_account_sections")
    )
    return [html for html in rendered if html]


@login_required
def account_home(request):
    profile = Profile.objects.filter(user=request.user).first()
    coordinator_of = School.objects.filter(
        affiliations__profile__user=request.user, affiliations__is_coordinator=True
    )
    return render(
        request,
        "network/account/home.html",
        {
            "profile": profile,
            "coordinator_of": coordinator_of,
            "app_sections": _app_sections(request),
        },
    )


@login_required
def profile_edit(request):
    profile = Profile.objects.filter(user=request.user).first()
    if profile is None:
        profile = Profile(user=request.user, name=request.user.get_full_name())
    form = ProfileForm(request.POST or None, request.FILES or None, instance=profile)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your profile has been saved."))
        return redirect("network:account")
    return render(request, "network/account/profile_form.html", {"form": form})


@login_required
@require_POST
def export_data(request):
    data = export_user_data(request.user)
    response = HttpResponse(
        json.dumps(data, indent=2, ensure_ascii=False),
        content_type="application/json; charset=utf-8",
    )
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = (
        f'attachment; filename="mijn-gegevens-{stamp}.json"'
    )
    return response


@login_required
def delete_account_view(request):
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        delete_account(user)
        messages.success(request, _("Your account has been deleted."))
        return redirect("/")
    return render(request, "network/account/delete.html", {"form": form})


@login_required
def invite_colleague(request):
    schools = School.objects.members().filter(
        affiliations__profile__user=request.user, affiliations__is_coordinator=True
    )
    if not schools.exists():
        return render(request, "network/account/not_coordinator.html", status=403)
    form = InviteForm(request.POST or None, schools=schools)
    if request.method == "POST" and form.is_valid():
        invitation = form.save(invited_by=request.user)
        enqueue(
            send_invitation_email,
            invitation.pk,
            request.build_absolute_uri("/").rstrip("/"),
            translation.get_language(),
        )
        messages.success(
            request, _("Invitation sent to %(email)s.") % {"email": invitation.email}
        )
        return redirect("network:invite")
    sent = Invitation.objects.filter(school__in=schools).select_related("school")[:50]
    return render(request, "network/account/invite.html", {"form": form, "sent": sent})


def accept_invitation(request, token):
    invitation = Invitation.objects.open().filter(token=token).first()
    if invitation is None:
        return render(request, "network/account/invitation_invalid.html", status=404)
    request.session[INVITATION_SESSION_KEY] = invitation.token
    return redirect(reverse("account_signup"))


# allauth's pages meet the site's limits here: its sign-up, limited per client
# (routed in network/urls.py ahead of allauth's own), and the page for a request
# one of its limits refused (handler429 in the site's URLconf).

SIGNUPS_FROM_YOUR_NETWORK = ngettext_lazy(
    "Many accounts were created from your network in a short time. Please try "
    "again in %(minutes)s minute. What you typed is still here, except the "
    "password.",
    "Many accounts were created from your network in a short time. Please try "
    "again in %(minutes)s minutes. What you typed is still here, except the "
    "password.",
    "minutes",
)


class SignupView(AllauthSignupView):
    """allauth's sign-up, limited per client (RATE_LIMIT_SIGNUPS): counted once
    the form is valid, when a sign-up would send an e-mail, and refused at the
    form with a 429 and what was typed kept."""

    def form_valid(self, form):
        limited = count_attempt(self.request, "signup", settings.RATE_LIMIT_SIGNUPS)
        if limited is None:
            return super().form_valid(form)
        form.add_error(None, SIGNUPS_FROM_YOUR_NETWORK % {"minutes": limited.minutes})
        return refuse(self.form_invalid(form), limited)


def too_many_requests(request):
    """What allauth answers when one of its limits refuses a request (it calls
    the URLconf's handler429): a page in the site's layout that says how long to
    wait and what else to do. The wait is the longest window among allauth's
    limits, so it holds whichever one refused."""
    windows = []
    for rates in settings.ACCOUNT_RATE_LIMITS.values():
        for rate in filter(None, (rates or "").split(",")):
            amount_and_duration = "/".join(rate.strip().split("/")[:2])
            try:
                windows.append(window_seconds(amount_and_duration))
            except ValueError:
                continue  # a form allauth reads and we need not, such as "1.5m"
    wait = max(windows, default=60)
    response = render(request, "429.html", {"minutes": whole_minutes(wait)}, status=429)
    response["Retry-After"] = str(wait)
    return response
