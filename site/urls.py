from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.shortcuts import redirect
from django.templatetags.static import static as static_url
from django.urls import include, path
from django.views.generic import RedirectView, TemplateView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from . import health
from .sitemap import sitemap
from .style_guide import style_guide

# One way in for everyone: allauth's login, with its rate limits and its
# two-factor stage. Wagtail's own login forms (the admin's and the one for
# private pages) would let a password alone through, so they send people there.
# Django's admin is not installed: Wagtail's admin does its work.
to_site_login = RedirectView.as_view(pattern_name="account_login", query_string=True)

# allauth answers a refusal by one of its limits with this view (a page in
# Dutch that says how long to wait); Django itself has no 429 handler.
handler429 = "network.account_views.too_many_requests"

handler400 = "lecso_site.errors.bad_request"
# A database that cannot be reached gets the 503 page "briefly unavailable",
# wherever the error was raised; anything else the static 500 page.
handler500 = "lecso_site.errors.server_error"

urlpatterns = [
    # For the proxy: one fixed address each, in no language (lecso_site.health).
    path("gezond/", health.alive, name="health-alive"),
    path("gezond/klaar/", health.ready, name="health-ready"),
    path("admin/login/", to_site_login),
    path("admin/password_reset/", to_site_login),
    path("admin/", include(wagtailadmin_urls)),
    path("documenten/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, name="sitemap"),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain"),
    ),
    # The living style page (DEBUG only, a 404 otherwise).
    path("stijl/", style_guide, name="style_guide"),
    # Browsers ask for /favicon.ico whatever the page says; the icon is an SVG.
    # Its address is looked up per request: the hashed name exists only once
    # collectstatic has run.
    path(
        "favicon.ico",
        lambda request: redirect(static_url("img/favicon.svg"), permanent=True),
    ),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    # Images only, as the proxy does in production: documents may sit in a
    # collection with a view restriction, so they go through Wagtail's view.
    for folder in ("images", "original_images"):
        urlpatterns += static(
            f"{settings.MEDIA_URL}{folder}/",
            document_root=settings.MEDIA_ROOT / folder,
        )

# Dutch lives at the root, English under /en/; Wagtail's catch-all comes last.
urlpatterns += i18n_patterns(
    path("", include("lecso_site.forum_knowledge")),
    path("", include("lecso_site.helpdesk_knowledge")),
    path("", include("lecso_site.newsletter_views")),
    path("", include("network.urls")),
    path("", include("events.urls")),
    path("", include("forums.urls")),
    path("", include("search.urls")),
    path("", include("association.urls")),
    path("account/", include("allauth.urls")),
    path("_util/login/", to_site_login),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
