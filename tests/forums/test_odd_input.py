"""Values no page of the forum sends (an edited form, a script) get a message
or a 404, never a server error, also where PostgreSQL refuses what SQLite
stores (a NUL byte)."""

from http import HTTPStatus

import pytest

from forums import moderation_services, services
from forums.models import GroupMembership, Report
from tests.bad_values import ONE_MB, refusing_nul_like_postgresql


@pytest.mark.parametrize("value", ["bestaat-niet", "1\x00", "9" * 40, "", "²"])
def test_following_something_that_is_not_a_number_is_a_404(
    client, member, category, make_thread, value
):
    make_thread(category)
    client.force_login(member)
    with refusing_nul_like_postgresql():
        response = client.post("/forum/volgen/", {"soort": "draad", "id": value})
    assert response.status_code == HTTPStatus.NOT_FOUND


@pytest.mark.parametrize(
    "email",
    ["x" * ONE_MB, "voor\x00na@example.org", "a" * 300 + "@" + "b" * 300 + ".nl"],
    ids=["1 MB", "NUL", "over-long"],
)
def test_an_odd_address_to_invite_is_refused_at_the_field(
    client, group, group_member, email
):
    client.force_login(group_member)
    with refusing_nul_like_postgresql():
        response = client.post(
            f"/forum/groepen/{group.slug}/uitnodigen/", {"email": email}
        )
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert 'aria-invalid="true"' in response.text
    assert GroupMembership.objects.filter(group=group).count() == 1


def test_an_address_without_an_account_is_refused_and_kept(client, group, group_member):
    client.force_login(group_member)
    response = client.post(
        f"/forum/groepen/{group.slug}/uitnodigen/", {"email": "nieuw@elders.nl"}
    )
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "Niemand met een account gebruikt nieuw@elders.nl" in response.text
    assert 'value="nieuw@elders.nl"' in response.text


def test_a_colleague_with_an_account_is_invited(client, group, group_member, member):
    client.force_login(group_member)
    response = client.post(
        f"/forum/groepen/{group.slug}/uitnodigen/", {"email": member.email.upper()}
    )
    assert response.status_code == HTTPStatus.FOUND
    assert GroupMembership.objects.get(group=group, user=member).status == "invited"


def test_an_odd_reason_to_resolve_a_report_is_refused(
    client, moderator, member, other_member, category, make_thread
):
    thread = make_thread(category, author=member)
    report = moderation_services.report_post(
        other_member, thread.posts.get(), reason="Klopt niet."
    )
    client.force_login(moderator)
    with refusing_nul_like_postgresql():
        response = client.post(
            f"/forum/moderatie/melding/{report.pk}/afgehandeld/",
            {"reason": "voor\x00na" + "x" * ONE_MB},
        )
    assert response.status_code == HTTPStatus.FOUND
    assert Report.objects.get(pk=report.pk).resolved_at is None
    queue = client.get(response.headers["Location"])
    assert "niet meer dan 1000 tekens" in queue.text


@pytest.mark.parametrize("value", ["²", "9" * 40, "-1", "x\x00"])
def test_an_odd_quote_number_shows_the_thread(
    client, member, category, make_thread, value
):
    thread = make_thread(category, replies=1)
    client.force_login(member)
    with refusing_nul_like_postgresql():
        response = client.get(thread.get_absolute_url(), {"citeer": value})
    assert response.status_code == HTTPStatus.OK


def test_quoting_a_post_by_its_number_still_works(
    client, member, other_member, category, make_thread
):
    thread = make_thread(category)
    services.reply(other_member, thread, body="Wij gebruiken een timer.")
    client.force_login(member)
    response = client.get(thread.get_absolute_url(), {"citeer": "2"})
    assert "&gt; Wij gebruiken een timer." in response.text
