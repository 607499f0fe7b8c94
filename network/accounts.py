"""Who may register, and what happens once their address is verified.

Registration is open to addresses on the e-mail domain of a member school and to
people a school coordinator invited; everyone else is told why not and what to
do instead. A person becomes a member of the school only after verifying the
address, so nobody joins a school with an address they do not own.
"""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.forms import SignupForm as AllauthSignupForm
from allauth.core import context
from django import forms
from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from .forms import PASSWORD_MAX_LENGTH
from .models import Affiliation, Invitation, Profile, School
from .ratelimit import client_ip, whole_minutes, window_seconds

INVITATION_SESSION_KEY = "network_invitation"


def school_for_new_member(
    email: str, request=None
) -> tuple[School | None, Invitation | None]:
    """The member school an address may join: by an open invitation (kept in the
    session after following the invitation link), else by its domain."""
    token = request.session.get(INVITATION_SESSION_KEY) if request else None
    if token:
        invitation = (
            Invitation.objects.open()
            .select_related("school")
            .filter(token=token, email__iexact=email)
            .first()
        )
        if invitation is not None:
            return invitation.school, invitation
    domain = email.rsplit("@", 1)[-1]
    return School.objects.members().with_email_domain(domain).first(), None


class SignupForm(AllauthSignupForm):
    name = forms.CharField(
        label=_("Your name"),
        max_length=150,
        help_text=_("As colleagues know you; shown on your profile."),
    )
    field_order = ["name", "email", "password1", "password2"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("password1", "password2"):
            if name in self.fields:
                field = self.fields[name]
                field.max_length = PASSWORD_MAX_LENGTH
                field.validators.append(MaxLengthValidator(PASSWORD_MAX_LENGTH))
                field.widget.attrs["maxlength"] = str(PASSWORD_MAX_LENGTH)
        request = context.request
        token = request.session.get(INVITATION_SESSION_KEY) if request else None
        invitation = (
            Invitation.objects.open().filter(token=token).first() if token else None
        )
        if invitation is not None and not self.is_bound:
            self.initial["email"] = invitation.email

    def clean_email(self):
        email = super().clean_email()
        school, _invitation = school_for_new_member(email, context.request)
        if school is None:
            raise forms.ValidationError(
                _(
                    "Registration is open to staff of member schools, with their "
                    "school e-mail address. Is your school a member? Then use your "
                    "school address, or ask your school's coordinator for an "
                    "invitation."
                ),
                code="not-a-member-school",
            )
        return email

    def save(self, request):
        user = super().save(request)
        user.first_name = self.cleaned_data["name"]
        user.save(update_fields=["first_name"])
        return user


# Shown at the login form once allauth's login_failed limit refuses, also for
# the right password. The wait named is the per-address window, the one a person
# with typos meets; the per-client one is set high enough that only an attack
# reaches it (site/settings.py).
LOGIN_LOCKED = ngettext_lazy(
    "Too many wrong passwords were entered (for this address, or from your "
    "network). Wait %(minutes)s minute and try again. Forgot your password? Choose "
    "a new one with “Forgot your password?” at the password field; that "
    "also lifts this block. Still stuck? Ask the coordinator of your school.",
    "Too many wrong passwords were entered (for this address, or from your "
    "network). Wait %(minutes)s minutes and try again. Forgot your password? "
    "Choose a new one with “Forgot your password?” at the password "
    "field; that also lifts this block. Still stuck? Ask the coordinator of your "
    "school.",
    "minutes",
)


def display_name(user) -> str:
    """How allauth names a person in its messages and e-mails, which go to
    that person: their profile's name, else their e-mail address. Never the
    username, which the site made up and nobody knows."""
    return user.name_for_others(user.email)


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request):
        return True

    def get_client_ip(self, request) -> str:
        """The client as every limit of the site sees it (network.ratelimit)."""
        return client_ip(request)

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        """allauth's e-mails close like the site's own (templates/email/)."""
        context = {
            "site_name": settings.SITE_NAME,
            "base_url": settings.WAGTAILADMIN_BASE_URL,
            **context,
        }
        super().send_mail(template_prefix, email, context)

    def validation_error(self, code, *args):
        if code == "too_many_login_attempts":
            wait = window_seconds(settings.RATE_LIMIT_LOGIN_FAILURES_PER_ADDRESS)
            return forms.ValidationError(
                LOGIN_LOCKED % {"minutes": whole_minutes(wait)}, code=code
            )
        return super().validation_error(code, *args)

    def confirm_email(self, request, email_address):
        super().confirm_email(request, email_address)
        join_school(email_address.user, email_address.email, request)


@transaction.atomic
def join_school(user, email: str, request=None) -> Affiliation | None:
    """After verification: give the person a profile (members-only, as privacy by
    default asks) and make them staff of their school."""
    school, invitation = school_for_new_member(email, request)
    if school is None:
        return None
    profile, _created = Profile.objects.get_or_create(
        user=user, defaults={"name": user.first_name or email.split("@")[0]}
    )
    affiliation, _created = Affiliation.objects.get_or_create(
        profile=profile, school=school
    )
    if invitation is not None:
        invitation.accepted_at = timezone.now()
        invitation.save(update_fields=["accepted_at"])
        request.session.pop(INVITATION_SESSION_KEY, None)
    return affiliation
