"""Who may see what in the network app. Views, templates, feeds, exports, search
and consumers all ask these predicates; nothing decides visibility elsewhere."""

from django.db import connection

from . import prepared
from .models.organisations import Board, School
from .models.people import Affiliation, Profile, Visibility


def membership_sql() -> str:
    """A statement with one parameter, a person's key, that finds the
    affiliations that make them a member: their profile's places at schools
    of member boards. It is asked on nearly every page, so it is written
    out: nested subqueries, which PostgreSQL plans in 0.2 ms where a join of
    the five tables took 1.3 to 2.7 ms, and no ORM to build it each time."""
    return (
        f"SELECT 1 FROM {Affiliation._meta.db_table} WHERE profile_id = "
        f"(SELECT id FROM {Profile._meta.db_table} WHERE user_id = %s) "
        f"AND school_id IN (SELECT id FROM {School._meta.db_table} WHERE board_id "
        f"IN (SELECT id FROM {Board._meta.db_table} WHERE is_member))"
    )


def is_member(user) -> bool:
    """A member is a signed-in, active person with a profile at a school whose
    board is a member of the association, or staff of the association."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if user.is_staff:
        return True
    # Asked several times per page; remembered on the user object for the request.
    if not hasattr(user, "_network_is_member"):
        with connection.cursor() as cursor:
            prepared.execute(
                cursor,
                "lecso_is_member",
                f"SELECT EXISTS ({membership_sql()})",
                [user.pk],
            )
            user._network_is_member = bool(cursor.fetchone()[0])
    return user._network_is_member


def profile_visibilities_for(user) -> list[str]:
    if is_member(user):
        return [Visibility.PUBLIC, Visibility.MEMBERS]
    return [Visibility.PUBLIC]


def closed_accounts():
    """The keys of closed accounts: few, and indexed (User.Meta), so leaving
    their profiles out costs less than joining every profile to its account."""
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(is_active=False).values("pk")


def profiles_hidden_from(user) -> list:
    """The profiles `user` may not see, as querysets of keys: those whose
    visibility is not for them, and those of closed accounts. Together they
    are exactly what Profile.objects.visible_to(user) leaves out (a test holds
    the two to it). For a member they are few, and the site search on
    PostgreSQL excludes them rather than list the many visible profiles."""
    from .models import Profile

    seen = profile_visibilities_for(user)
    unseen = [value for value in Visibility.values if value not in seen]
    return [
        Profile.objects.order_by().filter(visibility__in=unseen).values("pk"),
        profiles_of_closed_accounts(),
    ]


def profiles_seen_by_visibility(user):
    """The keys of the profiles whose visibility is for `user`, closed
    accounts included: with profiles_of_closed_accounts() left out, exactly
    what Profile.objects.visible_to(user) holds (a test holds the two to it).
    The site search on PostgreSQL asks a visitor's profiles so, by key, rather
    than join every profile to its account."""
    from .models import Profile

    seen = profile_visibilities_for(user)
    return Profile.objects.order_by().filter(visibility__in=seen).values("pk")


def profiles_of_closed_accounts():
    from .models import Profile

    return Profile.objects.order_by().filter(user__in=closed_accounts()).values("pk")


def can_view_profile(user, profile) -> bool:
    """The owner always sees their own profile, hidden or not."""
    if getattr(user, "is_authenticated", False) and profile.user_id == user.pk:
        return True
    if not profile.user.is_active or profile.visibility == Visibility.HIDDEN:
        return False
    return profile.visibility in profile_visibilities_for(user)


def can_see_offer(user, offer) -> bool:
    """A published offer is public; a draft only for those who may edit it."""
    return offer.is_published or can_edit_offer(user, offer)


def can_edit_offer(user, offer) -> bool:
    """Editors with the admin permission, and the coordinators of the school."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if user.has_perm("network.change_supportoffer"):
        return True
    return offer.school.affiliations.filter(
        profile__user=user, is_coordinator=True
    ).exists()


def support_request_handlers(request):
    """The accounts that receive and answer a request for support: the
    offer's contact, the school's coordinators and a colleague it was passed
    on to; closed accounts left out."""
    from django.contrib.auth import get_user_model
    from django.db.models import Q

    wanted = Q(
        profile__affiliations__school_id=request.school_id,
        profile__affiliations__is_coordinator=True,
    )
    if request.offer_id and request.offer and request.offer.contact_id:
        wanted |= Q(profile__pk=request.offer.contact_id)
    if request.referred_to_id:
        wanted |= Q(profile__pk=request.referred_to_id)
    return get_user_model().objects.filter(wanted, is_active=True).distinct()


def can_see_support_request(user, request) -> bool:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if request.sender_id == user.pk:
        return True
    return support_request_handlers(request).filter(pk=user.pk).exists()


def can_handle_support_request(user, request) -> bool:
    if not getattr(user, "is_authenticated", False) or request.sender_id == user.pk:
        return False
    return support_request_handlers(request).filter(pk=user.pk).exists()
