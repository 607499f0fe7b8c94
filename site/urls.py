from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.views.generic import TemplateView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

handler400 = "lecso_site.errors.bad_request"

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("django-admin/", admin.site.urls),
    path("documenten/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, name="sitemap"),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain"),
    ),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Dutch lives at the root, English under /en/; Wagtail's catch-all comes last.
urlpatterns += i18n_patterns(
    path("", include("lecso_site.forum_knowledge")),
    path("", include("network.urls")),
    path("", include("events.urls")),
    path("", include("forums.urls")),
    path("", include("search.urls")),
    path("account/", include("allauth.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
