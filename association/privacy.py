"""A deleted account's signals stay for the association's numbers, without
their reporter; the reporter's own messages on them lose their author; their
consultation answers stay counted, unlinked; their helpdesk questions stay,
anonymised (association.helpdesk.anonymise_member)."""

from django.dispatch import receiver

from network.privacy import account_deleted, account_deleting

from .helpdesk import anonymise_member
from .models import Response, Signal, SignalMessage


@receiver(account_deleted)
def unlink_signals(sender, user, **kwargs):
    SignalMessage.objects.filter(author=user).update(author=None)
    Signal.objects.filter(reporter=user).update(reporter=None)
    # Consultation answers stay counted, without the person.
    Response.objects.filter(user=user).update(user=None)


# Before the account is emptied: the name and schools to take out are known.
@receiver(account_deleting)
def anonymise_helpdesk_cases(sender, user, **kwargs):
    anonymise_member(user)
