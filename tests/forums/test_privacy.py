"""The forums' part of a person's data: what the export holds, and what
deleting an account leaves in other people's inboxes."""

import pytest

from forums import services
from network.models import Notification, Profile
from network.privacy import delete_account

pytestmark = pytest.mark.django_db


def test_a_deleted_authors_name_leaves_the_mention_in_someones_inbox(
    member, other_member, category, django_capture_on_commit_callbacks
):
    bram = Profile.objects.get(user=other_member)
    with django_capture_on_commit_callbacks(execute=True):
        services.start_thread(
            member, category, title="Wie weet dit?", body=f"@{bram.slug} help"
        )
    note = Notification.objects.get(recipient=other_member, kind="forum_mention")
    assert note.actor == member and "Marieke" not in note.title
    assert note.display_title().startswith("Marieke de Vries noemde u")

    delete_account(member)
    note.refresh_from_db()
    assert note.actor is None and "Marieke" not in note.display_title()
    assert note.display_title().startswith("Een verwijderd account noemde u")


def test_a_join_request_names_the_person_as_they_are_now(
    client, group, group_member, other_member
):
    client.force_login(other_member)
    client.post(f"/forum/groepen/{group.slug}/lid-worden/")
    note = Notification.objects.get(recipient=group_member)
    assert note.actor == other_member and "Bram" not in note.title
    assert note.display_title().startswith("Bram Jansen")

    Profile.objects.filter(user=other_member).update(name="Bram de Groot")
    note.refresh_from_db()
    assert note.display_title().startswith("Bram de Groot")
