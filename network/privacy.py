"""A person's own data: export everything stored about them, delete the account.

Other apps add their part without `network` knowing them: they register an
exporter with the Wagtail hook `network_data_exporters` in their
wagtail_hooks.py (a function taking the user and returning a dict of sections,
each JSON-ready) and listen to `account_deleted` to anonymise what the person
wrote there.
"""

import re

from django.db import transaction
from django.dispatch import Signal
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from wagtail import hooks

# Sent after an account is anonymised. Arguments: user (the anonymised user).
account_deleted = Signal()
# Sent first, in the same transaction, while the person's name, address and
# schools are still known: for apps that take them out of what they wrote.
account_deleting = Signal()


def export_user_data(user) -> dict:
    data = {
        "exported_at": timezone.now().isoformat(),
        "account": {
            "email": user.email,
            "name": user.get_full_name(),
            "username": user.get_username(),
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
            "preferred_language": user.preferred_language,
            "email_notifications": user.email_notifications,
            "email_addresses": [
                {"email": a.email, "verified": a.verified, "primary": a.primary}
                for a in user.emailaddress_set.all()
            ],
        },
    }
    for exporter in hooks.get_hooks("network_data_exporters"):
        data.update(exporter(user))
    return data


def _export_profile(user) -> dict | None:
    from .models import Profile

    profile = Profile.objects.filter(user=user).first()
    if profile is None:
        return None
    return {
        "name": profile.name,
        "address": profile.get_absolute_url(),
        "job_title": profile.job_title,
        "bio": profile.bio,
        "photo": profile.photo.title if profile.photo else None,
        "support_needs": [n.name for n in profile.support_needs.all()],
        "topics": sorted(profile.topics.names()),
        "clusters": [c.number for c in profile.clusters.all()],
        "school_type": profile.school_type,
        "languages": profile.languages,
        "availability": [str(a.value) for a in profile.availability()],
        "visibility": profile.visibility,
        "schools": [
            {
                "school": a.school.name,
                "brin": a.school.brin,
                "job_title": a.job_title,
                "coordinator": a.is_coordinator,
            }
            for a in profile.affiliations.select_related("school")
        ],
        "created_at": profile.created_at.isoformat(),
        "updated_at": profile.updated_at.isoformat(),
    }


def _export_invitations(user) -> list:
    from .models import Invitation

    return [
        {
            "email": i.email,
            "school": i.school.name,
            "created_at": i.created_at.isoformat(),
            "accepted": i.accepted_at is not None,
        }
        for i in Invitation.objects.filter(invited_by=user).select_related("school")
    ]


def _export_questions(user) -> dict:
    from .models import ContactRequest

    def row(question, role):
        return {
            "role": role,
            "subject": question.subject,
            "message": question.message,
            "from": question.sender_name,
            "to": question.expert.name if question.expert else None,
            "status": question.status,
            "answer": question.answer,
            "sent_at": question.created_at.isoformat(),
        }

    asked = ContactRequest.objects.filter(sender=user).select_related("expert")
    received = ContactRequest.objects.filter(expert__user=user).select_related("expert")
    return {
        "asked": [row(q, "asked") for q in asked],
        "received": [row(q, "received") for q in received],
    }


def _export_support_requests(user) -> dict:
    """Requests for support this person sent, and those they answered."""
    from .models import SupportRequest

    def row(request):
        return {
            "offer": request.offer_title,
            "to_school": request.school.name,
            "from": request.sender_name,
            "from_school": request.sender_school,
            "question": request.question,
            "pupil_need": request.pupil_need,
            "status": request.status,
            "answer": request.response,
            "sent_at": request.created_at.isoformat(),
        }

    requests = SupportRequest.objects.select_related("school")
    return {
        "sent": [row(r) for r in requests.filter(sender=user)],
        "answered": [row(r) for r in requests.filter(handled_by=user)],
    }


def _export_notifications(user) -> list:
    return [
        {
            "title": n.display_title(),
            "body": n.body,
            "created_at": n.created_at.isoformat(),
            "read": n.read_at is not None,
        }
        for n in user.notifications.select_related("actor__profile")
    ]


def export_network_data(user) -> dict:
    """This app's own sections of the export (a `network_data_exporters` hook)."""
    return {
        "profile": _export_profile(user),
        "questions": _export_questions(user),
        "support_requests": _export_support_requests(user),
        "notifications": _export_notifications(user),
        "invitations_sent": _export_invitations(user),
    }


def _take_name_out_of_notifications(user) -> None:
    """Other people's notifications about `user` name them through `actor`
    (see Notification.display_title); without it they read "a deleted
    account". Notifications made before they had an actor hold the name as
    text: it is replaced there, as a whole word, in the recipient's language."""
    from django.utils import translation

    from .models import Notification

    Notification.objects.filter(actor=user).update(actor=None)
    names = {user.name_for_others(), user.get_full_name()} - {""}
    for name in sorted(names, key=len, reverse=True):
        pattern = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)")
        older = Notification.objects.filter(
            actor__isnull=True, title__contains=name
        ).select_related("recipient")
        for notification in older:
            with translation.override(notification.recipient.preferred_language):
                replacement = _("a deleted account")
            title = pattern.sub(replacement, notification.title)
            if title != notification.title:
                notification.title = capfirst(title)[:200]
                notification.save(update_fields=["title"])


@transaction.atomic
def delete_account(user) -> None:
    """Remove the person: profile, photo link, addresses and authenticators go;
    the user row stays, anonymised and unable to sign in, so that what they wrote
    elsewhere keeps an (anonymous) author. Nobody else's data changes."""
    from allauth.account.models import EmailAddress
    from allauth.mfa.models import Authenticator

    from .models import ContactRequest, Notification, Profile, SupportRequest

    account_deleting.send(sender=user.__class__, user=user)
    # Questions and requests for support stay with the other side, without this
    # person's name or address.
    ContactRequest.objects.filter(sender=user).update(
        sender=None, sender_name=_("Deleted account"), sender_email=""
    )
    SupportRequest.objects.filter(sender=user).update(
        sender=None, sender_name=_("Deleted account"), sender_email=""
    )
    Notification.objects.filter(recipient=user).delete()
    _take_name_out_of_notifications(user)
    Profile.objects.filter(user=user).delete()
    EmailAddress.objects.filter(user=user).delete()
    Authenticator.objects.filter(user=user).delete()
    user.username = f"verwijderd-{user.pk}"
    user.email = f"verwijderd-{user.pk}@invalid"
    user.first_name = user.last_name = ""
    user.is_active = user.is_staff = user.is_superuser = False
    user.set_unusable_password()
    user.save()
    user.groups.clear()
    user.user_permissions.clear()
    account_deleted.send(sender=user.__class__, user=user)
