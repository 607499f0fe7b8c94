"""Demo signals for `seed_demo`: a dozen bottlenecks demo members reported,
over several themes and provinces, some answered, and one published dossier
(after seed_network, whose members report them)."""

import datetime

from django.db import transaction
from django.utils import timezone

from association.models import (
    Dossier,
    MessageKind,
    Signal,
    SignalMessage,
    SignalStatus,
    SignalTheme,
)
from network.models import Profile

# school BRIN, theme slug, since, what, effect, samenwerkingsverband, status,
# in the dossier, an adviser's reply
SIGNALS = [
    ("12AB", "samenwerkingsverband-toelating", "schooljaar",
     "Toelaatbaarheidsverklaringen voor VSO duren bij ons samenwerkingsverband "
     "gemiddeld elf weken in plaats van zes.",
     "Leerlingen wachten thuis of op een plek die niet past.",
     "SWV Utrecht Stad", SignalStatus.RAISED, True,
     "Dank u. We herkennen dit uit meer regio's en bespreken het met de PO-Raad."),
    ("22UV", "samenwerkingsverband-toelating", "langer",
     "Het samenwerkingsverband vraagt bij elke verlenging van een TLV een nieuw "
     "volledig dossier, ook als er niets veranderde.",
     "Intern begeleiders zijn weken bezig met papier in plaats van met leerlingen.",
     "SWV IJssel-Vecht", SignalStatus.RAISED, True, ""),
    ("19QR", "samenwerkingsverband-toelating", "schooljaar",
     "Een thuiszitter krijgt pas een TLV als hij eerst op een reguliere school "
     "ingeschreven staat.",
     "Leerlingen zitten maanden thuis zonder onderwijs.",
     "SWV Friesland", SignalStatus.LOOKING, True, ""),
    ("14EF", "leerlingenvervoer", "recent",
     "De gemeente heeft een nieuwe vervoerder; busjes komen structureel een half "
     "uur te laat.",
     "Leerlingen missen het begin van de dag en komen onrustig binnen.",
     "", SignalStatus.NEW, False, ""),
    ("18NP", "leerlingenvervoer", "schooljaar",
     "Leerlingen met een rolstoel zitten tot anderhalf uur in het busje.",
     "Vermoeide leerlingen, en ouders die overwegen hun kind thuis te houden.",
     "SWV Heuvelland", SignalStatus.LOOKING, False,
     "Kunt u aangeven of dit voor meer leerlingen geldt?"),
    ("17LM", "jeugdhulp-zorg", "langer",
     "De wachtlijst voor de jeugd-GGZ is meer dan een jaar; de zorg in school "
     "stopt per 1 januari.",
     "Leerlingen met ernstige gedragsproblemen krijgen geen behandeling.",
     "SWV Amsterdam-Diemen", SignalStatus.RAISED, False, ""),
    ("13CD", "jeugdhulp-zorg", "schooljaar",
     "Logopedie onder schooltijd wordt niet meer vergoed als de school die "
     "organiseert.",
     "Leerlingen met TOS missen behandeling of lestijd.",
     "", SignalStatus.NEW, False, ""),
    ("21ST", "personeelstekort", "schooljaar",
     "Twee groepen zitten sinds de herfstvakantie zonder vaste leerkracht.",
     "Wisselende invallers; leerlingen met autisme raken van slag.",
     "", SignalStatus.LOOKING, False, ""),
    ("23WX", "personeelstekort", "recent",
     "Er zijn geen gebarentolken meer beschikbaar voor de bovenbouw.",
     "Dove leerlingen volgen de les zonder tolk.",
     "SWV Almere", SignalStatus.NEW, False, ""),
    ("16JK", "bekostiging", "langer",
     "De ondersteuningsbekostiging voor cluster 1 houdt geen rekening met dure "
     "hulpmiddelen.",
     "Leerlingen wachten op vergrotingsapparatuur.",
     "", SignalStatus.CLOSED, False,
     "Dit hebben we meegenomen in onze reactie op de bekostigingsherziening."),
    ("15GH", "wetgeving-inspectie", "schooljaar",
     "De inspectie vraagt een OPP-format dat niet past bij leerlingen met "
     "meervoudige beperkingen.",
     "Veel tijd voor documenten die niets zeggen over het kind.",
     "", SignalStatus.NEW, False, ""),
    ("24YZ", "anders", "recent",
     "Stagebedrijven haken af omdat de begeleiding vanuit de gemeente stopt.",
     "Leerlingen in het arbeidsmarktgerichte profiel vinden geen stageplek.",
     "SWV Walcheren", SignalStatus.NEW, False, ""),
]  # fmt: skip

DOSSIER = (
    "Wachten op een toelaatbaarheidsverklaring",
    "wachten-op-een-tlv",
    "Scholen in het hele land meldden dat een toelaatbaarheidsverklaring "
    "(TLV) te lang duurt, dat verlengingen onnodig veel papier vragen, en dat "
    "thuiszitters eerst ingeschreven moeten zijn op een reguliere school.\n\n"
    "**Wat we deden**: we brachten de signalen in bij de PO-Raad en de "
    "VO-raad, en vroegen het ministerie om een maximale doorlooptijd in de "
    "wet. In het voorjaar volgt een gesprek met de samenwerkingsverbanden "
    "die het snelst werken, om hun aanpak te delen.",
)


