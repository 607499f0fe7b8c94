"""Settings for the LECSO platform, read from the environment.

With no environment at all the site runs on embedded defaults that need nothing
installed: a SQLite file, the in-memory channel layer, a local-memory cache and
e-mail printed to the console. Production sets DATABASE_URL, REDIS_URL,
EMAIL_URL, SECRET_KEY, DEBUG=0 and ALLOWED_HOSTS (see README.md).
"""

import secrets
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

SITE_DIR = Path(__file__).resolve().parent
BASE_DIR = SITE_DIR.parent

env = environ.Env()

DEBUG = env.bool("DEBUG", default=True)


def _secret_key() -> str:
    if key := env.str("SECRET_KEY", default=""):
        return key
    if not DEBUG:
        raise ImproperlyConfigured("Set SECRET_KEY when DEBUG is off.")
    # A development secret, generated once per checkout so sessions survive restarts.
    key_file = BASE_DIR / ".dev-secret"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


SECRET_KEY = _secret_key()

ALLOWED_HOSTS = env.list(
    "ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"] if DEBUG else []
)
if not DEBUG and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("Set ALLOWED_HOSTS when DEBUG is off.")
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    # Daphne first: its runserver command serves HTTP and WebSockets over ASGI.
    "daphne",
    "lecso_site",
    "network",
    "events",
    "forums",
    "search",
    "association",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "channels",
    # The database task queue (TASKS_BACKEND=database); its table exists with
    # either backend, so switching needs no other step than `migrate`.
    "django_tasks",
    "django_tasks_db",
    # Limits per client; listed for its system checks on the cache.
    "django_ratelimit",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "lecso_site.security.ContentSecurityPolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # After the language is known, so its pages are translated; before anything
    # reads the request.
    "lecso_site.middleware.LimitRequestSize",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "network.middleware.RequireTwoFactorForAdminMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, so it is asked first about an exception from a view: a database
    # that cannot be reached is the 503 page, not a 500.
    "lecso_site.errors.DatabaseUnavailableMiddleware",
]

