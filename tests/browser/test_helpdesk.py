"""The private helpdesk in a real Chromium: asking by keyboard alone from the
account page, the answers that may help appearing as one types the subject,
an empty question saying what is missing, and a case with an adviser's answer
and an internal note as the member sees it, each checked by axe-core."""

import re

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from association import helpdesk
from association.models import (
    ADVISERS_GROUP,
    Case,
    CaseMessageKind,
    CaseStatus,
    SignalTheme,
)
from network.models import Affiliation, Profile
from tests import factories
from tests.browser.conftest import off_the_event_loop, verified_user
from tests.conftest import ensure_migration_rows

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SUBJECT = "Geschil met het samenwerkingsverband over een TLV"
QUESTION = "Het SWV weigert een TLV voor een leerling met een ernstige TOS."
ARTICLE = "Een TLV aanvragen bij het samenwerkingsverband"
ANSWER = "Dien binnen zes weken bezwaar in bij het samenwerkingsverband."
NOTE = "Intern: eerst de voorzitter van dit SWV bellen."


@pytest.fixture
def member(home, django_user_model):
    """Staff of a member school, who may ask the helpdesk."""
    school = factories.make_school("De Burcht", "12AB", clusters=(4,))
    user = verified_user(django_user_model, "rianne", "rianne@burcht.example.nl")
    Affiliation.objects.create(
        profile=Profile.objects.create(user=user, name="Rianne Melder"), school=school
    )
    return user


@pytest.fixture
def adviser(home, django_user_model):
    ensure_migration_rows()  # the transactional flush took the group with it
    user = verified_user(
        django_user_model,
        "adviseur",
        "ada@vereniging.example.nl",
        first_name="Ada",
        last_name="Adviseur",
        is_staff=True,
    )
    user.groups.add(Group.objects.get(name=ADVISERS_GROUP))
    return user


def tab_to(page, target, most=15) -> None:
    """Press Tab until `target` has the focus, as someone without a mouse
    would; fail when it is not among the next `most` stops."""
    for _ in range(most):
        page.keyboard.press("Tab")
        if target.evaluate("element => element === document.activeElement"):
            return
    pytest.fail(f"{target} is not reached with Tab")


def test_a_member_asks_the_helpdesk_by_keyboard(
    page, member, log_in, serious_violations
):
    log_in(page, member.email)
    page.goto("/account/")
    page.get_by_role("link", name="Vraag het de helpdesk", exact=True).focus()
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Vraag het de helpdesk")
    assert serious_violations(page) == []

    subject = page.get_by_label("Onderwerp")
    subject.focus()
    page.keyboard.type(SUBJECT)
    # Into the themes (none chosen yet: Tab stops at the first), then with the
    # arrow keys to the third.
    page.keyboard.press("Tab")
    first = page.get_by_role("radio", name="Samenwerkingsverband en toelating")
    expect(first).to_be_focused()
    page.keyboard.press("Space")
    expect(first).to_be_checked()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    transport = page.get_by_role("radio", name="Leerlingenvervoer")
    expect(transport).to_be_focused()
    expect(transport).to_be_checked()
    page.keyboard.press("Tab")
    expect(page.get_by_label("Uw vraag")).to_be_focused()
    page.keyboard.type(QUESTION)
    send = page.get_by_role("button", name="Mijn vraag versturen")
    tab_to(page, send)
    page.keyboard.press("Enter")

    expect(page.locator("h1")).to_have_text(re.compile(r"^#\d+ "))
    case = Case.objects.get()
    expect(page.locator("h1")).to_have_text(f"#{case.pk} {SUBJECT}")
    assert case.asker == member
    assert case.theme == SignalTheme.objects.get(slug="leerlingenvervoer")
    assert (case.subject, case.question) == (SUBJECT, QUESTION)
    assert case.status == CaseStatus.NEW and not case.share_with_coordinator
    expect(page.locator(".messages")).to_contain_text(f"Uw vraag #{case.pk} is bij")
    assert serious_violations(page) == []

    page.get_by_role("link", name="Mijn vragen aan de helpdesk").first.focus()
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Mijn vragen aan de helpdesk")
    expect(page.get_by_role("link", name=f"#{case.pk} {SUBJECT}")).to_be_visible()
    expect(page.get_by_role("cell", name="Leerlingenvervoer")).to_be_visible()
    assert serious_violations(page) == []


