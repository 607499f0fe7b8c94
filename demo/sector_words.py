"""The rest of the sector's vocabulary in the demo: ADHD, dyscalculie, NAH,
verstandelijke beperking, a cochleair implantaat, GGZ, the TLV and the
commissie van begeleiding, passend onderwijs and zorgplicht, SBO,
praktijkonderwijs, handelingsgericht werken and schoolmaatschappelijk werk.

Every term editors start with (search/migrations/0005_seed_sector_terms.py)
finds something here or in demo.sector, so that no word a colleague from the
sector types meets an empty page. Same formats as demo.sector."""

from forums.models import ThreadKind

from .pages import _p

EXPERTS = [
    (
        "demo-expert-adhd",
        "Lotte van Dijk",
        "23WX",
        "Intern begeleider",
        ["gedragsregulatie", "leren"],
        ["ADHD", "executieve functies"],
        "Intern begeleider (IB'er) in het SO. Veel van onze leerlingen hebben "
        "ADHD, vaak naast een taalprobleem. Ik denk mee over korte instructie, "
        "beweging in de les en afspraken met ouders over medicatie en rust.",
    ),
    (
        "demo-expert-dyscalculie",
        "Hans Brouwer",
        "17LM",
        "Remedial teacher rekenen",
        ["leren"],
        ["dyscalculie", "rekenen"],
        "Remedial teacher in het VSO. Ik help leerlingen met dyscalculie of "
        "ernstige rekenproblemen rekenen in het dagelijks leven: geld, tijd en "
        "maten, met een rekenkaart die ook op stage werkt.",
    ),
    (
        "demo-expert-nah",
        "Ingrid Mulder",
        "21ST",
        "Orthopedagoog",
        ["leren", "medische-zorg", "prikkelverwerking"],
        ["NAH", "vermoeidheid"],
        "Orthopedagoog bij leerlingen met niet-aangeboren hersenletsel (NAH), na "
        "een ongeluk, een hersentumor of een ontsteking. Ik begeleid de terugkeer "
        "naar school en een rooster dat rekening houdt met vermoeidheid.",
    ),
    (
        "demo-expert-zml",
        "Marco Verhoeven",
        "18NP",
        "Leerkracht ZML",
        ["zelfredzaamheid", "communicatie", "leren"],
        ["verstandelijke beperking", "picto's"],
        "Leerkracht van een ZML-groep: leerlingen met een verstandelijke "
        "beperking. Ik werk met leerlijnen, picto's en veel herhaling, en leer "
        "graag van collega's hoe zij zelfstandigheid opbouwen.",
    ),
    (
        "demo-expert-ci",
        "Fenna Postma",
        "15GH",
        "Audiologisch begeleider",
        ["horen", "taal-en-spraak"],
        ["cochleair implantaat", "NGT"],
        "Ik begeleid dove en slechthorende leerlingen met een cochleair "
        "implantaat (CI), in de klas en bij de overstap naar een reguliere "
        "school: akoestiek, apparatuur en gesprekken in groepjes.",
    ),
    (
        "demo-expert-ggz",
        "Karim Bouzid",
        "19QR",
        "Schoolmaatschappelijk werker",
        ["zorgcoordinatie", "sociaal-emotioneel"],
        ["GGZ", "jeugdhulp"],
        "Schoolmaatschappelijk werker (SMW) in het VSO. Ik ben de verbinding "
        "tussen school, thuis, jeugdhulp en de GGZ, en kom bij gezinnen thuis als "
        "dat nodig is.",
    ),
    (
        "demo-expert-tlv",
        "Anouk Smits",
        "14EF",
        "Voorzitter commissie van begeleiding",
        ["zorgcoordinatie"],
        ["TLV", "passend onderwijs"],
        "Voorzitter van de commissie van begeleiding (CvB) van onze school. "
        "Ik ken de toelaatbaarheidsverklaring (TLV) van aanvraag tot verlenging, "
        "en help collega's in het regulier onderwijs een aanvraag voor te "
        "bereiden met het samenwerkingsverband.",
    ),
]

