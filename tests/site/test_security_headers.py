"""Security headers as production sends them (DEBUG off): a strict
Content-Security-Policy on the public site, a looser one only under Wagtail's
admin, and a Permissions-Policy on every response."""

import io
import json
from html.parser import HTMLParser
from http import HTTPStatus

import pytest

from network.models import Profile

pytestmark = pytest.mark.django_db

PUBLIC_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "frame-ancestors": ["'none'"],
    "form-action": ["'self'"],
}

# Wagtail 8's admin still writes inline <script> (date choosers, inline panels)
# and inline styles, and shows uploaded images from data: and blob: addresses.
ADMIN_POLICY = {
    **PUBLIC_POLICY,
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "script-src-attr": ["'none'"],
}


def policy(response) -> dict[str, list[str]]:
    """The Content-Security-Policy header as {directive: sources}."""
    header = response.headers.get("Content-Security-Policy")
    assert header, f"no Content-Security-Policy on {response.request['PATH_INFO']}"
    parts = (part.split() for part in header.split(";") if part.strip())
    return {name: sources for name, *sources in parts}


@pytest.fixture
def production(settings):
    settings.DEBUG = False


@pytest.fixture
def public_pages(editorial_site, django_user_model):
    user = django_user_model.objects.create_user(
        username="anna", email="anna@example.org", password="x"
    )
    profile = Profile.objects.create(
        user=user, name="Anna Openbaar", visibility="public"
    )
    return {
        "home": "/",
        "news index": "/nieuws/",
        "news item": editorial_site["news"].url,
        "knowledge article": editorial_site["article"].url,
        "standard page": editorial_site["standard_page"].url,
        "English home": "/en/",
        "directory": "/deskundigen/",
        "profile": f"/deskundigen/{profile.slug}/",
        "school list": "/scholen/",
        "search": "/zoeken/?q=communicatie",
        "suggestions": "/zoeken/suggesties/?q=comm",
        "forum": "/forum/",
        "login": "/account/login/",
        "signup": "/account/signup/",
        "not found": "/bestaat-niet/",
    }


def test_public_pages_get_the_strict_policy(client, production, public_pages):
    for name, path in public_pages.items():
        response = client.get(path)
        assert response.status_code < HTTPStatus.INTERNAL_SERVER_ERROR, name
        assert policy(response) == PUBLIC_POLICY, name


def test_signed_in_member_pages_get_the_strict_policy(
    client, production, editorial_site, django_user_model
):
    user = django_user_model.objects.create_user(
        username="bram", email="bram@example.org", password="x"
    )
    Profile.objects.create(user=user, name="Bram Lid")
    client.force_login(user)
    for path in ("/", "/account/", "/meldingen/", editorial_site["news"].url):
        response = client.get(path)
        assert response.status_code == HTTPStatus.OK, path
        assert policy(response) == PUBLIC_POLICY, path


def test_the_admin_gets_its_own_policy(admin_client, production, editorial_site):
    news = editorial_site["news"]
    for path in (
        "/admin/",
        f"/admin/pages/{news.pk}/edit/",
        "/admin/images/multiple/add/",
        "/admin/snippets/network/school/",
        "/admin/reports/site-history/",
    ):
        response = admin_client.get(path)
        assert response.status_code == HTTPStatus.OK, path
        assert policy(response) == ADMIN_POLICY, path
    # The same signed-in editor on the public site gets the strict policy.
    assert policy(admin_client.get(news.url)) == PUBLIC_POLICY


def test_only_previews_may_be_framed_and_only_by_the_site(
    admin_client, production, editorial_site
):
    """A page preview is the public page rendered once more through the
    middleware: it keeps the strict policy, and the editor's preview panel may
    frame it."""
    news = editorial_site["news"]
    preview = admin_client.get(f"/admin/pages/{news.pk}/view_draft/")
    assert preview.status_code == HTTPStatus.OK
    assert news.title in preview.text
    assert policy(preview) == {**PUBLIC_POLICY, "frame-ancestors": ["'self'"]}
    # Wagtail's own frameable admin responses (here the preview panel's page
    # for a form that is not valid yet) say so with X-Frame-Options.
    unavailable = admin_client.get(f"/admin/pages/{news.pk}/edit/preview/")
    assert unavailable.headers["X-Frame-Options"] == "SAMEORIGIN"
    assert policy(unavailable) == {**ADMIN_POLICY, "frame-ancestors": ["'self'"]}
    editor = admin_client.get(f"/admin/pages/{news.pk}/edit/")
    assert policy(editor)["frame-ancestors"] == ["'none'"]


