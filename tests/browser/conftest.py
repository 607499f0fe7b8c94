"""Real-browser tests: Daphne serves the site from a child process and Playwright
drives the system Chromium. No browser is ever downloaded."""

import concurrent.futures
import datetime
import io
import os
from pathlib import Path

import pytest
from django.contrib.staticfiles.handlers import ASGIStaticFilesHandler
from django.utils import timezone
from wagtail.rich_text import RichText

from events.models import EventIndexPage, EventOrganiser, EventPage
from forums.models import Category, Group, GroupMembership, MembershipStatus
from network.models import Affiliation, Board, Profile, School, SupportNeed
from tests.daphne import daphne

# The password of every account the browser tests sign in with.
PASSWORD = "Een-lang-wachtwoord-42"

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


# Where a failed browser test leaves what the browser showed (CI keeps
# test-artifacts/): a flaky step in a busy CI run is otherwise gone by the time
# anyone looks.
FAILURES = Path(os.environ.get("SCREENSHOT_DIR", "test-artifacts/screenshots")).parent


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    page = item.funcargs.get("page") if report.when == "call" else None
    if report.failed and page is not None and not page.is_closed():
        name = FAILURES / "failures" / item.name.replace("/", "_")
        name.parent.mkdir(parents=True, exist_ok=True)
        try:
            page.screenshot(path=f"{name}.png", full_page=True)
            Path(f"{name}.html").write_text(page.content())
        except Exception as problem:  # the failure itself matters more
            report.sections.append(("failure screenshot", repr(problem)))
        else:
            report.sections.append(("failure screenshot", f"{name}.png"))
    return report


class _ForgetContentTypes:
    """Each test flushes the database, and content types come back with new ids.
    The server process must not answer from its cache of the old ones (the
    search filters its index by content type)."""

    def __init__(self, application):
        self.application = application

    async def __call__(self, scope, receive, send):
        from django.contrib.contenttypes.models import ContentType

        ContentType.objects.clear_cache()
        await self.application(scope, receive, send)


def _make_application():
    from channels.routing import get_default_application

    return _ForgetContentTypes(ASGIStaticFilesHandler(get_default_application()))


# Per module, so Playwright's event loop is gone before other tests run.
@pytest.fixture(scope="module")
def browser(chromium_executable):
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop on this thread; the tests' own ORM
    # calls are still plain synchronous code, so Django may allow them here.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_executable, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()
    del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


@pytest.fixture(scope="session")
def live_server_url(django_db_setup, django_db_blocker):
    """Daphne in a forked child process, on the test database set up above."""
    with daphne(_make_application, django_db_blocker=django_db_blocker) as url:
        yield url