def test_answers_that_may_help_appear_as_the_member_types(
    page, member, make_article, log_in, serious_violations
):
    article = make_article(ARTICLE)
    assert article.live
    log_in(page, member.email)
    page.goto("/helpdesk/nieuw/")
    suggestions = page.get_by_role("region", name="Misschien staat uw antwoord hier al")
    expect(suggestions).to_be_hidden()

    page.get_by_label("Onderwerp").press_sequentially("TLV aanvragen", delay=30)
    expect(suggestions).to_be_visible(timeout=15000)
    link = suggestions.get_by_role("link", name=ARTICLE)
    expect(link).to_be_visible()
    expect(link).to_have_attribute("href", re.compile(re.escape(article.url) + "$"))
    # In a new tab, so what the member typed stays here.
    expect(link).to_have_attribute("target", "_blank")
    expect(suggestions).to_contain_text("Kennisbank")
    # Said once, politely, for a screen reader: how many there are.
    expect(page.get_by_role("status").filter(has_text="kan helpen")).to_have_text(
        re.compile(r"^1 antwoord dat kan helpen")
    )
    assert serious_violations(page) == []

    # Words that match nothing take the suggestions away again.
    page.get_by_label("Onderwerp").fill("")
    page.get_by_label("Onderwerp").press_sequentially("Xylofoonles", delay=30)
    expect(suggestions).to_be_hidden(timeout=15000)


def test_an_empty_question_says_what_is_missing(
    page, member, log_in, serious_violations
):
    log_in(page, member.email)
    page.goto("/helpdesk/nieuw/")
    page.get_by_role("button", name="Mijn vraag versturen").click()
    expect(page.locator(".error-summary")).to_be_visible()
    for label in ("Onderwerp", "Uw vraag"):
        expect(page.get_by_label(label)).to_have_attribute("aria-invalid", "true")
    assert not Case.objects.exists()
    assert serious_violations(page) == []


@pytest.fixture
def answered(member, adviser):
    """The member's question with an answer and an internal note on it."""
    theme = SignalTheme.objects.get(slug="samenwerkingsverband-toelating")
    case = off_the_event_loop(
        helpdesk.ask, member, subject=SUBJECT, question=QUESTION, theme=theme
    )
    off_the_event_loop(
        helpdesk.adviser_writes, case, adviser, CaseMessageKind.REPLY, ANSWER
    )
    off_the_event_loop(
        helpdesk.adviser_writes, case, adviser, CaseMessageKind.NOTE, NOTE
    )
    case.refresh_from_db()
    assert case.status == CaseStatus.ANSWERED
    return case


def test_the_member_reads_the_answer_not_the_note_and_adds_by_keyboard(
    page, member, answered, log_in, serious_violations
):
    log_in(page, member.email)
    page.goto("/helpdesk/")
    page.get_by_role("link", name=f"#{answered.pk} {SUBJECT}").focus()
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text(f"#{answered.pk} {SUBJECT}")
    messages = page.locator(".message-list")
    expect(messages).to_contain_text(ANSWER)
    expect(messages).to_contain_text("De vereniging")
    expect(page.get_by_text(NOTE)).to_have_count(0)
    assert NOTE not in page.content()
    assert serious_violations(page) == []

    addition = "De leerling zit inmiddels drie weken thuis."
    form = page.get_by_role("form", name="Vul uw vraag aan")
    box = form.get_by_label("Uw aanvulling")
    tab_to(page, box, most=40)
    page.keyboard.type(addition)
    tab_to(page, form.get_by_role("button", name="Versturen"))
    page.keyboard.press("Enter")

    expect(page.get_by_text("Uw aanvulling is bij de adviseurs.")).to_be_visible()
    expect(messages.locator("li").last).to_contain_text(addition)
    expect(messages.locator("li").last).to_contain_text("U,")
    assert NOTE not in page.content()
    assert serious_violations(page) == []
    added = answered.messages.get(kind=CaseMessageKind.FROM_MEMBER)
    assert added.text == addition and added.author == member
    answered.refresh_from_db()
    assert answered.status == CaseStatus.ASSIGNED, "back with the adviser"


def test_a_question_and_answer_in_the_knowledge_base_passes_axe(
    page, knowledge_index, serious_violations
):
    from lecso_site.models import KnowledgeQuestion
    from lecso_site.models.knowledge import Audience
    from tests.conftest import body, publish

    ensure_migration_rows()
    article = publish(
        knowledge_index,
        KnowledgeQuestion(
            title="Een zij-instromer voor de klas in het SO",
            intro="Kan een leerkracht zonder bevoegdheid beginnen?",
            question="Wij willen een ervaren jeugdzorgmedewerker aannemen.\n\nKan dat?",
            theme=SignalTheme.objects.get(slug="personeelstekort"),
            audience=Audience.SO,
            body=body("Dat kan als zij-instromer, na een geschiktheidsonderzoek."),
        ),
    )
    assert page.goto(article.url).status == 200
    expect(page.get_by_role("heading", name="De vraag")).to_be_visible()
    expect(page.get_by_role("heading", name="Het antwoord")).to_be_visible()
    expect(page.locator("blockquote")).to_contain_text("jeugdzorgmedewerker")
    assert serious_violations(page) == []
