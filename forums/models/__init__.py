from .content import (
    POSTS_PER_PAGE,
    Attachment,
    Post,
    PostRevision,
    Reaction,
    Thread,
    ThreadKind,
)
from .moderation import ModerationAction, ModerationLog, Report, Suspension
from .reading import ReadState, Subscription
from .structure import Category, Group, GroupMembership, MembershipStatus

__all__ = [
    "POSTS_PER_PAGE",
    "Attachment",
    "Category",
    "Group",
    "GroupMembership",
    "MembershipStatus",
    "ModerationAction",
    "ModerationLog",
    "Post",
    "PostRevision",
    "Reaction",
    "ReadState",
    "Report",
    "Subscription",
    "Suspension",
    "Thread",
    "ThreadKind",
]
