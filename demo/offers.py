"""Demo support offers for `seed_demo`: what the demo schools offer the
mainstream schools around them, in the kinds and regions real special schools
offer (after seed_network, whose schools and people they name)."""

from django.db import transaction
from django.utils.text import slugify

from network.models import (
    Cluster,
    Profile,
    RequestStatus,
    School,
    SupportNeed,
    SupportOffer,
    SupportRequest,
)

# BRIN, title, kind, support needs, clusters, SO/VSO, provinces, samenwerkingsverbanden,
# (at our school, at the asking school, online), cost, cost note, description
OFFERS = [
    (
        "12AB",
        "Meedenken over een leerling met gedragsproblemen",
        "consultatie",
        ["gedragsregulatie", "sociaal-emotioneel"],
        [4],
        "",
        "UT",
        "SWV Utrecht Stad",
        (False, True, True),
        "arrangement",
        "Binnen het arrangement van het samenwerkingsverband kosteloos.",
        "Een gedragsspecialist denkt met de intern begeleider en de leerkracht mee "
        "over een leerling die vastloopt: een gesprek, zo nodig een observatie in "
        "de klas, en concrete afspraken voor de komende weken.",
    ),
    (
        "12AB",
        "Meekijken in een prikkelarme klas",
        "bezoek",
        ["prikkelverwerking"],
        [4],
        "so",
        "UT,GE",
        "",
        (True, False, False),
        "gratis",
        "",
        "Kom een ochtend meekijken in onze SO-groep voor leerlingen met autisme: "
        "dagritme, visuele ondersteuning, werkplekken. Na afloop een gesprek met "
        "de leerkracht over wat u in uw eigen klas kunt toepassen.",
    ),
    (
        "13CD",
        "Ambulante begeleiding bij TOS",
        "ambulant",
        ["taal-en-spraak", "communicatie"],
        [2],
        "so",
        "GR,FR,DR",
        "",
        (False, True, False),
        "arrangement",
        "Via een arrangement van cluster 2.",
        "Een ambulant begeleider cluster 2 begeleidt de leerkracht van een "
        "leerling met een taalontwikkelingsstoornis: taalaanbod in de klas, "
        "instructie die aankomt, en overleg met de logopedist.",
    ),
    (
        "14EF",
        "Leskisten motoriek en zelfredzaamheid",
        "materialen",
        ["motoriek", "zelfredzaamheid"],
        [3],
        "",
        "NB",
        "SWV Midden-Brabant",
        (True, False, False),
        "gratis",
        "Uitlenen voor zes weken.",
        "Kisten met materiaal voor fijne motoriek, aankleden en dagelijkse "
        "handelingen, met een handleiding voor de leerkracht. Op te halen in "
        "Tilburg.",
    ),
    (
        "15GH",
        "Scholing: het jonge kind met een taalontwikkelingsstoornis",
        "scholing",
        ["taal-en-spraak"],
        [2],
        "so",
        "GE,OV",
        "",
        (False, True, True),
        "tarief",
        "€ 650 per teamscholing van twee bijeenkomsten.",
        "Twee bijeenkomsten voor het team van een basisschool: hoe herken je TOS "
        "in groep 1-2, en wat helpt in de klas.",
    ),
    (
        "16JK",
        "Observatie en advies bij slechtziendheid",
        "observatie",
        ["zien"],
        [1],
        "",
        "ZH,UT,NH",
        "",
        (False, True, False),
        "arrangement",
        "",
        "Een ambulant begeleider van cluster 1 kijkt hoe een slechtziende "
        "leerling in de klas werkt en adviseert over vergroting, licht, "
        "werkplek en hulpmiddelen.",
    ),
    (
        "17LM",
        "Stage en dagbesteding: meedenken over het uitstroomprofiel",
        "consultatie",
        ["zelfredzaamheid", "leren"],
        [3, 4],
        "vso",
        "NH",
        "SWV Amsterdam-Diemen",
        (True, True, True),
        "offerte",
        "",
        "Voor VO-scholen die twijfelen over het perspectief van een leerling: "
        "onze stagecoördinator denkt mee over arbeidsmarktgericht onderwijs en "
        "dagbesteding.",
    ),
    (
        "19QR",
        "Thuiszitters terug naar school: consultatie",
        "consultatie",
        ["gedragsregulatie", "zorgcoordinatie"],
        [4],
        "vso",
        "FR,GR",
        "SWV Friesland",
        (False, True, True),
        "gratis",
        "Het eerste gesprek is gratis.",
        "Een orthopedagoog en een zorgcoördinator denken mee over een leerling "
        "die thuis zit: wat is er nodig om weer naar school te gaan, en wie "
        "doet wat.",
    ),
    (
        "22UV",
        "Training omgaan met agressie in de klas",
        "scholing",
        ["gedragsregulatie"],
        [4],
        "",
        "OV,GE,DR",
        "",
        (True, True, False),
        "tarief",
        "€ 95 per deelnemer.",
        "Een training van drie middagen voor leerkrachten en onderwijsassistenten: "
        "signalen herkennen, de-escaleren, en wat u na een incident doet.",
    ),
    (
        "23WX",
        "Gebarentaal en communicatie: ambulante begeleiding",
        "ambulant",
        ["communicatie", "horen"],
        [2],
        "so",
        "FL",
        "SWV Almere",
        (False, True, False),
        "arrangement",
        "",
        "Begeleiding van leerkrachten van leerlingen die doof of slechthorend "
        "zijn: communicatie in de groep, ondersteunende gebaren en "
        "hoortechniek.",
    ),
]


