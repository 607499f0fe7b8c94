"""Demo helpdesk questions for `seed_demo`: one in every status, asked by
demo members (after seed_network), answered by a demo policy adviser, and one
answer that became a published question-and-answer article in the knowledge
base. Written as rows, not through the services, so seeding sends no e-mail."""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from association.helpdesk import anonymised_words
from association.models import (
    ADVISERS_GROUP,
    Case,
    CaseMessage,
    CaseMessageKind,
    CaseStatus,
    SignalTheme,
)
from lecso_site.knowledge_drafts import answer_html, draft_question
from network.models import Profile

ADVISER = ("adviseur", "adviseur@example.org", "Anouk", "de Wit")

# school BRIN, theme slug, subject, question, status, shared with the
# coordinator, days ago, then (kind, text) messages in order
CASES = [
    (
        "14EF",
        "leerlingenvervoer",
        "Vervoer na verhuizing naar een andere gemeente",
        "Een leerling verhuist in de kerstvakantie naar de buurgemeente. De nieuwe "
        "gemeente zegt dat de aanvraag voor vervoer zes weken duurt. Moet de oude "
        "gemeente tot dan blijven rijden?",
        CaseStatus.NEW,
        False,
        1,
        [],
    ),
    (
        "12AB",
        "samenwerkingsverband-toelating",
        "Samenwerkingsverband wil de TLV niet verlengen",
        "Ons samenwerkingsverband wil de TLV van een leerling in groep 7 niet "
        "verlengen, omdat hij 'vooruitgaat'. Die vooruitgang komt juist door de "
        "kleine groep. Welke ruimte hebben wij om bezwaar te maken?",
        CaseStatus.ASSIGNED,
        True,
        3,
        [
            (
                CaseMessageKind.NOTE,
                "Eerst navragen welke criteria dit SWV in het "
                "ondersteuningsplan hanteert voor verlenging.",
            ),
        ],
    ),
    (
        "22UV",
        "bekostiging",
        "Groeibekostiging na 1 oktober",
        "Sinds 1 oktober zijn er bij ons veel leerlingen bijgekomen. Hoe werkt de "
        "groeiregeling, en wat moeten wij daarvoor doen?",
        CaseStatus.WAITING,
        False,
        6,
        [
            (
                CaseMessageKind.ASK_MORE,
                "Gaat het om SO of VSO, en om hoeveel "
                "leerlingen sinds 1 oktober? Dan kunnen we het precies uitrekenen.",
            ),
        ],
    ),
    (
        "19QR",
        "wetgeving-inspectie",
        "Minder uren naar school voor één leerling",
        "Een leerling kan na een lange opname nog geen hele schooldag aan. Mogen "
        "wij hem tijdelijk minder uren onderwijs geven, en wat moeten we daarvoor "
        "regelen?",
        CaseStatus.ANSWERED,
        False,
        9,
        [
            (
                CaseMessageKind.REPLY,
                "Ja, tijdelijk en met een plan. Leg in het OPP "
                "vast waarom, hoeveel uur en hoe u naar een volledig rooster "
                "toewerkt, bespreek het met ouders en de leerplichtambtenaar, en "
                "evalueer het op vaste momenten. Bij een langere periode vraagt u de "
                "inspectie om afwijking van de onderwijstijd.",
            ),
        ],
    ),
    (
        "18NP",
        "personeelstekort",
        "Een zij-instromer voor de klas in het SO",
        "Wij willen een ervaren jeugdzorgmedewerker als leerkracht aannemen. Zij "
        "heeft geen lesbevoegdheid. Kan dat, en hoe lang mag ze lesgeven zonder?",
        CaseStatus.CLOSED,
        False,
        30,
        [
            (
                CaseMessageKind.REPLY,
                "Dat kan als zij-instromer. Na een "
                "geschiktheidsonderzoek mag zij maximaal twee jaar lesgeven terwijl "
                "zij haar bevoegdheid haalt, met een begeleidingsplan van de school. "
                "Voor die twee jaar is er een subsidie zij-instroom. Zorg dat een "
                "bevoegde collega haar begeleidt en dat het traject in het "
                "personeelsdossier staat.",
            ),
            (
                CaseMessageKind.FROM_MEMBER,
                "Dank u, dit helpt. We starten het geschiktheidsonderzoek.",
            ),
        ],
    ),
]
# A second question the first asker sent by mistake, merged into the first.
DUPLICATE = (
    "Vervoer na verhuizing",
    "Nog even dezelfde vraag: de leerling "
    "verhuist na de kerstvakantie. Wie regelt het vervoer?",
)
PUBLISHED = "Een zij-instromer voor de klas in het SO"