KNOWLEDGE = [
    {
        "title": "ADHD in de klas: korte instructie, veel beweging",
        "slug": "adhd-in-de-klas",
        "audience": "so-vso",
        "clusters": [4],
        "tags": ["ADHD", "concentratie", "executieve functies"],
        "intro": (
            "Een leerling met ADHD wil vaak wel, maar zijn aandacht en zijn lijf "
            "werken niet mee. Wie de les daarop inricht, houdt hem langer bij de "
            "les dan wie op zitten en stil zijn stuurt."
        ),
        "body": _p(
            "Geef de instructie in stappen van een paar minuten, met de opdracht "
            "ook op papier of op het bord. Laat de leerling herhalen wat hij gaat "
            "doen voordat hij begint.",
            "Plan beweging in: een boodschap, een taak bij de overgang, een "
            "wiebelkussen. Bij ADHD is bewegen geen beloning maar een voorwaarde "
            "om te kunnen leren.",
            "Spreek met ouders af hoe u elkaar op de hoogte houdt over medicatie, "
            "slaap en wat u in de klas ziet; zo wordt een slechte dag uitgelegd in "
            "plaats van bestraft.",
        ),
    },
    {
        "title": "Dyscalculie: rekenen dat een leerling na school nodig heeft",
        "slug": "dyscalculie-functioneel-rekenen",
        "audience": "vso",
        "clusters": [3, 4],
        "tags": ["dyscalculie", "rekenen"],
        "intro": (
            "Leerlingen met dyscalculie of ernstige rekenproblemen lopen in het "
            "VSO vast op geld, tijd en maten. Functioneel rekenen, met "
            "hulpmiddelen, bereidt beter voor op werk en wonen dan nog een jaar "
            "tafels."
        ),
        "body": _p(
            "Kies de rekendoelen uit wat de leerling op stage en thuis tegenkomt: "
            "afrekenen, een rooster lezen, een recept halveren. Oefen ze in die "
            "situaties, niet alleen op het werkblad.",
            "Een rekenkaart en een rekenmachine zijn compenserende middelen, geen "
            "vals spelen. Leg in het ontwikkelingsperspectiefplan vast welke de "
            "leerling mag gebruiken.",
        ),
    },
    {
        "title": "Terug naar school na niet-aangeboren hersenletsel (NAH)",
        "slug": "nah-terug-naar-school",
        "audience": "so-vso",
        "clusters": [3],
        "tags": ["NAH", "hersenletsel", "vermoeidheid"],
        "intro": (
            "Na hersenletsel door een ongeluk, een hersenontsteking of een tumor "
            "lijkt een leerling vaak snel hersteld. De gevolgen zitten in "
            "vermoeidheid, trager denken en prikkels die te veel worden."
        ),
        "body": _p(
            "Begin met korte dagdelen en bouw op in overleg met ouders en de "
            "revalidatiearts. Plan rust in voordat de leerling moe is, niet erna.",
            "Vertel het team wat het letsel doet: een leerling met NAH die "
            "vergeet of boos wordt, is niet ongemotiveerd. Herhaal afspraken en "
            "zet ze op papier.",
        ),
    },
    {
        "title": "De toelaatbaarheidsverklaring (TLV): van aanvraag tot plaatsing",
        "slug": "tlv-aanvraag",
        "audience": "so-vso",
        "clusters": [3, 4],
        "tags": ["TLV", "samenwerkingsverband", "passend onderwijs"],
        "intro": (
            "Voor een plaats op een school voor cluster 3 of 4 geeft het "
            "samenwerkingsverband een toelaatbaarheidsverklaring (TLV) af. Zo "
            "verloopt de aanvraag, en zo bereidt u die goed voor."
        ),
        "body": _p(
            "De school waar de leerling staat ingeschreven vraagt de TLV aan bij "
            "het samenwerkingsverband, met het ontwikkelingsperspectief, wat al "
            "geprobeerd is en de mening van ouders. Het samenwerkingsverband "
            "vraagt advies aan deskundigen en besluit voor hoe lang de TLV geldt.",
            "Voor cluster 1 en 2 is geen TLV nodig: daar beslist de commissie van "
            "onderzoek van de instelling over de toelating.",
            "Na de plaatsing stelt de school binnen zes weken het "
            "ontwikkelingsperspectiefplan vast, op advies van de commissie van "
            "begeleiding (CvB) en na overleg met ouders. Loopt de TLV af, begin "
            "dan op tijd aan de verlenging.",
        ),
    },
    {
        "title": "Passend onderwijs en zorgplicht: wat een school moet bieden",
        "slug": "passend-onderwijs-zorgplicht",
        "audience": "so-vso",
        "clusters": [],
        "tags": ["passend onderwijs", "zorgplicht", "basisonderwijs"],
        "intro": (
            "Sinds de invoering van passend onderwijs hebben schoolbesturen "
            "zorgplicht: de school waar een leerling is aangemeld zorgt voor een "
            "passende plek, op de eigen school of op een andere."
        ),
        "body": _p(
            "Een school in het basisonderwijs of het voortgezet onderwijs kan met "
            "hulp van het speciaal onderwijs veel leerlingen zelf houden: met "
            "ambulante begeleiding, een consultatie of een arrangement. "
            "Speciaal onderwijs is een plek als dat niet genoeg is, geen laatste "
            "redmiddel na jaren proberen.",
            "Vraag als reguliere school vroeg een collega van een SO- of "
            "VSO-school mee te kijken. In de deskundigengids vindt u wie waarin "
            "thuis is.",
        ),
    },
    {
        "title": "Van SBO naar SO: wanneer de overstap helpt",
        "slug": "sbo-naar-so",
        "audience": "so",
        "clusters": [],
        "tags": ["SBO", "speciaal basisonderwijs", "TLV"],
        "intro": (
            "Het speciaal basisonderwijs (SBO) en het speciaal onderwijs (SO) "
            "lijken op elkaar, maar zijn voor verschillende leerlingen. Wanneer "
            "een leerling van het SBO meer heeft aan een SO-school."
        ),
        "body": _p(
            "Het SBO is er voor leerlingen die in een kleinere groep met meer "
            "aandacht goed leren. Het SO heeft de expertise van een cluster: "
            "gedrag en psychiatrie, een verstandelijke of lichamelijke beperking, "
            "zien of horen.",
            "Voor beide is een TLV van het samenwerkingsverband nodig (behalve "
            "voor cluster 1 en 2). Betrek de SO-school al bij het gesprek over "
            "de aanvraag: een kennismaking maakt de overstap kleiner.",
        ),
    },
    {
        "title": "Handelingsgericht werken (HGW) in het speciaal onderwijs",
        "slug": "handelingsgericht-werken",
        "audience": "so-vso",
        "clusters": [],
        "tags": ["HGW", "ontwikkelingsperspectief", "onderwijsbehoeften"],
        "intro": (
            "Handelingsgericht werken (HGW) vraagt niet eerst wat een leerling "
            "heeft, maar wat hij nodig heeft: van de leerkracht, de groep en de "
            "ouders. Zo wordt een diagnose een plan."
        ),
        "body": _p(
            "Beschrijf de onderwijsbehoeften in zinnen die een invaller morgen kan "
            "gebruiken: deze leerling heeft instructie nodig die..., een plek "
            "waar..., een volwassene die....",
            "Noem ook wat goed gaat. Sterke kanten en wat werkt zijn het "
            "vertrekpunt van het ontwikkelingsperspectiefplan, en ouders zijn er "
            "partner in.",
        ),
    },
    {
        "title": "Uitstroom uit het VSO: praktijkonderwijs, arbeid of dagbesteding",
        "slug": "vso-uitstroom-praktijkonderwijs",
        "audience": "vso",
        "clusters": [3, 4],
        "tags": ["praktijkonderwijs", "uitstroom", "stage"],
        "intro": (
            "Het VSO kent drie uitstroomprofielen: vervolgonderwijs, arbeid en "
            "dagbesteding. Voor sommige leerlingen is het praktijkonderwijs (PrO) "
            "een tussenstap naar werk."
        ),
        "body": _p(
            "Kies het profiel op tijd en laat stages erbij passen. Een leerling "
            "die naar het praktijkonderwijs gaat, heeft een TLV van het "
            "samenwerkingsverband voortgezet onderwijs nodig.",
            "Draag over wat werkt: de afspraken uit het ontwikkelingsperspectief "
            "en de contacten met jobcoach of schoolmaatschappelijk werk.",
        ),
    },
    {
        "title": "Een leerling met een cochleair implantaat in de klas",
        "slug": "cochleair-implantaat-in-de-klas",
        "audience": "so-vso",
        "clusters": [2],
        "tags": ["cochleair implantaat", "CI", "horen"],
        "intro": (
            "Met een cochleair implantaat (CI) hoort een dove leerling veel, maar "
            "niet alles: in een rumoerige klas en in groepsgesprekken blijft "
            "luisteren zwaar werk."
        ),
        "body": _p(
            "Zorg voor een rustige plek met zicht op het gezicht van wie praat, "
            "gebruik de ringleiding of de microfoon van de leerling, en herhaal "
            "wat klasgenoten zeggen.",
            "Een leerling met een CI is aan het eind van de dag vaak uitgeput. "
            "Plan luisterpauzes en overleg met de audiologisch begeleider wat "
            "de leerling nodig heeft.",
        ),
    },
    {
        "title": "Samenwerken met GGZ en schoolmaatschappelijk werk",
        "slug": "samenwerken-ggz-smw",
        "audience": "vso",
        "clusters": [4],
        "tags": ["GGZ", "schoolmaatschappelijk werk", "jeugdhulp"],
        "intro": (
            "Veel leerlingen in cluster 4 krijgen hulp van de geestelijke "
            "gezondheidszorg (GGZ). Onderwijs en zorg werken het best als ze "
            "elkaars afspraken kennen."
        ),
        "body": _p(
            "Spreek met ouders af dat school en behandelaar elkaar mogen "
            "spreken, en over wat. Een kort overleg per periode voorkomt dat "
            "de leerling twee plannen krijgt.",
            "Het schoolmaatschappelijk werk (SMW) verbindt school en gezin: bij "
            "verzuim, zorgen thuis of een wachtlijst bij de GGZ.",
        ),
    },
]

