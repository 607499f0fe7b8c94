from .invitations import Invitation
from .messages import ContactRequest, ContactStatus, Notification
from .organisations import Board, Province, School, SchoolLocation, SchoolType
from .people import Affiliation, Availability, Profile, User, Visibility
from .settings import SecuritySettings
from .taxonomy import Cluster, SupportNeed, TaggedTopic, Topic

__all__ = [
    "Affiliation",
    "Availability",
    "Board",
    "Cluster",
    "ContactRequest",
    "ContactStatus",
    "Invitation",
    "Notification",
    "Profile",
    "Province",
    "School",
    "SchoolLocation",
    "SchoolType",
    "SecuritySettings",
    "SupportNeed",
    "TaggedTopic",
    "Topic",
    "User",
    "Visibility",
]
