"""The Content-Security-Policy, chosen per response.

The site's own pages get ``CONTENT_SECURITY_POLICY``: nothing inline, nothing
from another origin. Wagtail's admin cannot live under that yet (Wagtail 8
still writes inline ``<script>`` for date choosers and inline panels, and
inline styles), so paths under the admin get ``ADMIN_CONTENT_SECURITY_POLICY``
instead, which differs only where the admin needs it.

Why a middleware subclass rather than django-csp's decorators: the admin's
views are Wagtail's, so we cannot decorate them, and wrapping the admin's URL
include would miss views that hooks register. One place that looks at the
path covers every admin view, including those added later.
"""

from csp.constants import SELF
from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.urls import reverse


def admin_prefix() -> str:
    """Where Wagtail's admin is mounted, read from the URLconf (``/admin/``)."""
    return reverse("wagtailadmin_home")


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware with a second policy for Wagtail's admin.

    A view that sets its own Content-Security-Policy (forum attachments,
    Wagtail's image and document serving) keeps it: django-csp never
    overwrites the header.

    Framing: no response may be framed, except by this site itself where the
    editor's preview panel frames one. That is a page preview, which Wagtail
    renders through the whole middleware chain once more with a request it
    marks ``is_preview`` at the page's own address, so it gets the site's
    strict policy (the editor sees what the live page will do); and a response
    a Wagtail view marked ``X-Frame-Options: SAMEORIGIN`` (block previews,
    the preview's error page), so that the two headers agree.
    """

    def get_policy_parts(
        self,
        request: HttpRequest,
        response: HttpResponseBase,
        report_only: bool = False,
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if report_only:
            return parts
        if parts.config is None and request.path_info.startswith(admin_prefix()):
            parts.config = settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
        if (
            getattr(request, "is_preview", False)
            or response.get("X-Frame-Options", "").upper() == "SAMEORIGIN"
        ):
            parts.replace = {**(parts.replace or {}), "frame-ancestors": [SELF]}
        return parts