THREADS = [
    {
        "place": "c:gedrag-en-welbevinden",
        "title": "ADHD en de middagpauze: onrust na het buitenspelen",
        "kind": ThreadKind.QUESTION,
        "author": "demo-23wx-0",
        "days_ago": 6,
        "at": (13, 5),
        "body": (
            "Twee leerlingen met ADHD in mijn groep komen na het buitenspelen "
            "zo opgewonden binnen dat de middag verloren is. Wat doen jullie "
            "tussen de pauze en de eerste les?"
        ),
        "replies": [
            (
                "demo-expert-adhd",
                3,
                "Bij ons een vaste **overgang van vijf minuten**: water drinken, "
                "een korte beweegopdracht binnen en dan de dagplanning. Die vijf "
                "minuten win je ruim terug.",
            ),
        ],
        "accepted": 1,
    },
    {
        "place": "c:passend-onderwijs",
        "title": "TLV aanvragen voor een leerling uit groep 6: hoe lang duurt het?",
        "kind": ThreadKind.QUESTION,
        "author": "demo-22uv-1",
        "days_ago": 11,
        "at": (16, 25),
        "body": (
            "Een basisschool vraagt ons mee te denken over een leerling die "
            "waarschijnlijk beter op zijn plek is in het SO. Hoe lang duurt een "
            "TLV-aanvraag bij jullie samenwerkingsverband, en wat moet er "
            "klaarliggen?"
        ),
        "replies": [
            (
                "demo-expert-tlv",
                20,
                "Bij ons zes tot acht weken. Zorg dat het ontwikkelingsperspectief, "
                "de verslagen van wat al geprobeerd is en de mening van ouders "
                "erbij zitten; dan hoeft het samenwerkingsverband niets na te "
                "vragen.",
            ),
        ],
        "accepted": 1,
    },
    {
        "place": "c:ketens-en-partners",
        "title": "Leerling met NAH wil na de revalidatie weer hele dagen",
        "kind": ThreadKind.DISCUSSION,
        "author": "demo-21st-1",
        "days_ago": 4,
        "at": (19, 40),
        "body": (
            "Een leerling komt na een half jaar revalidatie terug (hersenletsel "
            "na een ongeluk) en wil meteen weer hele dagen. Ouders ook. Wij "
            "denken dat het te veel is. Hoe bouwen jullie dat op?"
        ),
        "replies": [
            (
                "demo-expert-nah",
                9,
                "Samen met de revalidatiearts een opbouwschema maken, en dat "
                "schema laten bepalen in plaats van de wil van die dag. Begin "
                "met ochtenden en meet elke week hoe moe de leerling is.",
            ),
        ],
    },
]
