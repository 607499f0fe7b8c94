"""The sector's core subjects in the demo: autisme, dyslexie, TOS, EMB, gedrag,
thuiszitters and zien. Each has a knowledge article, a named expert at a school
of the cluster that serves those pupils, and most a forum thread, so that the
first searches a visitor from the sector types find something they believe."""

from forums.models import ThreadKind

from .pages import _p

# A named expert per subject: username, name, school (BRIN), role, support
# needs (slugs), topics, and what they write about themselves.
EXPERTS = [
    (
        "demo-expert-autisme",
        "Marloes Hendriks",
        "12AB",
        "Autismespecialist",
        ["prikkelverwerking", "sociaal-emotioneel"],
        ["autisme", "prikkelarme klas"],
        "Ik begeleid leerlingen met autisme en hun leerkrachten, in het SO en het "
        "VSO. Mijn vak: voorspelbaarheid, visuele ondersteuning en een klas waarin "
        "een leerling niet de hele dag hoeft te overleven.",
    ),
    (
        "demo-expert-tos",
        "Jeroen Kuipers",
        "13CD",
        "Logopedist",
        ["taal-en-spraak", "communicatie"],
        ["TOS", "NGT"],
        "Logopedist in cluster 2, vooral bij jonge leerlingen met een "
        "taalontwikkelingsstoornis (TOS). Ik denk graag mee over taal in de hele "
        "lesdag, niet alleen in de therapieruimte.",
    ),
    (
        "demo-expert-dyslexie",
        "Annelies Verbeek",
        "15GH",
        "Remedial teacher",
        ["leren", "taal-en-spraak"],
        ["dyslexie", "voorleessoftware"],
        "Ik werk met leerlingen met dyslexie, vaak naast een TOS of een auditieve "
        "beperking. Voorleessoftware, leesmotivatie en een dyslexieprotocol dat "
        "past bij het speciaal onderwijs.",
    ),
    (
        "demo-expert-emb",
        "Sietske de Haan",
        "14EF",
        "Orthopedagoog",
        ["medische-zorg", "communicatie", "zelfredzaamheid"],
        ["EMB", "dagbesteding"],
        "Orthopedagoog bij leerlingen met ernstig meervoudige beperkingen (EMB). "
        "Ik help teams een dag te ontwerpen waarin verzorging en leren samengaan.",
    ),
    (
        "demo-expert-gedrag",
        "Youssef El Amrani",
        "22UV",
        "Gedragsspecialist",
        ["gedragsregulatie", "sociaal-emotioneel"],
        ["gedrag", "de-escalatie"],
        "Gedragsspecialist in cluster 4. Ik train teams in de-escalatie en in "
        "herstel na een incident, en kijk graag mee in een klas die vastloopt.",
    ),
    (
        "demo-expert-thuiszitters",
        "Petra Wolters",
        "19QR",
        "Zorgcoördinator",
        ["zorgcoordinatie"],
        ["thuiszitters", "jeugdhulp"],
        "Zorgcoördinator in het VSO. Ik werk met ouders, leerplicht, jeugdhulp en "
        "het samenwerkingsverband aan een weg terug naar school voor thuiszitters.",
    ),
    (
        "demo-expert-zien",
        "Rik Oosterhuis",
        "16JK",
        "Ambulant begeleider",
        ["zien"],
        ["braille", "vergrotingssoftware"],
        "Ambulant begeleider cluster 1: ik ondersteun leerlingen die blind of "
        "slechtziend zijn, en hun scholen, met braille, vergroting en mobiliteit.",
    ),
]

