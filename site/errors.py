"""Pages for requests the site refuses because of their size or shape.

Each says what happened and what to do, in the reader's language. None of them
shows back what was sent: a URL or a body that is too big is not repeated.
"""

from http import HTTPStatus

from django.conf import settings
from django.core.exceptions import (
    RequestDataTooBig,
    TooManyFieldsSent,
    TooManyFilesSent,
)
from django.shortcuts import render
from django.template.defaultfilters import filesizeformat
from django.views.decorators.csrf import requires_csrf_token

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
