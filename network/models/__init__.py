from .organisations import Board, Province, School, SchoolLocation, SchoolType
from .people import Affiliation, Availability, Profile, User, Visibility
from .taxonomy import Cluster, SupportNeed, TaggedTopic, Topic

__all__ = [
    "Affiliation",
    "Availability",
    "Board",
    "Cluster",
    "Profile",
    "Province",
    "School",
    "SchoolLocation",
    "SchoolType",
    "SupportNeed",
    "TaggedTopic",
    "Topic",
    "User",
    "Visibility",
]