@pytest.fixture
def page(browser, live_server_url):
    context = browser.new_context(base_url=live_server_url, locale="nl-NL")
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="session")
def serious_violations():
    """A function giving axe-core's serious and critical findings on a page, each
    as one readable line for the failure message."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()

    def check(page) -> list[str]:
        results = axe.run(page)
        return [
            f"{v['id']} ({v['impact']}): {v['help']} at "
            + ", ".join(str(node["target"][0]) for node in v["nodes"][:3])
            for v in results.response["violations"]
            if v["impact"] in ("serious", "critical")
        ]

    return check


@pytest.fixture(scope="session")
def log_in():
    """A function that signs a browser page in through the login form, as a
    person would, and waits until the header shows the account link."""
    from playwright.sync_api import expect

    def sign_in(page, email: str, password: str = PASSWORD) -> None:
        page.goto("/account/login/")
        page.get_by_label("E-mail").fill(email)
        page.get_by_label("Wachtwoord").fill(password)
        page.get_by_label("Wachtwoord").press("Enter")
        expect(page.get_by_role("link", name="Mijn account")).to_be_visible()

    return sign_in


def png(width=400, height=300) -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (0, 120, 120)).save(buffer, "PNG")
    return buffer.getvalue()


def verified_user(django_user_model, username, email, **extra):
    from allauth.account.models import EmailAddress

    make = (
        django_user_model.objects.create_superuser
        if extra.pop("superuser", False)
        else django_user_model.objects.create_user
    )
    user = make(username=username, email=email, password=PASSWORD, **extra)
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


@pytest.fixture
def every_kind(editorial_site, django_user_model):
    """One of every page type: the editorial site (a news item with every block
    that needs no uploaded file), an agenda with an event that a member
    organises, a school with two members (one a public expert), a forum
    category with a thread, a closed group, and an admin."""
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document
    from wagtail.models import Collection

    from forums import services

    # The root collection comes from a migration; a transactional test flushed it.
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    home = editorial_site["news_index"].get_parent()
    document = Document.objects.create(title="Handreiking (pdf)")
    document.file.save("handreiking.pdf", ContentFile(b"%PDF-1.4\n"), save=True)
    news, about = editorial_site["news"], editorial_site["standard_page"]
    news.body = [
        ("heading", {"text": "Wat scholen deden", "level": "h2"}),
        (
            "paragraph",
            RichText(
                f'<p>Lees <a linktype="page" id="{about.pk}">over ons</a> en '
                f'<b>de</b> <a linktype="document" id="{document.pk}">'
                "handreiking</a>.</p>"
            ),
        ),
        ("quote", {"text": "Kijk naar het kind.", "attribution": "IB'er"}),
        ("document", {"document": document, "title": ""}),
        (
            "call_to_action",
            {
                "title": "Doe mee",
                "text": "Meld u aan.",
                "page": about,
                "url": "",
                "link_text": "Aanmelden",
            },
        ),
    ]
    news.save_revision().publish()

    board = Board.objects.create(name="Stichting Kans", number="41001", is_member=True)
    school = School.objects.create(name="De Burcht", brin="12AB", board=board)
    anna = verified_user(django_user_model, "anna", "anna@deburcht.nl")
    bram = verified_user(django_user_model, "bram", "bram@deburcht.nl")
    expert = Profile.objects.create(
        user=anna,
        name="Anna de Vries",
        job_title="Logopedist",
        visibility="public",
        open_for_questions=True,
        bio="Ervaren met *ondersteunde communicatie*.",
    )
    expert.support_needs.set(SupportNeed.objects.filter(slug="communicatie"))
    Affiliation.objects.create(profile=expert, school=school)
    Affiliation.objects.create(
        profile=Profile.objects.create(user=bram, name="Bram Jansen"), school=school
    )
    admin = verified_user(
        django_user_model, "beheer", "beheer@lecso.example", superuser=True
    )

    agenda = EventIndexPage(title="Agenda", slug="agenda")
    home.add_child(instance=agenda)
    start = timezone.now() + datetime.timedelta(days=10)
    event = EventPage(
        title="Regiobijeenkomst cluster 4",
        slug="regio",
        start=start,
        end=start + datetime.timedelta(hours=2),
        capacity=30,
        venue_name="De Burcht",
        venue_city="Utrecht",
    )
    agenda.add_child(instance=event)
    EventOrganiser.objects.create(event=event, user=anna)

    category = Category.objects.create(
        name="Gedrag en welbevinden", slug="gedrag", description="Cluster 4"
    )
    group = Group.objects.create(name="Werkgroep IB Noord", slug="ib-noord")
    GroupMembership.objects.create(
        group=group, user=anna, status=MembershipStatus.ACTIVE, is_manager=True
    )
    thread = off_the_event_loop(
        services.start_thread,
        anna,
        category,
        title="Hoe gaan jullie om met time-outs?",
        body="Wij zoeken **ervaringen**.",
    )
    return {
        **editorial_site,
        "news": news,
        "school": school,
        "anna": anna,
        "bram": bram,
        "expert": expert,
        "admin": admin,
        "event": event,
        "category": category,
        "group": group,
        "thread": thread,
    }


def off_the_event_loop(function, *args, **kwargs):
    """Run a service on a thread of its own: after its commit it publishes to
    the channel layer through async_to_sync, which refuses to run on this
    thread while Playwright's event loop does."""
    from django.db import connection

    def run():
        try:
            return function(*args, **kwargs)
        finally:
            connection.close()

    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(run).result(timeout=30)