@transaction.atomic
def seed_offers() -> int:
    """Create the demo offers once; returns how many were created."""
    if SupportOffer.objects.exists():
        return 0
    needs = {need.slug: need for need in SupportNeed.objects.all()}
    clusters = {cluster.number: cluster for cluster in Cluster.objects.all()}
    for (
        brin,
        title,
        kind,
        need_slugs,
        cluster_numbers,
        school_type,
        provinces,
        alliances,
        (at_our_school, at_your_school, online),
        cost,
        cost_note,
        description,
    ) in OFFERS:
        school = School.objects.get(brin=brin)
        # A public profile of the school when there is one, so that visitors
        # see who answers; else whoever keeps the school's page.
        people = Profile.objects.filter(affiliations__school=school)
        contact = (
            people.filter(visibility="public").order_by("name").first()
            or people.filter(affiliations__is_coordinator=True).first()
        )
        offer = SupportOffer.objects.create(
            school=school,
            title=title,
            kind=kind,
            description=description,
            school_type=school_type,
            provinces=provinces,
            alliances=alliances,
            at_our_school=at_our_school,
            at_your_school=at_your_school,
            online=online,
            cost=cost,
            cost_note=cost_note,
            contact=contact,
            is_published=True,
        )
        offer.support_needs.set(needs[slug] for slug in need_slugs if slug in needs)
        offer.clusters.set(clusters[number] for number in cluster_numbers)
    return len(OFFERS)


# Offer title, who asks (a demo person's school by BRIN, or a visitor's
# school), question, the pupil's need, status, answer.
REQUESTS = [
    (
        "Meedenken over een leerling met gedragsproblemen",
        "Basisschool De Linde, Zeist",
        "Wij lopen vast met een leerling die bij elke overgang in de klas "
        "boos wordt. Kunnen jullie meedenken?",
        "Een leerling in groep 6 die moeite heeft met overgangen en "
        "onverwachte veranderingen, en dan fysiek reageert.",
        RequestStatus.ACCEPTED,
        "Graag. Onze gedragsspecialist belt de intern begeleider deze week om "
        "een observatie te plannen.",
    ),
    (
        "Ambulante begeleiding bij TOS",
        "Obs Het Noorderlicht, Groningen",
        "Een kleuter met TOS komt na de zomer bij ons. Wat kan ambulante "
        "begeleiding voor de leerkracht betekenen?",
        "Een kleuter met een taalontwikkelingsstoornis die nog weinig zinnen "
        "maakt en veel gebaren gebruikt.",
        RequestStatus.OPEN,
        "",
    ),
    (
        "Training omgaan met agressie in de klas",
        "Het Stedelijk College, Zwolle",
        "Kunnen jullie de training ook voor een VO-team van twaalf mensen geven?",
        "Het gaat om een team, niet om één leerling.",
        RequestStatus.DECLINED,
        "Dit schooljaar zit de training vol. Vraag het ons in mei opnieuw, of "
        "kijk bij De Wissel in Leeuwarden.",
    ),
]


@transaction.atomic
def seed_support_requests() -> int:
    """A few requests from mainstream schools in different states; they come
    from visitors, so no demo account is their sender."""
    if SupportRequest.objects.exists():
        return 0
    created = 0
    for title, asker_school, question, need, status, answer in REQUESTS:
        offer = SupportOffer.objects.filter(title=title).first()
        if offer is None:
            continue
        SupportRequest.objects.create(
            offer=offer,
            offer_title=offer.title,
            school=offer.school,
            sender_name="Intern begeleider",
            sender_email=f"ib@{slugify(asker_school.split(',')[0])}.example.nl",
            sender_school=asker_school,
            question=question,
            pupil_need=need,
            status=status,
            response=answer,
        )
        created += 1
    return created