def test_a_view_that_sets_its_own_policy_keeps_it(client, production):
    """Wagtail's image and document serving (and our forum attachments) set a
    tighter policy themselves; the middleware does not overwrite it."""
    from django.http import HttpResponse
    from django.test import RequestFactory

    from lecso_site.security import ContentSecurityPolicyMiddleware

    def view(request):
        response = HttpResponse("x")
        response["Content-Security-Policy"] = "default-src 'none'; sandbox"
        return response

    middleware = ContentSecurityPolicyMiddleware(view)
    response = middleware(RequestFactory().get("/forum/bijlage/1/"))
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"


def test_permissions_policy_turns_off_powerful_features(
    client, admin_client, production, editorial_site
):
    for response in (
        client.get("/"),
        client.get("/bestaat-niet/"),
        admin_client.get("/admin/"),
    ):
        header = response.headers.get("Permissions-Policy")
        assert header, response.request["PATH_INFO"]
        features = dict(item.strip().split("=", 1) for item in header.split(","))
        for feature in (
            "camera",
            "microphone",
            "geolocation",
            "payment",
            "usb",
            "browsing-topics",
            "interest-cohort",
        ):
            assert features.get(feature) == "()", feature


def test_the_authenticator_qr_code_needs_no_data_address(client, production, home):
    """allauth offers the QR code as a data: image, which img-src 'self'
    refuses; the page draws the same SVG in itself."""
    from allauth.account.models import EmailAddress
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_user(
        username="cor", email="cor@example.org", password="Een-lang-wachtwoord-42"
    )
    EmailAddress.objects.create(
        user=user, email=user.email, verified=True, primary=True
    )
    client.force_login(user)
    # allauth asks for the password again before changing a second factor.
    client.post("/account/reauthenticate/", {"password": "Een-lang-wachtwoord-42"})
    response = client.get("/account/2fa/totp/activate/")
    assert response.status_code == HTTPStatus.OK
    assert "data:" not in response.text
    assert '<div class="qr-code" role="img"' in response.text
    assert "<svg" in response.text


class InlineAudit(HTMLParser):
    """What the strict policy would refuse in a page: inline <script> and
    <style>, style and event-handler attributes, javascript: addresses."""

    def __init__(self):
        super().__init__()
        self.findings: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script" and not attrs.get("src"):
            if attrs.get("type") not in ("application/json", "application/ld+json"):
                self.findings.append("inline <script>")
        if tag == "style":
            self.findings.append("<style>")
        for name, value in attrs.items():
            if name == "style" or name.startswith("on"):
                self.findings.append(f"<{tag} {name}=...>")
            if name in ("href", "src", "action", "formaction") and (
                (value or "").strip().lower().startswith("javascript:")
            ):
                self.findings.append(f"<{tag} {name}=javascript:...>")


@pytest.fixture
def news_with_every_block(editorial_site):
    """The news item with an image, a document and a call to action added."""
    from django.core.files.base import ContentFile
    from django.core.files.images import ImageFile
    from PIL import Image as PillowImage
    from wagtail.documents.models import Document
    from wagtail.images.models import Image

    picture = io.BytesIO()
    PillowImage.new("RGB", (60, 40), (0, 120, 120)).save(picture, "PNG")
    image = Image.objects.create(title="Klas", file=ImageFile(picture, name="klas.png"))
    document = Document.objects.create(title="Handreiking")
    document.file.save("handreiking.pdf", ContentFile(b"%PDF-1.4\n"), save=True)
    news, about = editorial_site["news"], editorial_site["standard_page"]
    link = (
        f'<p>Zie <a linktype="page" id="{about.pk}">over ons</a> en de '
        f'<a linktype="document" id="{document.pk}">handreiking</a>.</p>'
    )
    added = [
        ("image", {"image": image.pk, "alt_text": "Een klas", "decorative": False}),
        ("document", {"document": document.pk, "title": ""}),
        ("paragraph", link),
        (
            "call_to_action",
            {
                "title": "Doe mee",
                "text": "",
                "page": about.pk,
                "url": "",
                "link_text": "Aanmelden",
            },
        ),
    ]
    news.body = json.dumps(
        [*news.body.raw_data, *({"type": t, "value": v} for t, v in added)]
    )
    news.save_revision().publish()
    news.refresh_from_db()
    return news


def test_public_pages_write_nothing_inline(
    client, production, public_pages, news_with_every_block
):
    """The templates (blocks, rich text, Wagtail's image tag and allauth's
    pages included) give the strict policy nothing to refuse."""
    pages = {**public_pages, "news with every block": news_with_every_block.url}
    for name, path in pages.items():
        response = client.get(path)
        audit = InlineAudit()
        audit.feed(response.content.decode())
        assert audit.findings == [], f"{name}: {audit.findings}"
    html = client.get(news_with_every_block.url).text
    assert 'alt="Een klas"' in html
    assert "handreiking.pdf" in html or "/documenten/" in html
