"""Fixtures shared by all tests: an explicit Wagtail page tree with Dutch content."""

import asyncio
import datetime
import importlib
import json
import os
import shutil
import tempfile
import threading
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from django.utils import timezone
from wagtail.models import Collection, Locale, Page, Site
from wagtail.rich_text import RichText

from events.models import EventIndexPage, EventPage, EventQuestion, EventSession
from lecso_site.models import (
    HomePage,
    KnowledgeArticle,
    KnowledgeIndexPage,
    NewsIndexPage,
    NewsPage,
    StandardPage,
)
from network.models import Cluster, SupportNeed

pytest_plugins = ["tests.spare_redis"]


def chromium_path() -> str | None:
    """CHROMIUM_PATH when set (also to point at nothing, to try the skip), else the
    Chromium on PATH or in /usr/bin."""
    if "CHROMIUM_PATH" in os.environ:
        candidates = [os.environ["CHROMIUM_PATH"]]
    else:
        candidates = [shutil.which("chromium"), "/usr/bin/chromium"]
    return next((c for c in candidates if c and Path(c).is_file()), None)


def pytest_report_header(config):
    path = chromium_path()
    if path:
        return f"browser tests: Chromium at {path}"
    if os.environ.get("REQUIRE_BROWSER") == "1":
        return "browser tests: NO CHROMIUM FOUND and REQUIRE_BROWSER=1, so they fail"
    return (
        "browser tests: SKIPPED, no Chromium found "
        "(install it with `apt-get install chromium` or set CHROMIUM_PATH)"
    )


def pytest_configure(config):
    """A fast password hasher: the default PBKDF2 costs about a second per hash on
    a small machine, and every person a fixture makes is one hash."""
    from django.conf import settings

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    _a_redis_database_per_worker(settings)
    # The browser tests' Daphne runs in a child process, which a local-memory
    # cache would leave with a cache of its own that no test empties (a search
    # vocabulary from one test answered the next). A folder both processes
    # read is emptied before each test like Redis is.
    if settings.CACHES["default"]["BACKEND"].endswith("LocMemCache"):
        settings.CACHES = {
            "default": {
                "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
                "LOCATION": tempfile.mkdtemp(prefix="lecso-test-cache-"),
            }
        }


