"""Pages for requests the site refuses because of their size or shape, and
the page for when the database cannot be reached.

Each says what happened and what to do, in the reader's language. None of them
shows back what was sent: a URL or a body that is too big is not repeated.
"""

import logging
import sys
from http import HTTPStatus

from django.conf import settings
from django.core.exceptions import (
    RequestDataTooBig,
    TooManyFieldsSent,
    TooManyFilesSent,
)
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.shortcuts import render
from django.template.defaultfilters import filesizeformat
from django.template.loader import render_to_string
from django.views import defaults
from django.views.decorators.csrf import requires_csrf_token
from psycopg_pool import PoolTimeout

logger = logging.getLogger(__name__)

# What a request meets when the database is down or restarting: no connection
# within DB_POOL_TIMEOUT (PoolTimeout, which Django passes on as an
# OperationalError), a refused or broken connection (OperationalError), or one
# closed under it (InterfaceError). On SQLite, a write lock held longer than
# its timeout is an OperationalError too, and "try again in a minute" is right
# for that as well.
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError, PoolTimeout)
# Retry-After on the page, in seconds: what the page tells the reader.
RETRY_AFTER_SECONDS = 60

TOO_MUCH_DATA = "data"
TOO_MANY_FIELDS = "fields"
TOO_LARGE_UPLOAD = "upload"


def _too_much(request, what: str, status: HTTPStatus):
    return render(
        request,
        "errors/too_much_sent.html",
        {
            "what": what,
            "text_limit": filesizeformat(settings.DATA_UPLOAD_MAX_MEMORY_SIZE),
            "body_limit": filesizeformat(settings.MAX_REQUEST_BODY_SIZE),
        },
        status=status,
    )


@requires_csrf_token
def bad_request(request, exception=None):
    """Django's handler400. A post with more form text than
    DATA_UPLOAD_MAX_MEMORY_SIZE or more fields than
    DATA_UPLOAD_MAX_NUMBER_FIELDS gets a page that explains it and says that
    going back usually keeps what was typed; anything else a short 400 page."""
    if isinstance(exception, RequestDataTooBig):
        return _too_much(request, TOO_MUCH_DATA, HTTPStatus.REQUEST_ENTITY_TOO_LARGE)
    if isinstance(exception, TooManyFieldsSent | TooManyFilesSent):
        return _too_much(request, TOO_MANY_FIELDS, HTTPStatus.BAD_REQUEST)
    # Any other bad request may have a host Django refused, so this page
    # stands alone: nothing on it asks which site was meant.
    return render(request, "400.html", status=HTTPStatus.BAD_REQUEST)


def request_too_large(request):
    """A body, uploads included, over MAX_REQUEST_BODY_SIZE (413)."""
    return _too_much(request, TOO_LARGE_UPLOAD, HTTPStatus.REQUEST_ENTITY_TOO_LARGE)


def url_too_long(request):
    """A URL over MAX_URL_LENGTH (414). The page stands alone, since the
    site's header would repeat the URL in its language links."""
    return render(
        request, "errors/url_too_long.html", status=HTTPStatus.REQUEST_URI_TOO_LONG
    )


def database_unavailable(request, exception: BaseException | None = None):
    """503 "the site is briefly unavailable" with Retry-After, for a request
    that could not reach the database. Rendered without the request, so no
    context processor runs: nothing here may touch the database. The reader's
    language is the one the locale middleware chose already."""
    logger.warning("Database unavailable; answered 503", exc_info=exception is not None)
    response = HttpResponse(
        render_to_string("errors/unavailable.html"),
        status=HTTPStatus.SERVICE_UNAVAILABLE,
    )
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


class DatabaseUnavailableMiddleware:
    """Answers a view (or a template it renders) that could not reach the
    database with the 503 page instead of a 500. A database error raised in a
    middleware before the view reaches server_error below instead."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, DATABASE_UNAVAILABLE):
            return database_unavailable(request, exception)
        return None


@requires_csrf_token
def server_error(request):
    """Django's handler500 (with DEBUG off): the 503 page when the error was
    the database being unreachable, wherever it was raised; else the static
    500 page. Django calls it while handling the exception, in the thread that
    raised it (all the site's middleware is synchronous), so sys.exc_info()
    still holds it."""
    exception = sys.exc_info()[1]
    if isinstance(exception, DATABASE_UNAVAILABLE):
        return database_unavailable(request, exception)
    return defaults.server_error(request)