KNOWLEDGE = [
    {
        "title": "Autisme in de klas: voorspelbaarheid geeft rust",
        "slug": "autisme-voorspelbaarheid",
        "audience": "so-vso",
        "clusters": [4],
        "tags": ["autisme", "ASS", "prikkelverwerking"],
        "intro": (
            "Leerlingen met autisme (ASS) leren beter als zij weten wat er komt. "
            "Een dagplanning, vaste overgangen en een plek om bij te komen helpen "
            "meer dan een beloningssysteem."
        ),
        "body": [
            ("heading", {"text": "Maak de dag zichtbaar", "level": "h2"}),
            *_p(
                "Een dagplanning met picto's of woorden hangt op ooghoogte en wordt "
                "na elke activiteit bijgewerkt. Kondig wijzigingen zo vroeg "
                "mogelijk aan, en laat zien wat er in de plaats komt.",
                "Overgangen kosten de meeste energie: van buitenspel naar rekenen, "
                "van het eigen lokaal naar gym. Een vaste volgorde en een "
                "time-timer maken ze voorspelbaar.",
            ),
            ("heading", {"text": "Rust voordat het misgaat", "level": "h2"}),
            *_p(
                "Spreek met de leerling af waar die naartoe kan als het te veel "
                "wordt, en hoe die dat laat weten. Een rustplek werkt alleen als "
                "hij geen straf is."
            ),
        ],
    },
    {
        "title": "Dyslexie in het speciaal onderwijs: lezen met ondersteuning",
        "slug": "dyslexie-lezen-met-ondersteuning",
        "audience": "so-vso",
        "clusters": [2, 4],
        "tags": ["dyslexie", "lezen", "voorleessoftware"],
        "intro": (
            "Dyslexie komt in het speciaal onderwijs vaak samen met een TOS, een "
            "auditieve beperking of concentratieproblemen. Hoe u het leesonderwijs "
            "en de compenserende middelen daarop afstemt."
        ),
        "body": _p(
            "Blijf het technisch lezen oefenen, kort en dagelijks, en compenseer "
            "daarnaast: met voorleessoftware kan een leerling met dyslexie "
            "zelfstandig teksten van zijn niveau lezen.",
            "Leg in het ontwikkelingsperspectiefplan vast welke middelen de "
            "leerling bij toetsen gebruikt, zodat ze in het VSO en bij examens "
            "vanzelfsprekend zijn.",
        ),
    },
    {
        "title": "TOS: wat een leerling met een taalontwikkelingsstoornis helpt",
        "slug": "tos-taalontwikkelingsstoornis",
        "audience": "so",
        "clusters": [2],
        "tags": ["TOS", "taal", "communicatie"],
        "intro": (
            "Een leerling met een taalontwikkelingsstoornis (TOS) begrijpt en "
            "gebruikt taal moeizamer dan leeftijdgenoten. Eenvoudige aanpassingen "
            "in de instructie maken het verschil."
        ),
        "body": _p(
            "Geef instructie in korte zinnen, één opdracht tegelijk, en ondersteun "
            "met gebaren, picto's of een voorbeeld. Controleer of de leerling de "
            "opdracht begreep door hem te laten vertellen wat hij gaat doen.",
            "Werk met de logopedist aan dezelfde woorden: wat in de therapie "
            "geoefend wordt, komt in de klas terug.",
        ),
    },
    {
        "title": "Leren bij leerlingen met EMB: kleine stappen, vaste momenten",
        "slug": "emb-kleine-stappen",
        "audience": "so-vso",
        "clusters": [3],
        "tags": ["EMB", "communicatie", "dagbesteding"],
        "intro": (
            "Voor leerlingen met ernstig meervoudige beperkingen (EMB) is elke dag "
            "vol zorgmomenten. Leren gebeurt juist daar: bij het eten, het "
            "verschonen en het begroeten."
        ),
        "body": _p(
            "Kies per leerling een paar doelen die in de verzorging terugkomen: "
            "reageren op een aankondiging, kiezen tussen twee voorwerpen, "
            "aangeven dat iets moet stoppen.",
            "Gebruik verwijzers (voorwerpen die een activiteit aankondigen) altijd "
            "op dezelfde manier, door iedereen in het team.",
        ),
    },
    {
        "title": "Gedrag begrijpen en de-escaleren",
        "slug": "gedrag-de-escaleren",
        "audience": "so-vso",
        "clusters": [4],
        "tags": ["gedrag", "de-escalatie", "gedragsregulatie"],
        "intro": (
            "Probleemgedrag is een signaal: een leerling laat zien dat iets niet "
            "lukt. Wie de opbouw van een escalatie kent, kan eerder en rustiger "
            "ingrijpen."
        ),
        "body": _p(
            "Leer de signalen van de leerling kennen en schrijf ze op in een "
            "signaleringsplan: wat zie je bij onrust, bij spanning, vlak voor het "
            "misgaat? Spreek per fase af wat de volwassene doet.",
            "Na een incident komt het herstel: een kort gesprek dezelfde dag, met "
            "de volwassene die erbij was, en een afspraak voor morgen.",
        ),
    },
    {
        "title": "Thuiszitters: samen een weg terug naar school",
        "slug": "thuiszitters-weg-terug",
        "audience": "vso",
        "clusters": [],
        "tags": ["thuiszitters", "verzuim", "samenwerkingsverband"],
        "intro": (
            "Een leerling die thuis zit, heeft een plan nodig dat klein begint. "
            "School, ouders, leerplicht, jeugdhulp en het samenwerkingsverband "
            "maken het samen."
        ),
        "body": _p(
            "Begin met contact, niet met uren: een wekelijks bezoek, dan een uur "
            "op school op een rustig moment, dan een vast dagdeel. Leg elke stap "
            "vast en evalueer hem na twee weken.",
            "Wijs één regisseur aan die de afspraken tussen alle partijen bewaakt; "
            "vaak is dat de zorgcoördinator van de school.",
        ),
    },
]

