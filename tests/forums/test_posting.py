"""Starting threads and replying: Markdown cleaned, the BSN guard, quotes,
mentions, edits with history, accepted answers and helpful marks."""

import re
from html.parser import HTMLParser

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from forums import services
from forums.errors import ForumError
from forums.models import Post, PostRevision, Thread
from network.guard import passes_eleven_test, possible_bsns
from network.models import Notification

pytestmark = pytest.mark.django_db


def test_eleven_test():
    assert passes_eleven_test("111222333")
    assert passes_eleven_test("123456782")
    assert not passes_eleven_test("123456789")
    assert not passes_eleven_test("000000000")
    assert possible_bsns("leerling 123.456.782 en tel 0612345678") == ["123.456.782"]
    assert possible_bsns("1234 56 782") == ["1234 56 782"]
    assert possible_bsns("postcode 1234AB, 123456789") == []


def test_member_starts_a_thread_and_another_replies(
    client, category, member, other_member
):
    client.force_login(member)
    form = client.get(f"/forum/nieuw/c/{category.slug}/")
    assert form.status_code == 200
    response = client.post(
        f"/forum/nieuw/c/{category.slug}/",
        {
            "title": "Time-outs in de klas",
            "kind": "question",
            "body": "Hoe doen **jullie** dat?",
        },
    )
    thread = Thread.objects.get()
    assert response.status_code == 302 and response.url == thread.get_absolute_url()
    page = client.get(thread.get_absolute_url())
    assert "<strong>jullie</strong>" in page.text

    client.force_login(other_member)
    reply = client.post(
        f"/forum/draad/{thread.pk}/reageren/", {"body": "Met een rustplek."}
    )
    assert reply.status_code == 302
    thread.refresh_from_db()
    assert thread.post_count == 2
    assert [p.position for p in thread.posts.all()] == [1, 2]


def test_bsn_guard_asks_before_saving_and_keeps_the_text(client, category, member):
    client.force_login(member)
    text = "Leerling met BSN 111222333 heeft een indicatie."
    response = client.post(
        f"/forum/nieuw/c/{category.slug}/",
        {"title": "Indicatie", "kind": "question", "body": text},
    )
    assert response.status_code == 400
    assert "burgerservicenummer" in response.text
    assert "111222333" in response.text, "what was typed is kept in the form"
    assert not Thread.objects.exists()
    confirmed = client.post(
        f"/forum/nieuw/c/{category.slug}/",
        {"title": "Indicatie", "kind": "question", "body": text, "not_a_bsn": "on"},
    )
    assert confirmed.status_code == 302
    assert Thread.objects.count() == 1


def test_preview_saves_nothing(client, category, member):
    client.force_login(member)
    response = client.post(
        f"/forum/nieuw/c/{category.slug}/",
        {"title": "Vraag", "kind": "discussion", "body": "*schuin*", "preview": "1"},
    )
    assert response.status_code == 200
    assert "<em>schuin</em>" in response.text
    assert not Thread.objects.exists()


XSS = [
    '<script>alert("x")</script>',
    "<img src=x onerror=alert(1)>",
    "[klik](javascript:alert(1))",
    '<a href="javascript:alert(1)">x</a>',
    '"><svg onload=alert(1)>',
    '<iframe src="https://kwaad.example"></iframe>',
    '<div style="background:url(javascript:alert(1))">x</div>',
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
]


class MarkupAudit(HTMLParser):
    """Collects what would run in a browser: inline scripts, event handler
    attributes, script URLs and embedding elements."""

    def __init__(self):
        super().__init__()
        self.findings = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        if tag in ("iframe", "svg", "object", "embed"):
            self.findings.append(tag)
        if tag == "script" and not dict(attrs).get("src"):
            self._in_script = True
        for name, value in attrs:
            if name.startswith("on"):
                self.findings.append(f"{tag}[{name}]")
            if (
                name in ("href", "src", "style")
                and value
                and re.search(r"(javascript|data):", value, re.I)
            ):
                self.findings.append(f"{tag}[{name}={value}]")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script and "alert" in data:
            self.findings.append("inline script")


def dangerous_markup(html: str) -> list[str]:
    audit = MarkupAudit()
    audit.feed(html)
    return audit.findings


@pytest.mark.parametrize("payload", XSS)
def test_payloads_render_inert_in_title_body_and_quote(
    client, category, member, other_member, payload
):
    thread = services.start_thread(
        member, category, title=f"Titel {payload}", body=f"Tekst {payload}"
    )
    services.reply(other_member, thread, body=f"> {payload}\n\nCiteer {payload}")
    client.force_login(other_member)
    for url in (
        thread.get_absolute_url() + "?citeer=1",
        f"/forum/{category.slug}/",
        "/forum/",
    ):
        assert dangerous_markup(client.get(url).text) == [], url


def test_quote_prefills_the_reply(client, category, member, other_member):
    thread = services.start_thread(
        member, category, title="Vraag", body="Eerste regel\nTweede"
    )
    client.force_login(other_member)
    page = client.get(thread.get_absolute_url() + "?citeer=1")
    assert (
        "&gt; **Marieke de Vries** (#1):\n&gt; Eerste regel\n&gt; Tweede" in page.text
    )