def _adviser():
    first, last = ADVISER[2], ADVISER[3]
    user, created = get_user_model().objects.get_or_create(
        username=ADVISER[0],
        defaults={
            "email": ADVISER[1],
            "first_name": first,
            "last_name": last,
            "is_staff": True,
        },
    )
    if created:
        user.set_unusable_password()
        user.save()
        user.groups.add(Group.objects.get(name=ADVISERS_GROUP))
    return user


def _at(days_ago: int, hour: int = 10) -> datetime.datetime:
    moment = timezone.localtime() - datetime.timedelta(days=days_ago)
    return moment.replace(hour=hour, minute=15, second=0, microsecond=0)


@transaction.atomic
def seed_helpdesk(knowledge_index=None) -> int:
    if Case.objects.exists():
        return 0
    adviser = _adviser()
    themes = {theme.slug: theme for theme in SignalTheme.objects.all()}
    made = {}
    for row in CASES:
        brin, theme, subject, question, status, shared, days, messages = row
        asker = (
            Profile.objects.filter(affiliations__school__brin=brin)
            .select_related("user")
            .order_by("pk")
            .first()
        )
        school = asker.affiliations.get(school__brin=brin).school
        case = Case.objects.create(
            asker=asker.user,
            school=school,
            theme=themes[theme],
            subject=subject,
            question=question,
            status=status,
            share_with_coordinator=shared,
            assignee=None if status == CaseStatus.NEW else adviser,
            awaiting_reply_since=(
                _at(days) if status in (CaseStatus.NEW, CaseStatus.ASSIGNED) else None
            ),
            closed_at=_at(days - 5) if status == CaseStatus.CLOSED else None,
        )
        Case.objects.filter(pk=case.pk).update(created_at=_at(days, 9))
        for hours, (kind, text) in enumerate(messages, start=1):
            message = CaseMessage.objects.create(
                case=case,
                kind=kind,
                text=text,
                author=asker.user if kind == CaseMessageKind.FROM_MEMBER else adviser,
            )
            CaseMessage.objects.filter(pk=message.pk).update(
                created_at=_at(days - 1, 9 + 2 * hours)
            )
        made[subject] = case
    first = made[CASES[0][2]]
    subject, question = DUPLICATE
    duplicate = Case.objects.create(
        asker=first.asker,
        school=first.school,
        theme=first.theme,
        subject=subject,
        question=question,
        status=CaseStatus.CLOSED,
        merged_into=first,
        closed_at=_at(0, 8),
    )
    CaseMessage.objects.create(
        case=first,
        kind=CaseMessageKind.FROM_MEMBER,
        text=f"{subject}\n\n{question}",
        author=first.asker,
    )
    if knowledge_index is not None:
        _publish_as_knowledge(made[PUBLISHED], knowledge_index, adviser)
    return len(made) + 1 if duplicate else len(made)


def _publish_as_knowledge(case, knowledge_index, adviser) -> None:
    """The closed question's answer, as the adviser's button makes it, then
    published by the editors."""
    subject, question, answer = anonymised_words(case)
    article = draft_question(
        knowledge_index,
        adviser,
        title=subject,
        question=question,
        answer_html=answer_html(answer),
        source_url="",
        source_label="",
        theme=case.theme,
        audience=case.school.school_type or None,
    )
    Case.objects.filter(pk=case.pk).update(article=article)
    article.get_latest_revision().publish()