# Threads in the format of demo.forum_threads.THREADS; "at" is the local time
# the opening post was written.
THREADS = [
    {
        "place": "c:gedrag-en-welbevinden",
        "title": "Leerling met autisme raakt van slag bij elke invaller",
        "kind": ThreadKind.QUESTION,
        "author": "demo-12ab-1",
        "days_ago": 9,
        "at": (15, 40),
        "body": (
            "Een leerling in mijn groep (autisme, 9 jaar) heeft een slechte dag "
            "zodra er een invaller staat: weigeren, weglopen, één keer gooien. "
            "Invallers zijn er nu eenmaal vaak. Hoe bereiden jullie leerlingen "
            "hierop voor?"
        ),
        "replies": [
            (
                "demo-expert-autisme",
                4,
                "Wat bij ons werkt: een **invalkaart** op de dagplanning, met een "
                "foto van de invaller als het kan, en een vaste collega die 's "
                "ochtends even binnenloopt. En een invalmap met de afspraken van "
                "deze leerling: waar de rustplek is, welke woorden werken.",
            ),
            (
                "demo-12ab-1",
                17,
                "Dank je, die invalmap maak ik deze week. De foto vooraf had ik "
                "nog niet bedacht.",
            ),
        ],
        "accepted": 1,
    },
    {
        "place": "c:communicatie-en-taal",
        "title": "Voorleessoftware voor leerlingen met dyslexie en TOS",
        "kind": ThreadKind.QUESTION,
        "author": "demo-15gh-1",
        "days_ago": 5,
        "at": (12, 20),
        "body": (
            "We willen voorleessoftware inzetten voor leerlingen met dyslexie in "
            "de bovenbouw, maar de meesten hebben ook een TOS. Werkt de "
            "voorleesstem voor hen wel, of is het tempo te hoog?"
        ),
        "replies": [
            (
                "demo-expert-dyslexie",
                8,
                "Zet het tempo in het begin lager en laat de leerling meelezen met "
                "markering per woord. Voor leerlingen met een TOS helpt het om de "
                "tekst eerst samen voor te bespreken: de lastige woorden vooraf.",
            ),
        ],
    },
    {
        "place": "c:passend-onderwijs",
        "title": "Thuiszitter na de herfstvakantie: wie neemt de regie?",
        "kind": ThreadKind.DISCUSSION,
        "author": "demo-19qr-1",
        "days_ago": 3,
        "at": (20, 15),
        "body": (
            "Sinds de herfstvakantie zit een leerling van ons thuis. Leerplicht, "
            "jeugdhulp, ouders en het samenwerkingsverband bellen allemaal, maar "
            "niemand houdt de lijn vast. Hoe regelen jullie de regie bij "
            "thuiszitters?"
        ),
        "replies": [
            (
                "demo-expert-thuiszitters",
                14,
                "Bij ons ligt de regie bij de zorgcoördinator, afgesproken met het "
                "samenwerkingsverband. Eén plan, één telefoonnummer voor ouders, en "
                "elke twee weken een kort overleg met alle partijen.",
            ),
            (
                "demo-22uv-0",
                6,
                "Herkenbaar. Wat ons hielp: de eerste stap heel klein maken. Eerst "
                "alleen een wandeling met de mentor, pas daarna een uur op school.",
            ),
        ],
    },
]