def test_mentions_link_and_notify_only_those_who_may_read(
    category,
    group,
    member,
    other_member,
    group_member,
    django_capture_on_commit_callbacks,
):
    from network.models import Profile

    bram = Profile.objects.get(user=other_member)
    greet = Profile.objects.get(user=group_member)
    with django_capture_on_commit_callbacks(execute=True):
        thread = services.start_thread(
            member,
            category,
            title="Wie weet dit?",
            body=f"@{bram.slug} en @{greet.slug}",
        )
    post = thread.posts.get()
    assert f'href="/deskundigen/{bram.slug}/"' in post.body_html
    assert Notification.objects.filter(
        recipient=other_member, kind="forum_mention"
    ).exists()
    # Greet is a member too, so she may read the category and is told as well.
    assert Notification.objects.filter(
        recipient=group_member, kind="forum_mention"
    ).exists()

    with django_capture_on_commit_callbacks(execute=True):
        services.start_thread(
            group_member,
            group,
            title="Alleen voor de groep",
            body=f"@{bram.slug} kijk eens",
        )
    assert Notification.objects.filter(recipient=other_member).count() == 1, (
        "Bram is not in the closed group: no notification, no leak of its title"
    )


def test_edit_keeps_history_for_moderators(client, category, member, moderator):
    thread = services.start_thread(
        member, category, title="Vraag", body="Eerste versie"
    )
    post = thread.posts.get()
    client.force_login(member)
    client.post(f"/forum/bericht/{post.pk}/bewerken/", {"body": "Tweede versie"})
    post.refresh_from_db()
    assert post.body == "Tweede versie" and post.edited_at
    assert PostRevision.objects.get(post=post).body == "Eerste versie"
    assert client.get(f"/forum/bericht/{post.pk}/geschiedenis/").status_code == 403
    history_link = f'href="/forum/bericht/{post.pk}/geschiedenis/"'
    assert history_link not in client.get(thread.get_absolute_url()).text
    client.force_login(moderator)
    assert history_link in client.get(thread.get_absolute_url()).text
    history = client.get(f"/forum/bericht/{post.pk}/geschiedenis/")
    assert "Eerste versie" in history.text


def test_accepted_answer_and_helpful(client, category, member, other_member):
    thread = services.start_thread(
        member, category, title="Vraag", body="Wie weet het?"
    )
    answer = services.reply(other_member, thread, body="Zo doen wij het.")
    client.force_login(other_member)
    client.post(f"/forum/bericht/{answer.pk}/antwoord/")
    thread.refresh_from_db()
    assert thread.accepted_post is None, "only the asker or a moderator accepts"
    client.force_login(member)
    client.post(f"/forum/bericht/{answer.pk}/nuttig/")
    client.post(f"/forum/bericht/{answer.pk}/antwoord/")
    thread.refresh_from_db()
    answer.refresh_from_db()
    assert thread.accepted_post == answer and answer.helpful_count == 1
    listing = client.get(f"/forum/{category.slug}/").text
    assert "Opgelost" in listing


def test_attachments_are_checked_and_served_only_to_readers(
    client, group, group_member, member
):
    client.force_login(group_member)
    fake_pdf = SimpleUploadedFile("verslag.pdf", b"MZ\x90\x00 not a pdf")
    refused = client.post(
        f"/forum/nieuw/g/{group.slug}/",
        {
            "title": "Verslag",
            "kind": "discussion",
            "body": "Zie bijlage",
            "attachments": fake_pdf,
        },
    )
    assert refused.status_code == 400 and "lijkt geen .pdf-bestand" in refused.text
    real = SimpleUploadedFile("verslag.pdf", b"%PDF-1.7\n%...")
    client.post(
        f"/forum/nieuw/g/{group.slug}/",
        {
            "title": "Verslag",
            "kind": "discussion",
            "body": "Zie bijlage",
            "attachments": real,
        },
    )
    attachment = Post.objects.get().attachments.get()
    assert client.get(attachment.get_absolute_url()).status_code == 200
    client.force_login(member)
    assert client.get(attachment.get_absolute_url()).status_code == 404
    client.logout()
    assert client.get(attachment.get_absolute_url()).status_code == 404


def test_rate_limits_are_stricter_for_new_accounts(category, member, make_member):
    from django.utils import translation

    newcomer = make_member("Nieuw Lid", days_old=1)
    thread = services.start_thread(member, category, title="Vraag", body="Wie?")
    for n in range(3):
        services.reply(newcomer, thread, body=f"Reactie {n}")
    with pytest.raises(ForumError) as error, translation.override("nl"):
        services.reply(newcomer, thread, body="Nog een")
    assert error.value.code == "rate-limited"
    assert "wat u typte blijft bewaard" in str(error.value.message)
    for n in range(5):
        services.reply(member, thread, body=f"Antwoord {n}")
    thread.refresh_from_db()
    assert thread.post_count == 1 + 3 + 5, "an established member may write more"


@pytest.mark.parametrize("payload", XSS)
def test_payloads_are_inert_in_the_live_update_and_the_email(
    category, member, other_member, payload, django_capture_on_commit_callbacks
):
    from django.core import mail

    from forums.live import post_html_by_language
    from network.models import Profile

    bram = Profile.objects.get(user=other_member)
    with django_capture_on_commit_callbacks(execute=True):
        thread = services.start_thread(
            member,
            category,
            title=f"Titel {payload}",
            body=f"@{bram.slug} kijk: {payload}",
        )
    for html in post_html_by_language(thread.posts.get()).values():
        assert dangerous_markup(html) == []
    [email] = mail.outbox
    assert email.to == [other_member.email]
    # Plain text only: no HTML part a mail program could run.
    assert email.content_subtype == "plain" and not getattr(email, "alternatives", [])