ROOT_URLCONF = "lecso_site.urls"
ASGI_APPLICATION = "lecso_site.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.i18n",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "network.context_processors.notifications",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------
DATABASES = {
    "default": env.db_url(
        "DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # IMMEDIATE takes the write lock when a transaction starts, and WAL lets readers
    # go on meanwhile: concurrent writers wait (busy_timeout) instead of failing.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": (
                "PRAGMA journal_mode=WAL;"
                "PRAGMA synchronous=NORMAL;"
                "PRAGMA foreign_keys=ON;"
            ),
        }
    )
    # Browser tests run Daphne in a child process, which cannot see an in-memory
    # test database; a file next to the project can be shared.
    # TEST_SQLITE_NAME lets two test runs on one machine use different files.
    DATABASES["default"]["TEST"] = {
        "NAME": env.str("TEST_SQLITE_NAME", str(BASE_DIR / ".test-db.sqlite3"))
    }
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Under ASGI every request may run on a thread of its own, so persistent
    # per-thread connections pile up until PostgreSQL refuses more ("too many
    # clients"). Django's psycopg pool bounds them; requests wait for a free one.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    # Each connection the pool hands out is checked first (a quick round trip),
    # so one that PostgreSQL closed meanwhile (a restart) is replaced instead of
    # failing the request. Django 5.2 passes psycopg_pool's check_connection to
    # the pool for this setting; it refuses "check" among the pool options.
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
        "min_size": env.int("DB_POOL_MIN_SIZE", 2),
        "max_size": env.int("DB_POOL_MAX_SIZE", 20),
        # How long a request waits for a connection before the site answers
        # "briefly unavailable" (503, lecso_site.errors). Short, because while
        # PostgreSQL is down every request waits this long; the commands run
        # outside requests wait as long too.
        "timeout": env.float("DB_POOL_TIMEOUT", 3),
        # How long the pool keeps retrying a connection it lost before it
        # gives the slot up; the next request then starts a fresh attempt at
        # once. psycopg_pool's default (5 minutes, retrying at ever longer
        # intervals) left requests failing for up to 16 seconds after
        # PostgreSQL was back from a 20-second stop.
        "reconnect_timeout": env.float("DB_POOL_RECONNECT_TIMEOUT", 5),
    }
    # A new connection to an address that does not answer gives up after this
    # many seconds (libpq's connect_timeout) instead of the system's minutes.
    DATABASES["default"]["OPTIONS"].setdefault(
        "connect_timeout", env.int("DB_CONNECT_TIMEOUT", 3)
    )
    # No JIT compilation of queries: PostgreSQL compiles any statement its
    # planner costs above jit_above_cost, which at ten times today's data a
    # search's ranking statement is. Compiling took 407 ms of a 375 ms
    # statement (run in parallel), where the work itself takes tens of ms;
    # JIT pays off for long reports, not for pages.
    # Parallel workers: PostgreSQL's default estimate of their start-up
    # (parallel_setup_cost 1000) had it split a realistic search's 15 ms
    # statement over workers that took 8 ms to start; the page lost 6 to 12
    # ms by it. At 3000 statements that short run in one process, and the
    # searches at ten times today's data, where workers save tens of ms,
    # still split (measured both ways in one run, README "Performance").
    DATABASES["default"]["OPTIONS"].setdefault(
        "options", "-c jit=off -c parallel_setup_cost=3000"
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "network.User"

# --- Redis: channel layer and cache -----------------------------------------------
REDIS_URL = env.str("REDIS_URL", default="")
# The cache through django-redis, which can treat Redis being unreachable as a
# miss (IGNORE_EXCEPTIONS): every page reads the cache (Wagtail's site root
# paths, the directory's facets, the limits per client), and with Django's own
# RedisCache a Redis restart made every page a 500. While Redis is down pages
# are built from the database, a little slower; django-redis logs each miss,
# and the "once a minute" filter (LOGGING below) keeps one line a minute.
# Short timeouts, in seconds: connecting (a refused connection fails at once;
# one to a host that does not answer waits this long) and each reply (Redis
# answers within a millisecond when well). A Redis that is down costs a
# request a few milliseconds; one that hangs costs each cache call the reply
# timeout, which is why it is short: a miss is harmless.
REDIS_CACHE_OPTIONS = {
    "IGNORE_EXCEPTIONS": True,
    "SOCKET_CONNECT_TIMEOUT": env.float("REDIS_CACHE_CONNECT_TIMEOUT", 0.1),
    "SOCKET_TIMEOUT": env.float("REDIS_CACHE_TIMEOUT", 0.2),
}
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
# The readiness check (/gezond/klaar/) waits at most this long for each Redis
# of the channel layer to answer; the cache is asked with its own timeouts.
READINESS_TIMEOUT = env.float("READINESS_TIMEOUT", 1.0)
# The channel layer carries live forum posts and notification counts. Chosen,
# not left to defaults (issue: a write burst lost a quarter of the posts):
# - capacity: messages waiting per socket before channels-redis drops more
#   without a word (its default is 100). A burst of replies into one thread
#   fills a slow socket's channel; 1,000 leaves room, and a page that still
#   misses one fetches it by version (forums/live.py).
# - expiry: seconds a message may wait for its socket (default 60).
# - group_expiry: seconds a socket stays in a group (default a day); thread
#   sockets join theirs again with every ping, so a tab open for days stays.
CHANNEL_LAYER_CONFIG = {
    "capacity": env.int("CHANNEL_LAYER_CAPACITY", 1000),
    "expiry": env.int("CHANNEL_LAYER_EXPIRY", 60),
    "group_expiry": env.int("CHANNEL_LAYER_GROUP_EXPIRY", 86400),
}
# Each socket's reader waits up to 5 s in a blocking read on Redis (BZPOPMIN,
# channels-redis' brpop_timeout). redis-py's own default socket timeout is
# also 5 s, so an idle socket's read timed out and Daphne closed it with 1011
# every few seconds: the read timeout must be longer than the blocking read.
REDIS_LAYER_CONNECTION = {
    "socket_timeout": env.float("REDIS_LAYER_TIMEOUT", 15),
    "socket_connect_timeout": env.float("REDIS_LAYER_CONNECT_TIMEOUT", 2),
    "socket_keepalive": True,
}
if REDIS_URL:
    CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.core.RedisChannelLayer",
            "CONFIG": {
                "hosts": [{"address": REDIS_URL, **REDIS_LAYER_CONNECTION}],
                "prefix": env.str("REDIS_PREFIX", "lecso"),
                **CHANNEL_LAYER_CONFIG,
            },
        }
    }
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env.str("REDIS_PREFIX", "lecso"),
            "OPTIONS": REDIS_CACHE_OPTIONS,
        }
    }
