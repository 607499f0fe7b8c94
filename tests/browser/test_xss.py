"""Cross-site scripting, counted in a real Chromium: 320 payloads (tests/
xss_payloads.py) go into everything people write that others read (thread
titles and posts, profile names, roles and bios, questions to an expert,
answers to an event's questions, visitors' names, search terms), and every page
that shows them is opened. Each payload calls __x(n) if it runs; the test also
counts markup that would run on a click or a focus (event-handler attributes,
javascript: links) and any Content-Security-Policy violation, which would mean
an injection reached the page and only the policy stopped it.
"""

import datetime
import urllib.parse

import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone

from events.models import EventIndexPage, EventOrganiser, EventPage, EventQuestion
from forums import services
from forums.models import Category
from network.contact import ask_expert
from network.models import Affiliation, Board, Profile, School
from tests.browser.conftest import PASSWORD, off_the_event_loop
from tests.xss_payloads import packed, payloads

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True),
]

PAYLOADS = payloads()

WATCH = """
window.__x = (n) => window.__xssRan(String(n));
window.alert = window.confirm = window.prompt = () => window.__xssRan("dialog");
document.addEventListener("securitypolicyviolation", (event) => {
    window.__cspBlocked(`${event.violatedDirective} ${event.blockedURI || "inline"}`);
}, true);
"""

# Markup that would run on a click, a hover or a focus, inside what the site
# shows of people's writing (the page's own markup has none: the CSP test).
ARMED = """
() => [...document.querySelectorAll("main *")].flatMap((el) => {
    const found = [];
    const tag = el.tagName;
    for (const attribute of el.attributes) {
        if (attribute.name.startsWith("on")) found.push(`${tag}[${attribute.name}]`);
    }
    for (const name of ["href", "src", "action", "formaction", "data"]) {
        const value = el.getAttribute(name) || "";
        if (/^\\s*(javascript|data|vbscript):/i.test(value)) {
            found.push(`${tag}[${name}]`);
        }
    }
    const embeds = ["IFRAME", "OBJECT", "EMBED", "BASE"];
    if (embeds.includes(tag) || (tag === "SCRIPT" && !el.src)) found.push(tag);
    return found;
})
"""


def _build(home, users):
    board = Board.objects.create(name="Stichting Kans", number="41001", is_member=True)
    school = School.objects.create(name="De Burcht", brin="12AB", board=board)
    made = {}
    for key, name in [
        ("reader", "Rita Lezer"),
        ("expert", "Petra Expert"),
        ("organiser", "Olga Org"),
    ]:
        user = users.create_user(
            username=key, email=f"{key}@deburcht.nl", password=PASSWORD
        )
        from allauth.account.models import EmailAddress

        EmailAddress.objects.create(
            user=user, email=user.email, verified=True, primary=True
        )
        profile = Profile.objects.create(
            user=user, name=name, visibility="public", open_for_questions=True
        )
        Affiliation.objects.create(profile=profile, school=school)
        made[key] = user
    # A moderator writes, so no posting limit stops the payloads.
    made["reader"].user_permissions.add(Permission.objects.get(codename="moderate"))
    writer = users.get(pk=made["reader"].pk)

    category = Category.objects.create(
        name="Open vragen", slug="open", visible_to_visitors=True
    )
    threads = []
    for payload in [p for p in PAYLOADS if len(p) <= 150][:60]:
        threads.append(
            services.start_thread(
                writer, category, title=payload, body="klik hier", not_a_bsn=True
            )
        )
    long_thread = services.start_thread(
        writer, category, title="Alle pogingen", body="klik hier", not_a_bsn=True
    )
    for text in packed(PAYLOADS, 19000):
        services.reply(writer, long_thread, body=text, not_a_bsn=True)

    profiles = []
    for index, bio in enumerate(packed(PAYLOADS, 4000)):
        user = users.create_user(username=f"p{index}", email=f"p{index}@deburcht.nl")
        profile = Profile.objects.create(
            user=user,
            name=PAYLOADS[index][:150],
            job_title=PAYLOADS[-index - 1][:150],
            bio=bio,
            visibility="public",
        )
        Affiliation.objects.create(profile=profile, school=school)
        profile.topics.set([PAYLOADS[index][:100]])
        profiles.append(profile)

    expert = made["expert"].profile
    for index, message in enumerate(packed(PAYLOADS, 4000)):
        ask_expert(
            expert,
            user=users.get(pk=made["organiser"].pk),
            subject=PAYLOADS[index][:150],
            message=message,
            organisation=PAYLOADS[index][:200],
        )

    agenda = EventIndexPage(title="Agenda", slug="agenda")
    home.add_child(instance=agenda)
    start = timezone.now() + datetime.timedelta(days=7)
    event = EventPage(
        title="Open middag",
        start=start,
        end=start + datetime.timedelta(hours=2),
        capacity=500,
        audience="open",
        venue_name="De Brug",
        venue_city="Utrecht",
    )
    event.questions.add(EventQuestion(label="Opmerkingen", kind="long_text"))
    agenda.add_child(instance=event)
    event.save_revision().publish()
    EventOrganiser.objects.create(event=event, user=made["organiser"])
    question = event.questions.get()
    from events.services import register

    for index, answer in enumerate(packed(PAYLOADS, 2000)):
        register(
            event,
            name=PAYLOADS[index][:150],
            email=f"bezoeker{index}@elders.nl",
            answers={str(question.pk): answer},
        )
    return made, threads, long_thread, profiles, event


