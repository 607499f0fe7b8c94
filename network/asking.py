"""Sending a question from a form, as a question to an expert and a request
for a school's offer both do: a visitor's network is limited per client, a
failure the services report is shown on the form, and nothing typed is lost."""

from django.conf import settings
from django.shortcuts import render
from django.utils.translation import ngettext_lazy

from .ratelimit import count_attempt, refuse
from .services import NetworkError

QUESTIONS_FROM_YOUR_NETWORK = ngettext_lazy(
    "Many questions were sent from your network in a short time. Please try again "
    "in %(minutes)s minute.",
    "Many questions were sent from your network in a short time. Please try again "
    "in %(minutes)s minutes.",
    "minutes",
)


def send_from_form(request, form, action: str, send):
    """`send(cleaned_data)` for a valid posted form, and what it returned; None
    when the form was not posted, is not valid, or now says why it was not
    sent. A member is limited per account by `send` itself; a visitor per
    address there and, as each question sends an e-mail, per client here
    (counted as `action`). Also returns the limit that refused it, if any."""
    if request.method != "POST" or not form.is_valid():
        return None, None
    if not request.user.is_authenticated:
        limited = count_attempt(request, action, settings.RATE_LIMIT_VISITOR_QUESTIONS)
        if limited is not None:
            form.add_error(
                None, QUESTIONS_FROM_YOUR_NETWORK % {"minutes": limited.minutes}
            )
            return None, limited
    try:
        return send(form.cleaned_data), None
    except NetworkError as error:
        form.add_error(None, str(error))
        return None, None


def form_page(request, template: str, context: dict, limited):
    """The form shown again; 429 with Retry-After when a limit refused it."""
    response = render(request, template, context)
    return refuse(response, limited) if limited else response
