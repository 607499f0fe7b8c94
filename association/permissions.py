"""Who may see what of the association's work with its members. A signal's
text and reporter reach the reporter and the policy advisers, nobody else."""

from network.permissions import is_member

from .models import ADVISERS_GROUP


def is_adviser(user) -> bool:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if user.is_superuser:
        return True
    if not hasattr(user, "_association_is_adviser"):
        user._association_is_adviser = user.groups.filter(name=ADVISERS_GROUP).exists()
    return user._association_is_adviser


def reporting_school(user):
    """The school a member reports from: the first of a member board, by name."""
    from network.models import School

    if not getattr(user, "is_authenticated", False):
        return None
    return (
        School.objects.members()
        .filter(affiliations__profile__user=user)
        .order_by("name", "pk")
        .first()
    )


def can_report(user) -> bool:
    """Members report from their school: the signal counts for it."""
    return is_member(user) and reporting_school(user) is not None


def can_see_signal(user, signal) -> bool:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return signal.reporter_id == user.pk or is_adviser(user)


def can_read_dossiers(user) -> bool:
    return is_member(user)


def can_ask_helpdesk(user) -> bool:
    """Members ask the helpdesk; their school is where the question comes from."""
    return can_report(user)


def is_coordinator_of(user, school_id) -> bool:
    if school_id is None or not getattr(user, "is_authenticated", False):
        return False
    from network.models import Affiliation

    return Affiliation.objects.filter(
        profile__user=user, school_id=school_id, is_coordinator=True
    ).exists()


def can_see_case(user, case) -> bool:
    """The member who asked, their school's coordinator when the member chose
    so, and the advisers; nobody else learns the case exists."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if case.asker_id == user.pk or is_adviser(user):
        return True
    return case.share_with_coordinator and is_coordinator_of(user, case.school_id)


def cases_shared_with(user):
    """Cases colleagues chose to share with `user` as their school's coordinator."""
    from network.models import Affiliation

    from .models import Case

    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return Case.objects.none()
    schools = Affiliation.objects.filter(
        profile__user=user, is_coordinator=True
    ).values("school_id")
    return (
        Case.objects.filter(share_with_coordinator=True, school_id__in=schools)
        .exclude(asker=user)
        .exclude(asker__isnull=True)
    )
