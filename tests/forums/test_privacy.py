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


def test_the_export_holds_what_i_follow_mark_helpful_and_report(
    member, other_member, category, group, group_member, make_thread
):
    from forums.models import Subscription
    from forums.moderation_services import report_post
    from network.privacy import export_user_data

    theirs = make_thread(category, author=other_member, title="Time-outs", replies=1)
    first, second = theirs.posts.order_by("position")
    services.toggle_helpful(member, second)
    report_post(member, first, reason="Noemt een leerling bij naam.")
    Subscription.objects.create(user=member, thread=theirs)
    Subscription.objects.create(user=member, category=category)
    Subscription.objects.create(user=member, group=group)

    forums = export_user_data(member)["forums"]

    assert forums["following"] == [
        {
            "kind": "thread",
            "name": "Time-outs",
            "address": theirs.get_absolute_url(),
            "since": forums["following"][0]["since"],
        },
        {
            "kind": "category",
            "name": category.name,
            "address": category.get_absolute_url(),
            "since": forums["following"][1]["since"],
        },
        {
            "kind": "group",
            "name": group.name,
            "address": group.get_absolute_url(),
            "since": forums["following"][2]["since"],
        },
    ]
    assert [(h["thread"], h["position"]) for h in forums["helpful_marks"]] == [
        ("Time-outs", second.position)
    ]
    assert forums["helpful_marks"][0]["address"] == second.get_absolute_url()
    [report] = forums["reports_filed"]
    assert report["reason"] == "Noemt een leerling bij naam."
    assert (report["thread"], report["position"]) == ("Time-outs", first.position)
    assert report["resolved"] is False and report["created_at"]
    # Someone else's export holds none of it.
    assert export_user_data(other_member)["forums"]["reports_filed"] == []


def test_the_export_holds_my_posts_whole_and_what_was_done_about_me(
    member, other_member, moderator, category, make_thread
):
    """A post with its attachment's name and the text it had before an edit;
    how far the person read; a suspension with its reason, not who gave it."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from forums.moderation_services import suspend_member
    from network.privacy import export_user_data

    thread = make_thread(category, author=other_member, title="Time-outs")
    upload = SimpleUploadedFile("plan.txt", b"Rustplek plan", content_type="text/plain")
    post = services.reply(member, thread, body="Eerste versie.", attachments=[upload])
    services.edit_post(member, post, body="Tweede versie.")
    suspend_member(moderator, member, days=3, reason="Drie keer gewaarschuwd.")

    forums = export_user_data(member)["forums"]

    [mine] = forums["posts"]
    assert mine["body"] == "Tweede versie."
    assert mine["attachments"] == [{"name": "plan.txt", "size": 13}]
    assert [v["body"] for v in mine["earlier_versions"]] == ["Eerste versie."]
    assert {"thread": "Time-outs", "last_read_position": 2} in forums["read_up_to"]
    [suspension] = forums["suspensions"]
    assert suspension["reason"] == "Drie keer gewaarschuwd."
    assert "Mo Moderator" not in str(suspension)
    assert export_user_data(other_member)["forums"]["suspensions"] == []