@transaction.atomic
def seed_signals() -> int:
    if Signal.objects.exists():
        return 0
    themes = {theme.slug: theme for theme in SignalTheme.objects.all()}
    title, slug, summary = DOSSIER
    dossier = Dossier.objects.create(
        title=title,
        slug=slug,
        summary=summary,
        published_at=timezone.now() - datetime.timedelta(days=10),
    )
    for days, row in enumerate(SIGNALS):
        brin, theme, since, what, effect, alliance, status, in_dossier, reply = row
        reporter = (
            Profile.objects.filter(affiliations__school__brin=brin)
            .select_related("user")
            .order_by("pk")
            .first()
        )
        school = reporter.affiliations.get(school__brin=brin).school
        signal = Signal.objects.create(
            reporter=reporter.user,
            school=school,
            province=school.province,
            school_type=school.school_type,
            theme=themes[theme],
            what=what,
            since=since,
            effect=effect,
            alliance=alliance,
            may_name_school=days % 3 == 0,
            status=status,
            dossier=dossier if in_dossier else None,
        )
        Signal.objects.filter(pk=signal.pk).update(
            created_at=timezone.now() - datetime.timedelta(days=3 * days + 1)
        )
        signal.clusters.set(school.clusters.all())
        if reply:
            kind = MessageKind.ASK_MORE if reply.endswith("?") else MessageKind.REPLY
            SignalMessage.objects.create(signal=signal, kind=kind, text=reply)
        if status != SignalStatus.NEW:
            SignalMessage.objects.create(
                signal=signal,
                kind=MessageKind.NOTE,
                text="Past bij wat we uit andere regio's horen; meenemen in het "
                "overleg van volgende maand.",
            )
    return len(SIGNALS)


OPEN_CONSULTATION = {
    "title": "Concept-standpunt: thuiszitters en de toelaatbaarheidsverklaring",
    "slug": "standpunt-thuiszitters-tlv",
    "intro": "Het bestuur wil het ministerie vragen om een **maximale doorlooptijd** "
    "van zes weken voor een toelaatbaarheidsverklaring, en om toelating zonder "
    "eerst een inschrijving op een reguliere school voor leerlingen die thuis "
    "zitten. Wij horen graag of u dit standpunt steunt, en wat u eraan zou "
    "toevoegen.",
    "questions": [
        ("Steunt u dit standpunt?", "een", "Ja\nJa, met aanvullingen\nNee\nWeet niet"),
        (
            "Waar loopt u tegenaan bij een TLV?",
            "meer",
            "Doorlooptijd\nPapierwerk bij verlenging\nOnduidelijke criteria\n"
            "Inschrijving eerst elders",
        ),
        ("Hoe belangrijk is dit voor uw school?", "schaal", ""),
        ("Wat wilt u het bestuur meegeven?", "open", ""),
    ],
}
CLOSED_CONSULTATION = {
    "title": "Jaarthema 2027: waar moet de vereniging op inzetten?",
    "slug": "jaarthema-2027",
    "intro": "We vroegen leden welk thema de vereniging in 2027 voorop zet.",
    "questions": [
        (
            "Welk thema moet voorop?",
            "een",
            "Personeelstekort\nJeugdhulp in school\nLeerlingenvervoer\nBekostiging",
        ),
        ("Toelichting", "open", ""),
    ],
}
CLOSED_ANSWERS = [
    "Personeelstekort",
    "Personeelstekort",
    "Jeugdhulp in school",
    "Personeelstekort",
    "Bekostiging",
    "Jeugdhulp in school",
]
CLOSED_REASONS = [
    "Zonder leerkrachten geen onderwijs.",
    "De wachtlijsten in de jeugdzorg raken onze leerlingen elke dag.",
    "",
    "Twee groepen draaien nu op invallers; dat houdt geen jaar vol.",
    "Zorg en onderwijs moeten onder één dak, anders haken ouders af.",
    "",
    "Het vervoer bepaalt hoe de dag begint, en dat gaat nu vaak mis.",
    "De bekostiging houdt geen rekening met dure hulpmiddelen.",
    "",
    "Zij-instromers goed begeleiden kost tijd die we niet hebben.",
    "Gemeenten schuiven de zorg in school naar ons door.",
]


@transaction.atomic
def seed_consultations() -> int:
    """One open consultation with every kind of question, and one closed one
    with answers from thirty demo members and results for members."""
    from association.models import Answer, Consultation, Question, Response

    if Consultation.objects.exists():
        return 0
    now = timezone.now()
    made = []
    day = datetime.timedelta(days=1)
    for data, opens, closes in (
        (OPEN_CONSULTATION, now - 3 * day, now + 14 * day),
        (CLOSED_CONSULTATION, now - 40 * day, now - 10 * day),
    ):
        consultation = Consultation.objects.create(
            title=data["title"],
            slug=data["slug"],
            intro=data["intro"],
            opens_at=opens,
            closes_at=closes,
        )
        for order, (text, kind, choices) in enumerate(data["questions"]):
            Question.objects.create(
                consultation=consultation,
                text=text,
                kind=kind,
                choices=choices,
                scale_low="niet belangrijk" if kind == "schaal" else "",
                scale_high="heel belangrijk" if kind == "schaal" else "",
                required=kind != "open",
                sort_order=order,
            )
        made.append(consultation)
    closed = made[1]
    choice, reason = closed.questions.all()
    # Those who answered: members past the first of each school, so that
    # every school's first person (who tries the demo's forms) still can.
    members = Profile.objects.filter(schools__board__is_member=True).order_by("pk")
    for number, profile in enumerate(members[20:50]):
        response = Response.objects.create(consultation=closed, user=profile.user)
        Answer.objects.create(
            response=response,
            question=choice,
            value=CLOSED_ANSWERS[number % len(CLOSED_ANSWERS)],
        )
        text = CLOSED_REASONS[number % len(CLOSED_REASONS)]
        if text:
            Answer.objects.create(response=response, question=reason, value=text)
    return len(made)