else:
    CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels.layers.InMemoryChannelLayer",
            "CONFIG": CHANNEL_LAYER_CONFIG,
        }
    }
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# The limits per client count in the default cache; django-ratelimit's system
# checks judge it. django-redis is on its list: add() is SET NX and incr()
# Redis' INCR, atomic and shared by every process, which is what the counts
# need. The embedded local-memory cache it refuses, being per process: one
# process counts right, several would each count alone, so a site with more
# than one sets REDIS_URL (`check --deploy` says so, network.W001).
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.W001"]
if not REDIS_URL:
    SILENCED_SYSTEM_CHECKS.append("django_ratelimit.E003")
# While the cache is unreachable nothing can be counted. The site's own limits
# (django-ratelimit: visitor questions, visitor registrations, sign-ups) guard
# the volume of e-mail, and then let everyone through for the length of the
# outage rather than refuse every visitor. allauth's limits on signing in and
# password resets guard passwords and take a lock in the cache: while Redis is
# down they refuse (the "too many attempts" answer); people already signed in
# are not affected, as sessions live in the database.
RATELIMIT_FAIL_OPEN = True

# --- E-mail -----------------------------------------------------------------------
EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", "LECSO <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Background tasks (Django's Tasks API through django-tasks) ------------------
# "immediate": a task runs in the web process when the transaction that queued it
# commits (the embedded default, and the tests). "database": django-tasks-db
# keeps each task as a row written in that transaction, and `manage.py db_worker`
# runs them beside Daphne, so a slow or unreachable mail server never slows a
# request and a failed e-mail is tried again (network/background.py).
TASKS_BACKEND = env.str("TASKS_BACKEND", "immediate")
TASK_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}
if TASKS_BACKEND not in TASK_BACKENDS:
    raise ImproperlyConfigured(
        f"TASKS_BACKEND={TASKS_BACKEND!r}: use one of {', '.join(TASK_BACKENDS)}."
    )
TASKS = {"default": {"BACKEND": TASK_BACKENDS[TASKS_BACKEND]}}
# A task that fails for a passing reason (the mail server) is tried this many
# times in all, waiting 1, 4, 16, 64... times the first wait in between.
TASK_ATTEMPTS = env.int("TASK_ATTEMPTS", default=6)
TASK_RETRY_FIRST_WAIT_SECONDS = env.int("TASK_RETRY_FIRST_WAIT_SECONDS", default=60)
# The newsletter goes out in batches of this many messages, no faster than this
# many a minute (0: as fast as the mail server takes them).
NEWSLETTER_BATCH_SIZE = env.int("NEWSLETTER_BATCH_SIZE", default=200)
NEWSLETTER_PER_MINUTE = env.int("NEWSLETTER_PER_MINUTE", default=600)

# --- Passwords --------------------------------------------------------------------
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"django.contrib.auth.password_validation.{name}"}
    for name in (
        "UserAttributeSimilarityValidator",
        "MinimumLengthValidator",
        "CommonPasswordValidator",
        "NumericPasswordValidator",
    )
]

# --- Limits per client -------------------------------------------------------------
# Rates as django-ratelimit reads them: count / [number] unit (s, m, h, d), so
# "10/h" or "5/10m"; empty for no limit. They count per client IP address, on
# top of the limits per e-mail address and per account. The client is
# REMOTE_ADDR, or behind the HTTPS proxy the address the outermost of our
# TRUSTED_PROXY_COUNT proxies appended to X-Forwarded-For (network/ratelimit.py);
# without BEHIND_HTTPS_PROXY that header is never read, as anyone can send it.
BEHIND_HTTPS_PROXY = env.bool("BEHIND_HTTPS_PROXY", default=False)
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=1)
# allauth reads the same header the same way (its own default trusts none), and
# its adapter asks network.ratelimit.client_ip anyway: one client for all limits.
ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXY_COUNT if BEHIND_HTTPS_PROXY else 0
RATELIMIT_IP_META_KEY = "network.ratelimit.client_ip"
# Questions to experts from visitors without an account, each of which sends a
# confirmation e-mail to the address given (the address itself: 5 an hour).
RATE_LIMIT_VISITOR_QUESTIONS = env.str("RATE_LIMIT_VISITOR_QUESTIONS", "10/h")
# Visitor registrations for open events, each one a confirmation e-mail (the
# address itself: 5 an hour). A mainstream school's team may register together.
RATE_LIMIT_VISITOR_REGISTRATIONS = env.str("RATE_LIMIT_VISITOR_REGISTRATIONS", "30/h")
# Private questions to the association's helpdesk, per account (members only;
# each reaches every adviser): a school's busy week, not a script.
RATE_LIMIT_HELPDESK_QUESTIONS = env.str("RATE_LIMIT_HELPDESK_QUESTIONS", "20/d")
# New accounts, each a verification e-mail to a member school's address; a
# school's team signing up after an introduction shares one address.
RATE_LIMIT_SIGNUPS = env.str("RATE_LIMIT_SIGNUPS", "50/h")
# Sign-in. Per e-mail address: five wrong passwords lock that address for five
# minutes (a password reset unlocks it). Per client: a school of a few hundred
# staff behind one NAT address must not be locked out by each other's typos, so
# 100 wrong passwords in ten minutes, and 300 sign-in attempts of any outcome.
RATE_LIMIT_LOGIN_FAILURES_PER_ADDRESS = env.str(
    "RATE_LIMIT_LOGIN_FAILURES_PER_ADDRESS", "5/5m"
)
RATE_LIMIT_LOGIN_FAILURES_PER_IP = env.str(
    "RATE_LIMIT_LOGIN_FAILURES_PER_IP", "100/10m"
)
RATE_LIMIT_LOGINS = env.str("RATE_LIMIT_LOGINS", "300/10m")

