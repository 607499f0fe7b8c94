"""Dutch demo texts for `manage.py seed_demo`: written for this project, realistic
enough that an editor or a tester recognises the domain."""

import datetime

NEWS_INTRO = (
    "Nieuws uit het netwerk van scholen voor speciaal onderwijs: ontwikkelingen in "
    "het SO en VSO, kwaliteitszorg en de samenwerking met ketenpartners."
)

KNOWLEDGE_INTRO = (
    "Praktijkkennis van scholen voor speciaal onderwijs, geordend naar "
    "ondersteuningsbehoefte, cluster en schoolsoort. Geschreven door collega's, "
    "voor collega's."
)

HOME_INTRO = (
    "Scholen voor speciaal onderwijs weten veel. Op dit platform vinden leraren, "
    "intern begeleiders en schoolleiders elkaars kennis: in het nieuws en de "
    "kennisbank, bij een collega-deskundige, op het forum en op bijeenkomsten. "
    "Eén zoekvak bovenaan doorzoekt het allemaal."
)


def _p(*paragraphs: str) -> list[tuple[str, str]]:
    return [("paragraph", f"<p>{text}</p>") for text in paragraphs]


NEWS = [
    {
        "title": "Handreiking: onderwijs organiseren rond ondersteuningsbehoefte",
        "slug": "handreiking-ondersteuningsbehoefte",
        "days_ago": 3,
        "theme": "goed-onderwijs",
        "tags": ["ondersteuningsbehoefte", "visie", "SO", "VSO"],
        "intro": (
            "Een nieuwe handreiking laat zien hoe scholen groepen samenstellen op "
            "basis van wat leerlingen nodig hebben, in plaats van op hun label."
        ),
        "body": [
            *_p(
                "Steeds meer scholen voor speciaal onderwijs kijken eerst naar de "
                "ondersteuningsbehoefte van een leerling: communicatie, "
                "gedragsregulatie, zintuiglijke ondersteuning of motoriek. De "
                "handreiking bundelt de ervaringen van twaalf scholen die die stap "
                "al hebben gezet."
            ),
            ("heading", {"text": "Wat scholen tegenkwamen", "level": "h2"}),
            *_p(
                "Roosters, bekostiging en de samenstelling van teams vragen om andere "
                "keuzes. De scholen beschrijven wat werkte en wat niet, met "
                "voorbeelden uit cluster 3 en cluster 4."
            ),
            (
                "quote",
                {
                    "text": "We vragen nu niet meer welke diagnose een kind heeft, "
                    "maar wat het nodig heeft om te leren.",
                    "attribution": "Intern begeleider, SO-school in Gelderland",
                },
            ),
            (
                "call_to_action",
                {
                    "title": "Zelf aan de slag?",
                    "text": "Lees in de kennisbank hoe collega's het OPP gebruiken.",
                    # Resolved to the page by the seeder, which creates it first.
                    "page": "ontwikkelingsperspectief-opp",
                    "url": "",
                    "link_text": "Lees het artikel over het OPP",
                },
            ),
        ],
    },
    {
        "title": "Regionale netwerkbijeenkomsten cluster 4 in het voorjaar",
        "slug": "netwerkbijeenkomsten-cluster-4",
        "days_ago": 9,
        "theme": "goed-onderwijs",
        "tags": ["cluster 4", "netwerkbijeenkomst", "gedrag"],
        "intro": (
            "In maart en april komen scholen voor leerlingen met gedrags- en "
            "psychiatrische problematiek in vier regio's bij elkaar."
        ),
        "body": _p(
            "De bijeenkomsten gaan over de-escalerend werken, de inzet van "
            "gedragsspecialisten en het terugdringen van thuiszitters. Elke "
            "bijeenkomst begint met een casus van een gastschool.",
            "Aanmelden kan binnenkort via de agenda op dit platform.",
        ),
    },
    {
        "title": "Kwaliteitszorg: zo maak je de uitstroomgegevens zichtbaar",
        "slug": "kwaliteitszorg-uitstroomgegevens",
        "days_ago": 16,
        "theme": "kwaliteitszorg",
        "tags": ["kwaliteitszorg", "uitstroom", "inspectie"],
        "intro": (
            "Scholen verantwoorden zich over de uitstroom van hun leerlingen. Drie "
            "VSO-scholen laten zien hoe zij hun gegevens analyseren en gebruiken."
        ),
        "body": _p(
            "Het gaat om meer dan cijfers: wie stroomt uit naar vervolgonderwijs, "
            "naar werk of naar dagbesteding, en klopt dat met het verwachte "
            "uitstroomprofiel uit het ontwikkelingsperspectief?",
            "De scholen gebruiken de analyse ook in het gesprek met hun bestuur en "
            "met de inspectie.",
        ),
    },
    {
        "title": "Samen met jeugdhulp in de school: drie scholen delen hun aanpak",
        "slug": "jeugdhulp-in-de-school",
        "days_ago": 24,
        "theme": "ketens-partners",
        "tags": ["jeugdhulp", "gemeenten", "onderwijszorgarrangement"],
        "intro": (
            "Onderwijs en zorg onder één dak vraagt om heldere afspraken met "
            "gemeenten en zorgaanbieders. Drie scholen vertellen hoe zij dat regelen."
        ),
        "body": _p(
            "Een vaste jeugdhulpverlener op school, een gezamenlijk plan per "
            "leerling en één contactpersoon voor ouders: het klinkt eenvoudig, "
            "maar de financiering loopt via verschillende wetten.",
            "De scholen beschrijven welke afspraken zij met hun gemeente en "
            "samenwerkingsverband maakten.",
        ),
    },
    {
        "title": "Zij-instromers goed begeleiden in het speciaal onderwijs",
        "slug": "zij-instromers-begeleiden",
        "days_ago": 31,
        "theme": "kwaliteitszorg",
        "tags": ["personeel", "lerarentekort", "begeleiding"],
        "intro": (
            "Het lerarentekort raakt het speciaal onderwijs hard. Wat helpt "
            "zij-instromers om te blijven?"
        ),
        "body": _p(
            "Een stevig inwerkprogramma, een vaste coach en tijd om mee te kijken "
            "bij ervaren collega's maken het verschil, blijkt uit gesprekken met "
            "schoolleiders uit alle vier de clusters."
        ),
    },
    {
        "title": "Dagbesteding en onderwijs beter verbonden voor leerlingen met EMB",
        "slug": "emb-dagbesteding-onderwijs",
        "days_ago": 40,
        "theme": "ketens-partners",
        "tags": ["EMB", "dagbesteding", "cluster 3"],
        "intro": (
            "Leerlingen met ernstige meervoudige beperkingen hebben baat bij een "
            "doorlopende lijn van school naar dagbesteding."
        ),
        "body": _p(
            "Scholen en zorgaanbieders werken aan een gezamenlijke overdracht, "
            "zodat wat een leerling op school leerde niet verloren gaat."
        ),
    },
    {
        "title": "Kennisbank van het netwerk online",
        "slug": "kennisbank-online",
        "days_ago": 55,
        "theme": "goed-onderwijs",
        "tags": ["kennisbank", "platform"],
        "intro": (
            "De kennisbank bundelt praktijkkennis van scholen voor speciaal "
            "onderwijs, te vinden op ondersteuningsbehoefte, cluster en schoolsoort."
        ),
        "body": _p(
            "Heeft uw school een aanpak die anderen verder helpt? De redactie "
            "helpt graag bij het schrijven van een artikel."
        ),
    },
]