def _a_redis_database_per_worker(settings) -> None:
    """`make test` runs the suite in one process per core (pytest-xdist), and
    each empties the cache before every test, which on Redis empties the whole
    database: worker gwN uses the configured Redis database plus N. Processes a
    test starts read REDIS_URL from the environment, so it is changed there too.
    The test databases get the worker's name as a suffix from pytest-django."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    if not worker or not settings.REDIS_URL:
        return
    address = urlsplit(settings.REDIS_URL)
    database = int(address.path.strip("/") or 0) + int(worker.removeprefix("gw"))
    url = urlunsplit(address._replace(path=f"/{database}"))
    os.environ["REDIS_URL"] = settings.REDIS_URL = url
    settings.CACHES["default"]["LOCATION"] = url
    for host in settings.CHANNEL_LAYERS["default"]["CONFIG"]["hosts"]:
        host["address"] = url


# What the migrations wrote (clusters, support needs, Wagtail's root page,
# groups...), kept as JSON once per test process, and whether a test has
# emptied the tables since they were last put back.
_migration_rows: list[str] = []
_tables = {"emptied": False}


@pytest.fixture(scope="session", autouse=True)
def _keep_the_migration_rows(request, django_db_setup, django_db_blocker):
    """Content types first, on their own: a model may look its own up while
    the rest are read back (Wagtail's tasks do, in __init__), and must find
    the kept one rather than make another. When no test uses the database,
    pytest-django makes no test database, and nothing is read."""
    from django.db import connection

    if not any(_uses_the_database(item) for item in request.session.items):
        return
    with django_db_blocker.unblock():
        rows = json.loads(connection.creation.serialize_db_to_string())
    content_types = [row for row in rows if row["model"] == "contenttypes.contenttype"]
    others = [row for row in rows if row["model"] != "contenttypes.contenttype"]
    _migration_rows.extend([json.dumps(content_types), json.dumps(others)])


def _empties_the_database(item) -> bool:
    """A transactional test (live servers, browser tests) ends by emptying
    every table, the migrations' rows too. The same cases pytest-django counts
    as transactional: the marker's transaction or reset_sequences, the
    fixtures that ask for it, and Django's TransactionTestCase classes."""
    from django.test import TestCase, TransactionTestCase

    marker = item.get_closest_marker("django_db")
    if marker and (
        marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences")
    ):
        return True
    if {"transactional_db", "live_server"} & set(getattr(item, "fixturenames", ())):
        return True
    cls = getattr(item, "cls", None)
    return bool(
        cls and issubclass(cls, TransactionTestCase) and not issubclass(cls, TestCase)
    )


def _uses_the_database(item) -> bool:
    from django.test import TransactionTestCase

    cls = getattr(item, "cls", None)
    return (
        bool(item.get_closest_marker("django_db"))
        or "db" in getattr(item, "fixturenames", ())
        or bool(cls and issubclass(cls, TransactionTestCase))
        or _empties_the_database(item)
    )


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """In one process pytest-django runs every transactional test after the
    others, so no test finds the tables emptied. With a process per core
    (pytest-xdist hands each a file at a time) a test of another file may come
    next (or after a few tests that use no database): before it, the rows
    the migrations wrote are put back."""
    yield
    if _empties_the_database(item):
        _tables["emptied"] = True
    if (
        _tables["emptied"]
        and _migration_rows
        and nextitem is not None
        and _uses_the_database(nextitem)
        and not _empties_the_database(nextitem)
    ):
        _put_back_the_migration_rows(item.config)
        _tables["emptied"] = False


def _put_back_the_migration_rows(config) -> None:
    from django.contrib.contenttypes.models import ContentType
    from django.core.management import call_command
    from django.db import connection
    from pytest_django.plugin import blocking_manager_key

    with config.stash[blocking_manager_key].unblock():
        # The flush after the test made content types again with new keys;
        # the kept rows bring back the old ones, and every row that names them.
        # The sequences go on from where they were (as after the test's own
        # flush), past the kept rows' keys.
        call_command(
            "flush",
            interactive=False,
            verbosity=0,
            inhibit_post_migrate=True,
            reset_sequences=False,
        )
        for rows in _migration_rows:
            ContentType.objects.clear_cache()
            connection.creation.deserialize_db_from_string(rows)
    ContentType.objects.clear_cache()


def close_connections_before_fork() -> None:
    """A forked server process must start without the parent's database
    connections and without its PostgreSQL connection pool. An inherited pool
    hands the child sockets the parent still uses, and it cannot grow there (its
    worker threads stay in the parent), so the child's requests wait for a
    connection until the pool's timeout and fail."""
    from django.db import connections

    for connection in connections.all():
        connection.close()
        # Asking for `connection.pool` would open one; close only one that exists.
        if connection.alias in getattr(type(connection), "_connection_pools", {}):
            connection.close_pool()


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache; the database is rolled back too.
    The search vocabulary a process keeps for a moment goes with it."""
    from django.core.cache import cache

    from search import vocabulary

    cache.clear()
    vocabulary.forget()


@pytest.fixture(autouse=True)
def _dutch_to_begin_with():
    """Each test starts in Dutch. A request to /en/ leaves English active on the
    thread (the locale middleware does not switch back), and reverse() would
    then give /en/ addresses in the next test."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _media_in_a_temporary_folder(settings, tmp_path):
    """Uploaded files made by tests never land in the project's media/."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private-media"


# How long tasks a scenario left behind (a channel layer's reader, say) get to
# end once cancelled before they are left to themselves.
LEFTOVER_SECONDS = 5


@pytest.fixture
def run_async():
    """Run an async test scenario to the end on a thread of its own, so it works
    even while another event loop (Playwright's) is running on this one.

    The time limit holds: a scenario that runs past it fails the test, and
    tasks it leaves behind that do not end when cancelled are abandoned.
    asyncio.run waits for them for ever; on PostgreSQL + Redis a finished
    scenario once held a CI run that way for fifteen minutes, its loop
    waiting on a socket no task would read again."""

    def run(scenario, *args, timeout: float = 60):
        outcome = {}

        def on_its_own_loop():
            loop = asyncio.new_event_loop()
            try:
                outcome["value"] = loop.run_until_complete(
                    asyncio.wait_for(scenario(*args), timeout)
                )
            except BaseException as error:  # handed to the test below
                outcome["error"] = error
            finally:
                leftovers = asyncio.all_tasks(loop)
                for task in leftovers:
                    task.cancel()
                if leftovers:
                    loop.run_until_complete(
                        asyncio.wait(leftovers, timeout=LEFTOVER_SECONDS)
                    )
                loop.close()

        worker = threading.Thread(target=on_its_own_loop, daemon=True)
        worker.start()
        worker.join(timeout + LEFTOVER_SECONDS + 5)
        if worker.is_alive():
            raise TimeoutError(f"the scenario did not end within {timeout} s")
        if "error" in outcome:
            raise outcome["error"]
        return outcome["value"]

    return run


@pytest.fixture
def own_channel_layer(settings):
    """A fresh channel layer for the test. On Redis it gets a prefix of its
    own, so another test run on the same Redis cannot deliver into this one."""
    layer = {**settings.CHANNEL_LAYERS["default"]}
    if "redis" in layer["BACKEND"].lower():
        layer["CONFIG"] = {
            **layer.get("CONFIG", {}),
            "prefix": f"lecso-test-{uuid.uuid4().hex[:12]}",
        }
    settings.CHANNEL_LAYERS = {"default": layer}


def renew_sync_executor() -> None:
    from concurrent.futures import ThreadPoolExecutor

    from asgiref.sync import SyncToAsync

    SyncToAsync.single_thread_executor = ThreadPoolExecutor(max_workers=1)


@pytest.fixture(scope="module")
def fresh_sync_executor_afterwards():
    """database_sync_to_async ran on asgiref's one shared worker thread in
    this module. A Daphne forked later in the session (the browser tests' live
    server) would inherit that executor without its thread and wait for it
    forever; leave a fresh one behind."""
    yield
    renew_sync_executor()


@pytest.fixture(scope="session")
def chromium_executable():
    """The system Chromium; without one, browser tests skip with a notice, or fail
    when REQUIRE_BROWSER=1 (as in CI)."""
    path = chromium_path()
    if path is None:
        message = "no Chromium found: install it with `apt-get install chromium`"
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(f"REQUIRE_BROWSER=1 but {message}", pytrace=False)
        pytest.skip(message)
    return path


def body(*paragraphs: str):
    return [("paragraph", RichText(f"<p>{text}</p>")) for text in paragraphs]


def publish(parent: Page, page: Page) -> Page:
    """Add `page` under `parent` with a revision; publish it unless it is a
    draft (live=False)."""
    parent.add_child(instance=page)
    revision = page.save_revision()
    if page.live:
        revision.publish()
    page.refresh_from_db()
    return page


def ensure_migration_rows() -> Page:
    """The root page, locale, clusters, support needs and signal themes that
    migrations create.
    A transactional test (browser tests) flushes them, so fixtures put them back
    when missing."""
    clusters = importlib.import_module("network.migrations.0002_the_four_clusters")
    for number, name, description in clusters.CLUSTERS:
        Cluster.objects.get_or_create(
            number=number, defaults={"name": name, "description": description}
        )
    needs = importlib.import_module("network.migrations.0003_support_needs")
    for order, (name, slug, description) in enumerate(needs.SUPPORT_NEEDS):
        SupportNeed.objects.get_or_create(
            slug=slug,
            defaults={"name": name, "description": description, "sort_order": order},
        )
    # Signal themes and the policy advisers' group; the migration's own
    # function makes them, with the installed models for its `apps`.
    from django.apps import apps as installed

    themes = importlib.import_module("association.migrations.0002_themes_and_advisers")
    themes.create(installed, None)
    consultations = importlib.import_module(
        "association.migrations.0004_advisers_run_consultations"
    )
    consultations.grant(installed, None)
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    root = Page.get_first_root_node()
    if root is None:
        locale, _ = Locale.objects.get_or_create(language_code="nl")
        root = Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    return root


@pytest.fixture
def home(db) -> HomePage:
    root = ensure_migration_rows()
    for child in root.get_children():
        child.delete()
    home = HomePage(title="Samen sterk", slug="home", intro="Welkom bij het netwerk.")
    publish(root, home)
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home},
    )
    return home


@pytest.fixture
def news_index(home) -> NewsIndexPage:
    return publish(
        home,
        NewsIndexPage(
            title="Nieuws", slug="nieuws", show_in_menus=True, intro="Nieuws."
        ),
    )


@pytest.fixture
def knowledge_index(home) -> KnowledgeIndexPage:
    return publish(
        home,
        KnowledgeIndexPage(title="Kennisbank", slug="kennisbank", show_in_menus=True),
    )


@pytest.fixture
def agenda(home):
    index = EventIndexPage(title="Agenda", slug="agenda")
    home.add_child(instance=index)
    return index


@pytest.fixture
def make_event(agenda):
    """An event two weeks (or `days`) ahead, on site, with three seats unless
    told."""

    def make(
        capacity=3, waiting_list=True, questions=(), sessions=(), days=14, **fields
    ):
        start = fields.pop("start", timezone.now() + datetime.timedelta(days=days))
        defaults = {
            "title": f"Regiobijeenkomst {EventPage.objects.count() + 1}",
            "start": start,
            "end": start + datetime.timedelta(hours=3),
            "capacity": capacity,
            "waiting_list": waiting_list,
            "venue_name": "De Brug",
            "venue_city": "Utrecht",
        }
        event = EventPage(**{**defaults, **fields})
        for question in questions:
            event.questions.add(EventQuestion(**question))
        for session in sessions:
            event.sessions.add(EventSession(**session))
        agenda.add_child(instance=event)
        return event

    return make


@pytest.fixture
def make_news(news_index):
    def make(title, *, days_ago=0, theme="", tags=(), live=True, **fields):
        page = NewsPage(
            title=title,
            date=datetime.date.today() - datetime.timedelta(days=days_ago),
            intro=fields.pop("intro", f"Samenvatting van {title}."),
            theme=theme,
            body=fields.pop("body", body(f"Tekst van {title}.")),
            live=live,
            **fields,
        )
        page.tags.set(list(tags))
        return publish(news_index, page)

    return make


@pytest.fixture
def make_article(knowledge_index):
    def make(title, *, audience="so-vso", clusters=(), tags=(), live=True):
        page = KnowledgeArticle(
            title=title,
            intro=f"Over {title}.",
            audience=audience,
            body=body(f"Tekst van {title}."),
            live=live,
        )
        page.clusters.set(Cluster.objects.filter(number__in=clusters))
        page.tags.set(list(tags))
        return publish(knowledge_index, page)

    return make


@pytest.fixture
def standard_page(home) -> StandardPage:
    return publish(
        home,
        StandardPage(
            title="Over ons",
            slug="over-ons",
            show_in_menus=True,
            intro="Wie wij zijn.",
            body=body("Wij verbinden scholen voor speciaal onderwijs."),
        ),
    )


@pytest.fixture
def editorial_site(news_index, knowledge_index, standard_page, make_news, make_article):
    """A small but complete site: one of every page type, with links between them."""
    news = make_news(
        "Handreiking ondersteuningsbehoefte",
        theme="goed-onderwijs",
        tags=["ondersteuningsbehoefte", "VSO"],
        body=[
            ("heading", {"text": "Wat scholen deden", "level": "h2"}),
            *body("Twaalf scholen deelden hun aanpak."),
            (
                "quote",
                {"text": "Kijk naar wat een kind nodig heeft.", "attribution": "IB'er"},
            ),
        ],
    )
    article = make_article(
        "Ondersteunde communicatie", clusters=[2, 3], tags=["communicatie"]
    )
    return {
        "news_index": news_index,
        "knowledge_index": knowledge_index,
        "standard_page": standard_page,
        "news": news,
        "article": article,
    }
