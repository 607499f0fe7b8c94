"""The peer forum's side of `python -m bench.peer`: Spirit (django-spirit),
run by the interpreter of its own virtualenv, on its own database.

Not imported by the site. It seeds one Spirit topic with the posts it is given
(the bench thread's own texts, authors and dates, as JSON on the file named
by SPIRIT_POSTS), then answers commands on standard input, one per line:
`measure N PAGE` requests that page of the topic N times as a signed-in
member and prints the milliseconds as a JSON list; `quit` ends it.
Spirit's own project template is the configuration, with what a benchmark
needs (no debug, local-memory caches, the search index off)."""

import json
import os
import sys
import time

import django
from django.conf import settings

SPIRIT_APPS = [
    "spirit.core",
    "spirit.admin",
    "spirit.search",
    "spirit.user",
    "spirit.user.admin",
    "spirit.user.auth",
    "spirit.category",
    "spirit.category.admin",
    "spirit.topic",
    "spirit.topic.admin",
    "spirit.topic.favorite",
    "spirit.topic.moderate",
    "spirit.topic.notification",
    "spirit.topic.private",
    "spirit.topic.unread",
    "spirit.comment",
    "spirit.comment.bookmark",
    "spirit.comment.flag",
    "spirit.comment.flag.admin",
    "spirit.comment.history",
    "spirit.comment.like",
    "spirit.comment.poll",
]


def configure() -> None:
    settings.configure(
        DEBUG=False,
        SECRET_KEY="peer-bench-only",
        ALLOWED_HOSTS=["localhost"],
        INSTALLED_APPS=[
            "django.contrib.admin",
            "django.contrib.auth",
            "django.contrib.contenttypes",
            "django.contrib.sessions",
            "django.contrib.messages",
            "django.contrib.staticfiles",
            "django.contrib.humanize",
            *SPIRIT_APPS,
            "djconfig",
            "haystack",
        ],
        MIDDLEWARE=[
            "django.middleware.security.SecurityMiddleware",
            "django.contrib.sessions.middleware.SessionMiddleware",
            "django.middleware.locale.LocaleMiddleware",
            "django.middleware.common.CommonMiddleware",
            "django.middleware.csrf.CsrfViewMiddleware",
            "django.contrib.auth.middleware.AuthenticationMiddleware",
            "django.contrib.messages.middleware.MessageMiddleware",
            "django.middleware.clickjacking.XFrameOptionsMiddleware",
            "spirit.user.middleware.TimezoneMiddleware",
            "spirit.user.middleware.LastIPMiddleware",
            "spirit.user.middleware.LastSeenMiddleware",
            "spirit.user.middleware.ActiveUserMiddleware",
            "spirit.core.middleware.PrivateForumMiddleware",
            "djconfig.middleware.DjConfigMiddleware",
        ],
        TEMPLATES=[
            {
                "BACKEND": "django.template.backends.django.DjangoTemplates",
                "APP_DIRS": True,
                "OPTIONS": {
                    "context_processors": [
                        "django.contrib.auth.context_processors.auth",
                        "django.template.context_processors.i18n",
                        "django.template.context_processors.media",
                        "django.template.context_processors.static",
                        "django.template.context_processors.tz",
                        "django.template.context_processors.request",
                        "django.contrib.messages.context_processors.messages",
                        "djconfig.context_processors.config",
                    ]
                },
            }
        ],
        DATABASES={
            "default": {
                "ENGINE": "django.db.backends.postgresql",
                "NAME": os.environ["SPIRIT_DATABASE"],
                "USER": os.environ.get("SPIRIT_DATABASE_USER", "postgres"),
                "HOST": os.environ.get("SPIRIT_DATABASE_HOST", "127.0.0.1"),
                "PORT": os.environ.get("SPIRIT_DATABASE_PORT", "5432"),
            }
        },
        CACHES={
            "default": {
                "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                "LOCATION": "spirit_cache",
            },
            "st_rate_limit": {
                "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                "LOCATION": "spirit_rl_cache",
                "TIMEOUT": None,
            },
        },
        AUTHENTICATION_BACKENDS=[
            "spirit.user.auth.backends.UsernameAuthBackend",
            "spirit.user.auth.backends.EmailAuthBackend",
        ],
        HAYSTACK_CONNECTIONS={
            "default": {"ENGINE": "haystack.backends.simple_backend.SimpleEngine"}
        },
        HAYSTACK_SIGNAL_PROCESSOR="haystack.signals.BaseSignalProcessor",
        ROOT_URLCONF="bench.peer_spirit_urls",
        LOGIN_URL="spirit:user:auth:login",
        USE_TZ=True,
        TIME_ZONE="Europe/Amsterdam",
        LANGUAGE_CODE="en",
        STATIC_URL="/static/",
        MEDIA_URL="/media/",
        DEFAULT_AUTO_FIELD="django.db.models.AutoField",
        ST_SITE_URL="http://localhost/",
    )
    django.setup()


def seed(posts_file: str):
    """One category, its members and one topic with the given posts; kept when
    the database already has them."""
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from spirit.category.models import Category
    from spirit.comment.models import Comment
    from spirit.topic.models import Topic

    call_command("migrate", verbosity=0)
    User = get_user_model()
    reader, _ = User.objects.get_or_create(
        username="lezer", defaults={"email": "lezer@example.invalid"}
    )
    topic = Topic.objects.filter(title="Bench: lange draad").first()
    if topic is not None:
        return reader, topic
    with open(posts_file, encoding="utf-8") as file:
        posts = json.load(file)
    authors = {}
    for post in posts:
        name = post["author"] or "oud-lid"
        if name not in authors:
            authors[name] = User.objects.create(
                username=f"lid-{len(authors)}",
                email=f"lid-{len(authors)}@example.invalid",
                first_name=name[:30],
            )
    category = Category.objects.create(
        title="Gedrag en welbevinden", slug="gedrag", is_removed=False
    )
    topic = Topic.objects.create(
        user=authors[posts[0]["author"] or "oud-lid"],
        category=category,
        title="Bench: lange draad",
        comment_count=len(posts),
    )
    Comment.objects.bulk_create(
        [
            Comment(
                user=authors[post["author"] or "oud-lid"],
                topic=topic,
                comment=post["body"],
                comment_html=post["html"],
                date=post["created_at"],
            )
            for post in posts
        ],
        batch_size=1000,
    )
    return reader, topic


def main() -> None:
    configure()
    from django.test import Client

    reader, topic = seed(os.environ["SPIRIT_POSTS"])
    client = Client(HTTP_HOST="localhost")
    client.force_login(reader)
    url = topic.get_absolute_url()
    response = client.get(url)
    shown = response.content.decode().count('class="comments_list__comment js-comment"')
    if response.status_code != 200 or shown != 20:
        raise SystemExit(f"Spirit answered {response.status_code}, {shown} posts")
    print(json.dumps({"ready": url}), flush=True)
    for line in sys.stdin:
        words = line.split()
        if not words or words[0] == "quit":
            break
        count, page = int(words[1]), int(words[2])
        address = f"{url}?page={page}" if page > 1 else url
        client.get(address)
        samples = []
        for _ in range(count):
            start = time.perf_counter()
            client.get(address)
            samples.append((time.perf_counter() - start) * 1000)
        print(json.dumps(samples), flush=True)


if __name__ == "__main__":
    main()
