"""Real-browser tests: Daphne serves the site from a child process and Playwright
drives the system Chromium. No browser is ever downloaded."""

import os

import pytest
from django.contrib.staticfiles.handlers import ASGIStaticFilesHandler

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
