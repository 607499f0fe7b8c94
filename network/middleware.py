from allauth.account.authentication import get_authentication_records
from allauth.mfa.models import Authenticator
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

ALWAYS_ALLOWED = ("/admin/logout/",)


def passed_second_factor(request) -> bool:
    """Whether this session's sign-in included a code from an authenticator
    app or a recovery code, not only whether the person has one set up."""
    return any(
        record.get("method") == "mfa"
        for record in get_authentication_records(request, request.user)
    )


class RequireTwoFactorForAdminMiddleware:
    """When the security setting asks for it, the admin opens only to a session
    that passed the second factor. Someone without an authenticator app is sent
    to set one up; someone who has one but signed in without it is asked for a
    code first, and comes back to the page they asked for."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            request.path.startswith("/admin/")
            and not request.path.startswith(ALWAYS_ALLOWED)
            and request.user.is_authenticated
            and self._required(request)
        ):
            if not Authenticator.objects.filter(
                user=request.user, type=Authenticator.Type.TOTP
            ).exists():
                messages.warning(
                    request,
                    _("Set up two-factor authentication to use the admin."),
                )
                return redirect("mfa_activate_totp")
            if not passed_second_factor(request):
                messages.info(
                    request,
                    _("Enter a code from your authenticator app to use the admin."),
                )
                query = urlencode({"next": request.get_full_path()})
                return redirect(f"{reverse('mfa_reauthenticate')}?{query}")
        return self.get_response(request)

    @staticmethod
    def _required(request) -> bool:
        from .models import SecuritySettings

        return SecuritySettings.load(
            request_or_site=request
        ).require_two_factor_for_admin
