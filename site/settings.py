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
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
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
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
        "min_size": env.int("DB_POOL_MIN_SIZE", 2),
        "max_size": env.int("DB_POOL_MAX_SIZE", 20),
        "timeout": env.int("DB_POOL_TIMEOUT", 30),
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "network.User"

# --- Redis: channel layer and cache -----------------------------------------------
REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.core.RedisChannelLayer",
            "CONFIG": {
                "hosts": [REDIS_URL],
                "prefix": env.str("REDIS_PREFIX", "lecso"),
            },
        }
    }
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env.str("REDIS_PREFIX", "lecso"),
        }
    }
else:
    CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# --- E-mail -----------------------------------------------------------------------
EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", "LECSO <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Background tasks (Django's Tasks API through django-tasks) ------------------
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

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
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[LECSO] "
# Five wrong passwords for one address lock it for five minutes; ten per minute
# from one address of any kind.
ACCOUNT_RATE_LIMITS = {
    "login_failed": "10/m/ip,5/300s/key",
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
    "confirm_email": "1/180s/key",
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "LECSO"
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"
WAGTAILADMIN_LOGIN_URL = "account_login"

# --- Language and time ------------------------------------------------------------
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Dutch")), ("en", _("English"))]
LOCALE_PATHS = [SITE_DIR / "locale"]
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

# --- Security: strict whenever DEBUG is off ----------------------------------------
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=not DEBUG)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# Wagtail marks its own preview frames SAMEORIGIN; everything else may not be framed.
X_FRAME_OPTIONS = "DENY"
if env.bool("BEHIND_HTTPS_PROXY", default=False):
    # Only safe when a proxy in front always sets this header itself.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

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
WAGTAIL_SITE_NAME = "LECSO"
WAGTAILADMIN_BASE_URL = env.str("BASE_URL", default="http://127.0.0.1:8000")

# Attendee data of meetings that ended longer ago than this can be purged
# (manage.py purge_event_data, or the button under Aanmeldingen in the admin).
EVENTS_PURGE_AFTER_MONTHS = env.int("EVENTS_PURGE_AFTER_MONTHS", default=12)
# Site search. Without SEARCH_URL: Wagtail's database search, on PostgreSQL with
# its Dutch full-text configuration and on SQLite with Dutch stems added by
# search.backends. With SEARCH_URL: Elasticsearch or OpenSearch (SEARCH_ENGINE
# names the client: elasticsearch7/8/9 or opensearch2/3; its Python client must
# be installed), analysing text as Dutch. Run `manage.py update_index` after
# switching.
SEARCH_URL = env.str("SEARCH_URL", default="")
if SEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "wagtail.search.backends."
            + env.str("SEARCH_ENGINE", "elasticsearch9"),
            "URLS": [SEARCH_URL],
            "INDEX_PREFIX": env.str("SEARCH_INDEX_PREFIX", "lecso_"),
            "TIMEOUT": 5,
            "INDEX_SETTINGS": {
                "settings": {"analysis": {"analyzer": {"default": {"type": "dutch"}}}}
            },
        }
    }
else:
    WAGTAILSEARCH_BACKENDS = {
        "default": {"BACKEND": "search.backends", "SEARCH_CONFIG": "dutch"}
    }
# Search analytics keep daily counts of queries, without who asked, this long.
SEARCH_LOG_DAYS = env.int("SEARCH_LOG_DAYS", default=400)
# The editors' report lists a query only when it was searched this often in the
# chosen period: one typed once may be a person's name.
SEARCH_REPORT_MIN_SEARCHES = env.int("SEARCH_REPORT_MIN_SEARCHES", default=2)
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
TAGGIT_CASE_INSENSITIVE = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", "INFO")},
    # Wagtail and the task runner log every page save and search-index task.
    "loggers": {
        name: {"level": env.str("LOG_LEVEL_LIBRARIES", "WARNING")}
        for name in ("wagtail", "django_tasks", "modelsearch")
    },
}
