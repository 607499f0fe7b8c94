"""The forum's domain errors. Services raise them, views show their message
next to the field they name (or above the form)."""

from django.utils.translation import gettext_lazy as _


class ForumError(Exception):
    """A refusal with a stable `code` for code and tests, a `message` for
    people, and the form `field` it belongs to (None: the form as a whole)."""

    def __init__(self, code: str, message, field: str | None = None):
        super().__init__(str(message))
        self.code = code
        self.message = message
        self.field = field


class PossibleBSN(ForumError):
    """The text holds a number that passes the eleven-test; the author must
    remove it or confirm it is not a citizen service number."""

    def __init__(self, numbers: list[str]):
        super().__init__(
            "possible-bsn",
            _(
                "Your message contains a number that could be a citizen service "
                "number (BSN): %(numbers)s. Pupils must not be identifiable here. "
                "Remove it, or confirm that it is not a BSN."
            )
            % {"numbers": ", ".join(numbers)},
            field="body",
        )
        self.numbers = numbers
