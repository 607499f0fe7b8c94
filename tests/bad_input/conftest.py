"""The demo site (manage.py seed_demo, as the outside probe used), with one
signed-in person for each role and a few things the demo lacks: a forum
moderator who is not the superuser and an open report in the moderation queue."""

from dataclasses import dataclass

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.management import call_command
from django.utils import timezone

PASSWORD = "Een-lang-wachtwoord-42"


@dataclass
class World:
    users: dict  # role -> user, None for the visitor
    reset_url: str  # a password-reset link as the e-mail would carry it


def _with_password(user):
    user.set_password(PASSWORD)
    user.is_active = True
    user.save()
    EmailAddress.objects.update_or_create(
        user=user,
        email=user.email,
        defaults={"verified": True, "primary": True},
    )
    return user


def _one(queryset, role: str):
    user = queryset.order_by("pk").first()
    assert user is not None, f"the demo data has no {role}"
    return user


@pytest.fixture
def world(db, settings) -> World:
    from allauth.account.forms import default_token_generator
    from allauth.account.utils import user_pk_to_url_str
    from django.urls import reverse

    from events.models import EventOrganiser
    from forums import moderation_services
    from forums.models import Post
    from network import contact, support_requests
    from network.models import (
        ContactRequest,
        ContactStatus,
        SecuritySettings,
        SupportOffer,
    )

    settings.DEBUG = True  # seed_demo refuses to run otherwise
    call_command("seed_demo", verbosity=0)
    settings.DEBUG = False
    # Item 10 of issue 11 changes how the admin asks for a second factor; the
    # sweep is about forms, so the admin is reached with the password alone.
    SecuritySettings.objects.update(require_two_factor_for_admin=False)

    User = get_user_model()
    organisers = EventOrganiser.objects.values("user")
    upcoming = EventOrganiser.objects.filter(event__start__gte=timezone.now())
    experts = ContactRequest.objects.filter(status=ContactStatus.OPEN).values(
        "expert__user"
    )
    member = _one(
        User.objects.filter(pk__in=experts).exclude(pk__in=organisers),
        "expert with a question",
    )
    users = {
        "visitor": None,
        "member": member,
        "coordinator": _one(
            User.objects.filter(profile__affiliations__is_coordinator=True)
            .exclude(pk__in=organisers)
            .exclude(pk=member.pk),
            "coordinator",
        ),
        "organiser": _one(
            User.objects.filter(pk__in=upcoming.values("user")), "organiser"
        ),
        "moderator": _one(
            User.objects.filter(profile__isnull=False, is_staff=False)
            .exclude(pk__in=organisers)
            .exclude(pk=member.pk)
            .exclude(profile__affiliations__is_coordinator=True),
            "member to make moderator",
        ),
        "helpdesk": _one(
            User.objects.filter(is_staff=True, is_superuser=False), "helpdesk staff"
        ),
        "editor": _one(User.objects.filter(is_superuser=True), "superuser"),
    }
    users["moderator"].user_permissions.add(
        Permission.objects.get(content_type__app_label="forums", codename="moderate")
    )
    for user in users.values():
        if user is not None:
            _with_password(user)
    # A question through the site's own service, so the expert's notification
    # links to it (the demo's questions are made without one).
    contact.ask_expert(
        member.profile,
        user=users["coordinator"],
        subject="Dagplanning met picto's",
        message="Hoe bouwen jullie de dagplanning op?",
    )
    # A request for one of the coordinator's school's offers, so that their
    # account leads to the answer form.
    offer = SupportOffer.objects.filter(
        school__affiliations__profile__user=users["coordinator"],
        school__affiliations__is_coordinator=True,
    ).first()
    assert offer is not None, "the demo coordinator's school has no offer"
    asker = next(
        user
        for user in users.values()
        if user is not None and support_requests.can_request(user, offer)
    )
    support_requests.send_request(
        offer,
        user=asker,
        sender_school="Basisschool De Linde, Zeist",
        question="Kunnen jullie meekijken?",
        pupil_need="Een leerling die vastloopt bij overgangen.",
    )
    # A signal of the member's own, so that their list leads to the form that
    # adds to it.
    from association.models import SignalTheme
    from association.services import report_signal

    report_signal(
        users["member"],
        theme=SignalTheme.objects.first(),
        what="Het vervoer komt te laat.",
        since="recent",
        effect="Leerlingen missen het begin van de dag.",
    )
    # A helpdesk question of the member's own, with an answer, so that their
    # list leads to the form that adds to it and the advisers' queue to the
    # case and its forms.
    from association import helpdesk

    question = helpdesk.ask(
        users["member"],
        theme=SignalTheme.objects.first(),
        subject="Vraag over bekostiging",
        question="Hoe zit het met de groeiregeling?",
    )
    helpdesk.adviser_writes(
        question,
        next(user for user in users.values() if user and user.is_superuser),
        "antwoord",
        "Zo zit het.",
    )
    post = Post.objects.exclude(author=users["member"]).filter(is_hidden=False)
    moderation_services.report_post(
        users["member"], post.order_by("pk").first(), reason="Dit klopt niet."
    )
    reset_url = reverse(
        "account_reset_password_from_key",
        kwargs={
            "uidb36": user_pk_to_url_str(member),
            "key": default_token_generator.make_token(member),
        },
    )
    return World(users=users, reset_url=reset_url)