KNOWLEDGE = [
    {
        "title": "Ondersteunde communicatie in de klas",
        "slug": "ondersteunde-communicatie",
        "audience": "so-vso",
        "clusters": [2, 3],
        "tags": ["communicatie", "ondersteunde communicatie", "TOS"],
        "intro": (
            "Pictogrammen, gebaren en spraakcomputers: zo zet u ondersteunde "
            "communicatie (OC) de hele dag in, niet alleen in de taalles."
        ),
        "body": [
            ("heading", {"text": "Begin bij de leerling", "level": "h2"}),
            *_p(
                "Breng eerst in kaart hoe een leerling nu communiceert: met "
                "lichaamstaal, klanken, gebaren of woorden. Kies daarna middelen die "
                "daarop aansluiten."
            ),
            ("heading", {"text": "Het hele team doet mee", "level": "h2"}),
            *_p(
                "OC werkt alleen als iedereen rond de leerling dezelfde middelen "
                "gebruikt: leraar, onderwijsassistent, logopedist en ouders."
            ),
        ],
    },
    {
        "title": "Prikkelverwerking: een rustige leeromgeving inrichten",
        "slug": "prikkelverwerking-leeromgeving",
        "audience": "so",
        "clusters": [3, 4],
        "tags": ["prikkelverwerking", "gedragsregulatie", "klassenmanagement"],
        "intro": (
            "Voor leerlingen die snel overprikkeld raken, maakt de inrichting van "
            "het lokaal veel uit. Praktische keuzes die weinig kosten."
        ),
        "body": _p(
            "Denk aan vaste werkplekken, een prikkelarme hoek, voorspelbare "
            "overgangen met een dagritmekaart en geluiddempende materialen.",
            "Bespreek met de leerling zelf wat helpt: die weet het vaak het best.",
        ),
    },
    {
        "title": "Het ontwikkelingsperspectief opstellen en evalueren",
        "slug": "ontwikkelingsperspectief-opp",
        "audience": "so-vso",
        "clusters": [],
        "tags": ["OPP", "kwaliteitszorg", "ondersteuningsbehoefte"],
        "intro": (
            "Het ontwikkelingsperspectiefplan (OPP) is verplicht, maar vooral een "
            "werkinstrument. Zo houdt u het levend."
        ),
        "body": _p(
            "Formuleer het verwachte uitstroomprofiel en de onderbouwing ervan, "
            "en evalueer minstens jaarlijks met ouders en, waar het kan, met de "
            "leerling.",
            "Gebruik de evaluaties van alle leerlingen samen voor de kwaliteitszorg "
            "van de school.",
        ),
    },
    {
        "title": "Stages organiseren in het profiel arbeidsmarktgericht",
        "slug": "stages-arbeidsmarktgericht",
        "audience": "vso",
        "clusters": [3, 4],
        "tags": ["stage", "uitstroom", "arbeidsmarktgericht"],
        "intro": (
            "Leerlingen in het profiel arbeidsmarktgericht leren veel op de "
            "werkvloer. Wat vraagt een goede stage van school en werkgever?"
        ),
        "body": _p(
            "Begin klein met interne stages, bouw op naar groepsstages en daarna "
            "naar een individuele plek. Een vaste jobcoach houdt contact met de "
            "werkgever."
        ),
    },
    {
        "title": "Samenwerken met jeugdhulp binnen de school",
        "slug": "samenwerken-jeugdhulp",
        "audience": "so-vso",
        "clusters": [4],
        "tags": ["jeugdhulp", "gemeenten", "gedragsregulatie"],
        "intro": (
            "Afspraken die werken wanneer jeugdhulpverleners en leraren samen "
            "één plan voor een leerling uitvoeren."
        ),
        "body": _p(
            "Leg vast wie waarvoor verantwoordelijk is, hoe informatie wordt "
            "gedeeld met toestemming van ouders, en hoe de financiering loopt."
        ),
    },
    {
        "title": "Leerlingen met een visuele beperking in het reguliere onderwijs",
        "slug": "visuele-beperking-regulier-onderwijs",
        "audience": "so-vso",
        "clusters": [1],
        "tags": ["zintuiglijke ondersteuning", "ambulante begeleiding"],
        "intro": (
            "Ambulant begeleiders uit cluster 1 helpen reguliere scholen met "
            "aangepast materiaal, hulpmiddelen en de inrichting van de klas."
        ),
        "body": _p(
            "Vergrote of digitale leermiddelen, goede verlichting en een vaste "
            "plek in de klas maken vaak al veel verschil. De ambulant begeleider "
            "adviseert ook over toetsen en examens."
        ),
    },
]

ABOUT = {
    "title": "Over het netwerk",
    "slug": "over-ons",
    "intro": (
        "Wij verbinden scholen voor speciaal onderwijs: we verzamelen, delen, "
        "ontwikkelen en verspreiden kennis, en we behartigen de belangen van onze "
        "leden."
    ),
    "body": _p(
        "Leden zijn de besturen van scholen voor SO en VSO in alle vier de "
        "clusters. Onze aandachtsgebieden zijn goed onderwijs, kwaliteitszorg en "
        "de samenwerking met ketenpartners zoals jeugdhulp, zorg en gemeenten.",
        "Een helpdesk beantwoordt vragen van leden.",
    ),
    "children": [
        {
            "title": "Lidmaatschap",
            "slug": "lidmaatschap",
            "intro": "Wat het lidmaatschap uw bestuur en scholen oplevert.",
            "body": _p(
                "Medewerkers van aangesloten scholen gebruiken het hele platform: "
                "het deskundigenregister, de forums en de bijeenkomsten voor leden."
            ),
        }
    ],
}


def news_date(days_ago: int) -> datetime.date:
    return datetime.date.today() - datetime.timedelta(days=days_ago)