# --- Accounts (django-allauth): e-mail login, verification, reset, 2FA -----------
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
ACCOUNT_ADAPTER = "network.accounts.AccountAdapter"
ACCOUNT_FORMS = {"signup": "network.accounts.SignupForm"}
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_PRESERVE_USERNAME_CASING = False
# Every e-mail says where it comes from: "[LECSO] …" (network.mail, allauth).
SITE_NAME = "LECSO"
EMAIL_SUBJECT_PREFIX = f"[{SITE_NAME}] "
ACCOUNT_EMAIL_SUBJECT_PREFIX = EMAIL_SUBJECT_PREFIX
# allauth names people by their profile ("U bent ingelogd als Marieke de
# Vries"), never by the username the site made up for them.
ACCOUNT_USER_DISPLAY = "network.accounts.display_name"
# Sign-in limits: the rates and the client are under "Limits per client" above.
ACCOUNT_RATE_LIMITS = {
    "login": f"{RATE_LIMIT_LOGINS}/ip" if RATE_LIMIT_LOGINS else "",
    "login_failed": ",".join(
        f"{rate}/{per}"
        for rate, per in [
            (RATE_LIMIT_LOGIN_FAILURES_PER_IP, "ip"),
            (RATE_LIMIT_LOGIN_FAILURES_PER_ADDRESS, "key"),
        ]
        if rate
    ),
    # Sign-up is limited per client by network.account_views.SignupView, at the
    # form and only for sign-ups that would send e-mail (RATE_LIMIT_SIGNUPS).
    "signup": "",
    "reset_password": "20/m/ip,5/m/key",
    "confirm_email": "1/180s/key",
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "LECSO"
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"
WAGTAILADMIN_LOGIN_URL = "account_login"
WAGTAIL_FRONTEND_LOGIN_URL = LOGIN_URL
# Passwords are reset and changed through allauth only (rate limited, mailed).
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False

# --- Language and time ------------------------------------------------------------
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Dutch")), ("en", _("English"))]
# The site's own catalogue, then formal-Dutch versions of django-allauth's
# texts (whose own Dutch says "je"); makemessages writes only the first.
LOCALE_PATHS = [SITE_DIR / "locale", SITE_DIR / "allauth_locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES

# --- Static and media files -------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", str(BASE_DIR / "media")))
# Forum attachments: never served directly, only through a view that checks who
# may read the thread.
PRIVATE_MEDIA_ROOT = Path(
    env.str("PRIVATE_MEDIA_ROOT", str(BASE_DIR / "private-media"))
)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# In development WhiteNoise serves straight from the apps, no collectstatic needed.
WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_AUTOREFRESH = DEBUG

# Sessions are read from the cache and written through to the database: one
# query less on every signed-in page, and nobody is signed out when the cache
# is emptied or unreachable.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# --- Security: strict whenever DEBUG is off ----------------------------------------
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
# Preloading puts the domain in the browsers' built-in HTTPS-only list, which
# takes months to undo: only on the owner's explicit request.
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=False)
if not SECURE_HSTS_PRELOAD:
    # `check --deploy` recommends preload (security.W021); it is a choice here.
    SILENCED_SYSTEM_CHECKS.append("security.W021")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# Wagtail marks its own preview frames SAMEORIGIN; everything else may not be framed.
X_FRAME_OPTIONS = "DENY"
if env.bool("BEHIND_HTTPS_PROXY", default=False):
    # Only safe when a proxy in front always sets this header itself.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Content-Security-Policy (django-csp, through lecso_site.security), the
# admin's looser one, and Permissions-Policy: fixed, whatever the environment,
# and explained beside them.
from .browser_policies import (  # noqa: E402, F401 (read by Django)
    ADMIN_CONTENT_SECURITY_POLICY,
    CONTENT_SECURITY_POLICY,
    PERMISSIONS_POLICY,
)

# --- Request limits ----------------------------------------------------------------
# Every text field of a form has a maximum length that the form checks, so an
# over-long text is refused at its field with the rest of the form kept. For that
# the post must reach the form: Django reads up to this much form text (uploads
# do not count) before refusing the whole post with a page that explains it
# (lecso_site.errors.bad_request), as it does for more fields than
# DATA_UPLOAD_MAX_NUMBER_FIELDS (Django's default of 1000).
DATA_UPLOAD_MAX_MEMORY_SIZE = env.int(
    "DATA_UPLOAD_MAX_MEMORY_SIZE", default=10 * 1024 * 1024
)
# A whole request body, uploads included: five forum attachments of 10 MB with
# the text around them. A bigger one is answered 413 before it is read.
MAX_REQUEST_BODY_SIZE = env.int("MAX_REQUEST_BODY_SIZE", default=64 * 1024 * 1024)
# The longest URL (path and query string) the site answers; a longer one gets
# 414. Daphne itself cannot read a request line over 16 KB (it answers 414 for
# those, see lecso_site.server_limits); 8 KB is also what proxies commonly allow.
MAX_URL_LENGTH = env.int("MAX_URL_LENGTH", default=8192)

# --- Wagtail ----------------------------------------------------------------------
WAGTAIL_SITE_NAME = SITE_NAME
WAGTAILADMIN_BASE_URL = env.str("BASE_URL", default="http://127.0.0.1:8000")
# The admin asks no one outside: no Gravatar pictures (they would tell
# gravatar.com which editor is working, and the CSP allows no other origin) and
# no check for new Wagtail releases (the site may run on a closed network).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False

# Attendee data of meetings that ended longer ago than this can be purged
# (manage.py purge_event_data, or the button under Aanmeldingen in the admin).
EVENTS_PURGE_AFTER_MONTHS = env.int("EVENTS_PURGE_AFTER_MONTHS", default=12)
# Helpdesk: an open question the association has owed an answer for longer
# than this many working days (Monday to Friday) reminds its adviser
# (manage.py send_helpdesk_reminders, daily); questions closed longer ago
# than this many months are deleted (manage.py purge_helpdesk_cases).
HELPDESK_REMINDER_WORKING_DAYS = env.int("HELPDESK_REMINDER_WORKING_DAYS", default=2)
HELPDESK_PURGE_AFTER_MONTHS = env.int("HELPDESK_PURGE_AFTER_MONTHS", default=24)
# Site search: Wagtail's database search, on PostgreSQL with its Dutch
# full-text configuration and on SQLite with Dutch stems added by
# search.backends. There is no Elasticsearch/OpenSearch setting: none can run on
# the machines this is built and tested on, and the search relies on the
# database for its permission filters, counts and ranking (README, Performance).
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "search.backends", "SEARCH_CONFIG": "dutch"}
}
# Search analytics keep daily counts of queries, without who asked, this long.
SEARCH_LOG_DAYS = env.int("SEARCH_LOG_DAYS", default=400)
# The editors' report lists a query only when it was searched this often in the
# chosen period: one typed once may be a person's name.
SEARCH_REPORT_MIN_SEARCHES = env.int("SEARCH_REPORT_MIN_SEARCHES", default=2)
# Documents are always streamed by Wagtail's view, which asks the collection's
# view restrictions; the proxy serves only /media/images/ and
# /media/original_images/ (see README).
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
TAGGIT_CASE_INSENSITIVE = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        # For errors that repeat on every request while Redis or PostgreSQL is
        # down: one line a minute per kind, saying how many were held back.
        "once_a_minute": {"()": "lecso_site.logfilters.OncePerInterval"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", "INFO")},
    "loggers": {
        # Wagtail and the task runner log every page save and search-index task.
        **{
            name: {"level": env.str("LOG_LEVEL_LIBRARIES", "WARNING")}
            for name in ("wagtail", "django_tasks", "modelsearch")
        },
        # A cache miss because Redis is unreachable (django-redis), the pool
        # failing to reach PostgreSQL, a live update or unread count the
        # channel layer could not take, a request answered "briefly
        # unavailable".
        **{
            name: {"filters": ["once_a_minute"]}
            for name in (
                "django_redis.cache",
                "psycopg.pool",
                "forums.live",
                "network.notifications",
                "lecso_site.errors",
            )
        },
    },
}
