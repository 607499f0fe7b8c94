"""An expert's lists of questions: every question reachable by following links."""

import datetime
import re
from html import unescape
from http import HTTPStatus

import pytest
from django.utils import timezone

from network.models import ContactRequest, ContactStatus, Visibility

pytestmark = pytest.mark.django_db
LIST_URL = "/account/vragen/"


@pytest.fixture
def expert(make_person, school_a):
    return make_person(
        "Anna Expert", school=school_a, visibility=Visibility.PUBLIC, questions=True
    )


@pytest.fixture
def asker(make_person, school_b):
    return make_person("Bram Vrager", school=school_b, questions=True)


def questions(count, *, expert, sender, prefix):
    """`count` open questions, numbered from the oldest (1) to the newest."""
    start = timezone.now() - datetime.timedelta(days=30)
    ContactRequest.objects.bulk_create(
        ContactRequest(
            expert=expert,
            sender=sender.user,
            sender_name=sender.name,
            subject=f"{prefix} {number:03d}",
            message="Hoe pakt u dit aan?",
            status=ContactStatus.OPEN,
        )
        for number in range(1, count + 1)
    )
    for question in ContactRequest.objects.filter(subject__startswith=prefix):
        number = int(question.subject.split()[-1])
        question.created_at = start + datetime.timedelta(minutes=number)
        question.save(update_fields=["created_at"])


def follow_links_until(client, text, *, section):
    """Follow the `section` list's own page links from the first page, as a
    reader would, until `text` shows; returns the pages seen."""
    seen, queue, pages = set(), [LIST_URL], []
    while queue:
        url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        assert response.status_code == HTTPStatus.OK
        pages.append(response)
        if text in response.text:
            return pages
        for href in re.findall(r'href="(\?[^"]*)"', response.text):
            href = unescape(href).split("#")[0]
            if f"{section}=" in href:
                queue.append(LIST_URL + href)
    raise AssertionError(f"{text!r} is not reachable through {section} links")


def test_the_105th_question_to_an_expert_is_reachable_by_a_link(client, expert, asker):
    questions(105, expert=expert, sender=asker, prefix="Vraag")
    client.force_login(expert.user)
    first = client.get(LIST_URL)
    assert "Vraag 105" in first.text and "Vraag 001" not in first.text
    pages = follow_links_until(client, "Vraag 001", section="received_page")
    assert len(pages) > 1


def test_the_sent_list_pages_on_its_own_and_keeps_the_other_list_where_it_was(
    client, expert, asker
):
    questions(105, expert=expert, sender=asker, prefix="Vraag")
    questions(105, expert=asker, sender=expert, prefix="Eigen")
    client.force_login(expert.user)
    pages = follow_links_until(client, "Eigen 001", section="sent_page")
    assert len(pages) > 1

    # Paging one list leaves the other on the page it was on.
    both = client.get(LIST_URL, {"received_page": 2, "sent_page": 3})
    received, sent = both.context["received"], both.context["sent"]
    assert (received.number, sent.number) == (2, 3)
    assert "received_page=2" in unescape(both.text.split('id="gesteld"')[1])