def test_no_payload_runs_anywhere_it_is_shown(
    home, page, live_server_url, django_user_model, log_in
):
    made, threads, long_thread, profiles, event = off_the_event_loop(
        _build, home, django_user_model.objects
    )
    ran, blocked, armed = [], [], []
    page.expose_function("__xssRan", lambda n: ran.append(n))
    page.expose_function("__cspBlocked", lambda text: blocked.append(text))
    page.add_init_script(WATCH)
    page.on("dialog", lambda dialog: (ran.append("dialog"), dialog.dismiss()))

    def visit(path):
        page.goto(path)
        page.wait_for_load_state("networkidle")
        armed.extend(f"{path}: {found}" for found in page.evaluate(ARMED))

    shown = 0
    # A visitor reads the forum, the directory, the profiles and searches.
    visit("/forum/open/")
    visit("/forum/open/?pagina=2")
    shown += len(threads)
    for number in range(1, long_thread.last_page + 1):
        visit(f"{long_thread.get_absolute_url()}?pagina={number}")
    shown += len(PAYLOADS)
    visit("/deskundigen/")
    for profile in profiles:
        visit(profile.get_absolute_url())
    shown += len(PAYLOADS) + 3 * len(profiles)
    for payload in PAYLOADS[::8]:
        visit("/zoeken/?" + urllib.parse.urlencode({"q": payload}))
        visit("/deskundigen/?" + urllib.parse.urlencode({"q": payload}))
    shown += 2 * len(PAYLOADS[::8])
    for word in ("klik", "onerror", "script"):
        visit(f"/zoeken/?q={word}")
    page.goto("/forum/")
    box = page.locator("header input[type=search]")
    for payload in PAYLOADS[:40]:
        with page.expect_response(lambda r: "/zoeken/suggesties/" in r.url):
            box.fill(payload[:60])
    shown += 40

    # The expert reads the questions; the organiser the answers and names.
    log_in(page, made["expert"].email)
    visit("/meldingen/")
    visit("/account/vragen/")
    for question in made["expert"].profile.contact_requests.all():
        visit(question.get_absolute_url())
    shown += 2 * len(PAYLOADS)
    page.goto("/account/logout/")
    page.locator("main form button[type=submit]").click()
    log_in(page, made["organiser"].email)
    visit(f"/agenda/beheer/{event.pk}/")
    visit(f"/agenda/beheer/{event.pk}/inchecken/")
    shown += 2 * len(PAYLOADS)

    print(f"\n{len(PAYLOADS)} payloads, {shown} placements shown, {len(ran)} ran")
    assert not ran, f"payloads ran: {sorted(set(ran))}"
    assert not armed, "markup that would run on a click or focus:\n" + "\n".join(
        armed[:40]
    )
    assert not blocked, "injections the policy had to stop:\n" + "\n".join(blocked[:40])
