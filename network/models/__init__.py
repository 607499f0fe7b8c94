from .directory import DirectoryCount
from .invitations import Invitation
from .messages import ContactRequest, ContactStatus, Notification
from .offers import (
    OfferCost,
    OfferFormat,
    OfferKind,
    RequestStatus,
    SupportOffer,
    SupportRequest,
)
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
    "DirectoryCount",
    "Invitation",
    "Notification",
    "OfferCost",
    "OfferFormat",
    "OfferKind",
    "Profile",
    "RequestStatus",
    "Province",
    "School",
    "SchoolLocation",
    "SchoolType",
    "SecuritySettings",
    "SupportNeed",
    "SupportOffer",
    "SupportRequest",
    "TaggedTopic",
    "Topic",
    "User",
    "Visibility",
]
