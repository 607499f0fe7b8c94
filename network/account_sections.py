"""Sections other apps add to a person's account page, without `network`
knowing them: events shows one's registrations, forums one's subscriptions.

A section is a function taking the request and returning HTML (or "" to show
nothing)."""

from collections.abc import Callable

from django.http import HttpRequest
from django.utils.safestring import SafeString

_sections: list[Callable[[HttpRequest], str]] = []


def register_account_section(render: Callable[[HttpRequest], str]) -> None:
    if render not in _sections:
        _sections.append(render)


def render_account_sections(request: HttpRequest) -> list[SafeString]:
    return [html for html in (render(request) for render in _sections) if html]
