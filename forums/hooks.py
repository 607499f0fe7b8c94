"""Actions other apps offer on a thread page, without `forums` knowing them:
the site, for instance, turns a solved helpdesk question into a draft
knowledge article.

An action is a function `(request, thread) -> dict | None`; the dict has
`label` and `url` (a POST target) and is shown as a button."""

from collections.abc import Callable

_thread_actions: list[Callable] = []


def register_thread_action(action: Callable) -> None:
    if action not in _thread_actions:
        _thread_actions.append(action)


def thread_actions(request, thread) -> list[dict]:
    return [a for a in (action(request, thread) for action in _thread_actions) if a]
