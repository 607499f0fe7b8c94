"""The newsletter in a real Chromium: the archive and an issue's web version
(a members' issue kept from visitors), subscribing by keyboard alone with the
confirmation link, a wrong address named at its field, and unsubscribing with
one click from the link in every issue, each page checked by axe-core."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect
from wagtail.rich_text import RichText

from lecso_site.models import NewsletterIndexPage, NewsletterIssue, Subscriber
from lecso_site.newsletter import confirm_token, unsubscribe_token
from tests.conftest import publish

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

READER = "lezer@deburcht.example.nl"
PUBLIC_TITLE = "Nieuwsbrief december"
MEMBERS_TITLE = "Ledenbrief december"


@pytest.fixture
def archive(home):
    return publish(
        home,
        NewsletterIndexPage(
            title="Nieuwsbrief",
            slug="nieuwsbrief",
            intro="Eens per maand het belangrijkste uit het netwerk.",
        ),
    )


def sent_issue(archive, title, audience, days_ago=1):
    """A published issue whose sending started `days_ago` days ago: only
    those are listed in the archive."""
    issue = publish(
        archive,
        NewsletterIssue(
            title=title,
            slug=title.lower().replace(" ", "-"),
            audience=audience,
            intro="Het nieuws van de maand.",
            body=[
                (
                    "text",
                    RichText(
                        "<h2>Uit het netwerk</h2><p>Beste lezer, dit deden de "
                        "scholen deze maand.</p><ul><li>Een studiedag</li>"
                        "<li>Een nieuwe handreiking</li></ul>"
                    ),
                )
            ],
        ),
    )
    started = timezone.now() - datetime.timedelta(days=days_ago)
    NewsletterIssue.objects.filter(pk=issue.pk).update(sending_started_at=started)
    issue.refresh_from_db()
    return issue


def tab_to(page, target, most=60) -> None:
    """Press Tab until `target` has the focus, as someone without a mouse
    would; fail when it is not among the next `most` stops."""
    for _ in range(most):
        page.keyboard.press("Tab")
        if target.evaluate("element => element === document.activeElement"):
            return
    pytest.fail(f"{target} is not reached with Tab")


def test_the_archive_and_an_issue_pass_axe_and_hide_the_members_issue(
    page, archive, serious_violations
):
    public = sent_issue(archive, PUBLIC_TITLE, "openbaar", days_ago=2)
    members = sent_issue(archive, MEMBERS_TITLE, "leden", days_ago=1)

    assert page.goto("/nieuwsbrief/").status == 200
    expect(page.locator("h1")).to_have_text("Nieuwsbrief")
    issues = page.get_by_role("region", name="Eerdere nieuwsbrieven")
    expect(issues.get_by_role("link", name=PUBLIC_TITLE)).to_be_visible()
    # The list is named only for a members' issue; every issue a visitor sees is public.
    expect(issues).not_to_contain_text("Ledennieuwsbrief")
    # A visitor does not see that a members' issue exists.
    expect(page.get_by_text(MEMBERS_TITLE)).to_have_count(0)
    assert MEMBERS_TITLE not in page.content()
    expect(page.get_by_label("Uw e-mailadres")).to_be_visible()
    assert serious_violations(page) == []

    issues.get_by_role("link", name=PUBLIC_TITLE).focus()
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text(PUBLIC_TITLE)
    assert page.url.endswith(public.url)
    expect(page.locator("article")).to_contain_text("Beste lezer")
    expect(
        page.get_by_role("link", name="Alle nieuwsbrieven, en aanmelden")
    ).to_be_visible()
    assert serious_violations(page) == []

    assert page.goto(members.url).status == 404


def test_a_visitor_subscribes_by_keyboard_alone(page, archive, serious_violations):
    page.goto("/nieuwsbrief/")
    email = page.get_by_label("Uw e-mailadres")
    tab_to(page, email)
    page.keyboard.type(READER)
    page.keyboard.press("Enter")

    expect(page.locator("h1")).to_have_text("Kijk in uw mailbox")
    expect(page.locator("main")).to_contain_text(READER)
    assert serious_violations(page) == []
    assert not Subscriber.objects.exists(), "nothing kept before confirming"

    # The e-mail with the link is sent by the server, which runs in a process of
    # its own (tests.daphne): its locmem outbox is not this process's
    # mail.outbox, and no browser test has a way to read it. So the link is
    # made here as send_confirmation makes it; tests/site/test_newsletter.py
    # reads the real e-mail.
    page.goto(f"/nieuwsbrief/bevestigen/{confirm_token(READER, 'nl')}/")
    expect(page.locator("h1")).to_have_text("Bevestig uw aanmelding")
    expect(page.locator("main")).to_contain_text(
        f"De nieuwsbrief sturen naar {READER}?"
    )
    assert serious_violations(page) == []
    assert not Subscriber.objects.exists(), "opening the link is not consent"

    tab_to(page, page.get_by_role("button", name="Ja, meld mij aan"))
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Aangemeld")
    expect(page.locator("main")).to_contain_text(f"{READER} ontvangt vanaf nu")
    assert serious_violations(page) == []
    subscriber = Subscriber.objects.get()
    assert subscriber.email == READER and subscriber.language == "nl"
    assert subscriber.confirmed_at and subscriber.unsubscribed_at is None


def test_a_wrong_address_is_named_at_its_field_and_kept(
    page, archive, serious_violations
):
    page.goto("/nieuwsbrief/")
    page.get_by_label("Uw e-mailadres").fill("geen-adres")
    page.get_by_role("button", name="Aanmelden", exact=True).click()

    expect(page.locator("h1")).to_have_text("Aanmelden voor de nieuwsbrief")
    expect(page.locator(".error-summary")).to_be_visible()
    expect(page.get_by_role("alert")).to_contain_text("Wat u typte is bewaard.")
    email = page.get_by_label("Uw e-mailadres")
    expect(email).to_have_attribute("aria-invalid", "true")
    expect(email).to_have_value("geen-adres")
    # The field's own message, tied to it for a screen reader.
    error = page.locator("#id_email_error")
    expect(error).to_be_visible()
    expect(error).to_have_text("Voer een geldig e-mailadres in.")
    expect(email).to_have_accessible_description(
        re.compile(r"Voer een geldig e-mailadres in\.")
    )
    assert serious_violations(page) == []
    assert not Subscriber.objects.exists()


def test_unsubscribing_with_one_click_and_a_broken_link(
    page, archive, serious_violations
):
    Subscriber.objects.create(email=READER, confirmed_at=timezone.now())
    token = unsubscribe_token(READER, "openbaar")

    assert page.goto(f"/nieuwsbrief/afmelden/{token}/").status == 200
    expect(page.locator("h1")).to_have_text("Afmelden")
    expect(page.locator("main")).to_contain_text(
        f"De nieuwsbrief niet meer sturen naar {READER}?"
    )
    assert serious_violations(page) == []
    assert Subscriber.objects.get().unsubscribed_at is None, "a visit changes nothing"

    button = page.locator("main").get_by_role("button", name="Afmelden", exact=True)
    button.focus()
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Afgemeld")
    expect(page.locator("main")).to_contain_text(
        f"{READER} ontvangt vanaf nu geen nieuwsbrief meer van ons."
    )
    assert serious_violations(page) == []
    assert Subscriber.objects.get().unsubscribed_at is not None

    # A link that lost its end on the way, as a mail program may do.
    assert page.goto(f"/nieuwsbrief/afmelden/{token[:-3]}abc/").status == 400
    expect(page.locator("h1")).to_have_text("Deze link werkt niet")
    expect(
        page.get_by_role("link", name="Naar de pagina van de nieuwsbrief")
    ).to_be_visible()
    assert serious_violations(page) == []
