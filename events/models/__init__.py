from .pages import (
    Audience,
    EventIndexPage,
    EventOrganiser,
    EventPage,
    EventQuestion,
    EventSession,
    EventTopic,
    Format,
    QuestionKind,
)
from .registrations import (
    ACTIVE,
    OrganiserMessage,
    Registration,
    SessionChoice,
    Status,
    new_token,
)

__all__ = [
    "ACTIVE",
    "Audience",
    "EventIndexPage",
    "EventOrganiser",
    "EventPage",
    "EventQuestion",
    "EventSession",
    "EventTopic",
    "Format",
    "OrganiserMessage",
    "QuestionKind",
    "Registration",
    "SessionChoice",
    "Status",
    "new_token",
]
