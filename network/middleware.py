from allauth.mfa.models import Authenticator
from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _

ALWAYS_ALLOWED = ("/admin/logout/",)


class RequireTwoFactorForAdminMiddleware:
    """When the security setting asks for it, the admin is closed to anyone who
    has not set up an authenticator app; they are sent to set one up."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            request.path.startswith("/admin/")
            and not request.path.startswith(ALWAYS_ALLOWED)
            and request.user.is_authenticated
            and self._required(request)
            and not Authenticator.objects.filter(
                user=request.user, type=Authenticator.Type.TOTP
            ).exists()
        ):
            messages.warning(
                request,
                _("Set up two-factor authentication to use the admin."),
            )
            return redirect("mfa_activate_totp")
        return self.get_response(request)

    @staticmethod
    def _required(request) -> bool:
        from .models import SecuritySettings

        return SecuritySettings.load(
            request_or_site=request
        ).require_two_factor_for_admin
