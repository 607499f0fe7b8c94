"""The words of the demo forum: categories, the closed group and the threads
between colleagues, in Dutch. forums/demo.py writes them through the services."""

from forums.models import ThreadKind

HELPDESK_USERNAME = "demo-helpdesk"

# slug, name, description, cluster number, helpdesk, visitors may read
CATEGORIES = [
    (
        "gedrag-en-welbevinden",
        "Gedrag en welbevinden",
        "Cluster 4: gedragsregulatie, de-escalatie, veiligheid in de groep en het "
        "welbevinden van leerlingen en team.",
        4,
        False,
        False,
    ),
    (
        "communicatie-en-taal",
        "Communicatie en taal",
        "Cluster 2: doof en slechthorend, TOS, gebaren en ondersteunde communicatie.",
        2,
        False,
        False,
    ),
    (
        "zien",
        "Zien: blind en slechtziend",
        "Cluster 1: braille, hulpmiddelen, mobiliteit en aangepast lesmateriaal.",
        1,
        False,
        False,
    ),
    (
        "emb",
        "Ernstig meervoudig beperkt (EMB)",
        "Cluster 3: dagritme, zorg en ontwikkeling van leerlingen met ernstige "
        "meervoudige beperkingen.",
        3,
        False,
        False,
    ),
    (
        "vso-stage-en-uitstroom",
        "VSO: stage en uitstroom",
        "Stages, arbeidstoeleiding, dagbesteding en vervolgonderwijs.",
        None,
        False,
        False,
    ),
    (
        "kwaliteitszorg",
        "Kwaliteitszorg",
        "OPP's, opbrengsten, zelfevaluatie en het gesprek met de inspectie.",
        None,
        False,
        False,
    ),
    (
        "ketens-en-partners",
        "Ketens en partners",
        "Samenwerken met jeugdhulp, zorg, leerplicht en gemeenten.",
        None,
        False,
        False,
    ),
    (
        "passend-onderwijs",
        "Passend onderwijs: samen met het regulier onderwijs",
        "Consultatie, ambulante begeleiding en arrangementen voor leerlingen in het "
        "regulier onderwijs. Ook te lezen zonder account.",
        None,
        False,
        True,
    ),
    (
        "helpdesk",
        "Helpdesk",
        "Vragen aan de vereniging. Medewerkers van het bureau antwoorden; goede "
        "antwoorden worden kennisartikelen.",
        None,
        True,
        False,
    ),
]

GROUP = {
    "slug": "werkgroep-ib-noord",
    "name": "Werkgroep intern begeleiders Noord",
    "description": "Intern begeleiders en zorgcoördinatoren uit Groningen, "
    "Friesland, Drenthe en Overijssel: casuïstiek, intervisie en afspraken in de "
    "regio.",
    # username, manager
    "members": [
        ("demo-22uv-1", True),
        ("demo-13cd-2", False),
        ("demo-21st-1", False),
        ("demo-19qr-3", False),
    ],
    "requested": ["demo-23wx-1"],
}

# Each thread: where ("c:<category slug>" or "g:<group slug>"), who opened it
# and how many days ago, the replies as (author, hours after the previous post,
# text), the reply accepted as the answer (its number, 1 = first reply) and
# who marked which reply helpful. "@{username}" becomes a mention of that
# person's profile.
THREADS = [
    {
        "place": "c:gedrag-en-welbevinden",
        "title": "Time-out of herstelmoment: hoe organiseren jullie dat na een "
        "incident?",
        "kind": ThreadKind.QUESTION,
        "author": "demo-12ab-3",
        "days_ago": 18,
        "body": (
            "Bij ons op De Burcht merken we dat de time-outruimte een eindpunt is "
            "geworden in plaats van een tussenstap. Een leerling gaat eruit, komt "
            "na een kwartier terug en we gaan door alsof er niets gebeurd is. Het "
            "herstelgesprek schiet erbij in, zeker als er maar één volwassene in "
            "de groep is.\n\n"
            "Hoe hebben jullie dat georganiseerd? Wie voert het herstelgesprek, en "
            "wanneer? Ik ben vooral benieuwd naar afspraken die ook op een drukke "
            "dinsdagmiddag overeind blijven."
        ),
        "replies": [
            (
                "demo-22uv-2",
                3,
                "Wij werken sinds vorig schooljaar met een vaste volgorde, die in "
                "elke groep aan de muur hangt:\n\n"
                "1. **Afkoelen** op de afgesproken plek, zonder gesprek.\n"
                "2. **Terugmelden** bij de leerkracht met een kaartje of een duim "
                "omhoog; meer hoeft niet.\n"
                "3. **Herstelgesprek** dezelfde dag, uiterlijk bij de eindkring, "
                "met de volwassene die erbij was. Vijf minuten is genoeg.\n"
                "4. **Afspraak voor morgen** kort in het logboek, zodat de collega "
                "van de ochtend weet wat er speelde.\n\n"
                "Het verschil zat voor ons in stap 3: de onderwijsassistent neemt "
                "dan de groep over, en dat is vast ingeroosterd. Zonder die dekking "
                "lukt het inderdaad niet.",
            ),
            (
                "demo-19qr-3",
                5,
                "Herkenbaar. Wij merkten dat het hielp om de ruimte geen time-out "
                "meer te noemen maar rustplek. Klinkt als een detail, maar "
                "leerlingen gaan er minder heen als straf, en vragen er nu vaker "
                "zelf om voordat het misgaat.",
            ),
            (
                "demo-12ab-3",
                20,
                "Dank jullie wel! Die vaste dekking door de onderwijsassistent ga "
                "ik in het zorgteam voorstellen. @{demo-22uv-2}, mag ik het "
                "kaartje van stap 2 eens zien? Dan passen we het aan voor onze "
                "groepen.",
            ),
            (
                "demo-22uv-2",
                2,
                "Ik stuur het je in een bericht. Het is niets bijzonders: een "
                "groene en een oranje kaart met een picto, geplastificeerd. De "
                "leerlingen hebben de picto's zelf gekozen, en dat maakt meer uit "
                "dan het ontwerp.",
            ),
        ],
        "accepted": 1,
        "helpful": [(1, "demo-19qr-3"), (1, "demo-14ef-0"), (1, "demo-12ab-2")],
    },
    {
        "place": "c:communicatie-en-taal",
        "title": "Nederlands met Gebaren bij TOS: in de hele school of alleen in "
        "de groep?",
        "kind": ThreadKind.QUESTION,
        "author": "demo-23wx-1",
        "days_ago": 15,
        "body": (
            "We willen volgend schooljaar Nederlands met Gebaren breder inzetten "
            "voor onze leerlingen met TOS. Nu doet elke leerkracht het op een "
            "eigen manier, en op het plein en bij gym gebeurt er eigenlijk niets. "
            "Hebben jullie ervaring met een schoolbrede aanpak? En hoe houd je het "
            "vol als er nieuwe collega's binnenkomen?"
        ),
        "replies": [
            (
                "demo-15gh-3",
                4,
                "Wij hebben het gebaar van de week ingevoerd: elke maandag een "
                "nieuw gebaar in de teamvergadering, en in de week erna gebruikt "
                "iedereen het, ook de conciërge. Nieuwe collega's krijgen in hun "
                "eerste maand een basiscursus van onze logopedist. Begin klein, met "
                "de gebaren die leerlingen de hele dag nodig hebben: stoppen, "
                "wachten, klaar, hulp.",
            ),
            (
                "demo-13cd-1",
                6,
                "Sluit me aan bij Het Anker. Wat bij ons hielp: korte filmpjes op "
                "het intranet, door collega's zelf opgenomen. Dan zie je het gebaar "
                "zoals het in jullie school gebruikt wordt; regionale varianten "
                "zijn er genoeg.",
            ),
            (
                "demo-23wx-1",
                22,
                "Het gebaar van de week is precies de schaal waarop we kunnen "
                "beginnen. Dank jullie!",
            ),
        ],
        "accepted": 1,
        "helpful": [(1, "demo-13cd-2"), (2, "demo-23wx-1")],
    },
    {
        "place": "c:zien",
        "title": "Braille en tablet naast elkaar: hoe leg je ouders uit dat "
        "allebei nodig is?",
        "kind": ThreadKind.DISCUSSION,
        "author": "demo-16jk-2",
        "days_ago": 12,
        "body": (
            "Twee leerlingen in mijn groep lezen braille; één van hen werkt "
            "daarnaast steeds meer met een tablet met spraak. Ouders vragen of "
            "braille nog nodig is als de tablet alles voorleest. Ik vind van wel, "
            "maar merk dat ik het lastig uitleg. Hoe voeren jullie dat gesprek?"
        ),
        "replies": [
            (
                "demo-16jk-3",
                2,
                "Wat ik ouders meestal vertel: luisteren is begrijpen, braille is "
                "zelf lezen en schrijven. Spelling, opmaak, een som onder elkaar: "
                "dat leer je niet van spraak. De tablet vult aan, maar vervangt "
                "niet. Het helpt om samen met ouders naar een opdracht te kijken "
                "waarin je het verschil ziet.",
            ),
            (
                "demo-16jk-1",
                26,
                "En laat leerlingen het zelf vertellen. Onze oud-leerlingen leggen "
                "heel overtuigend uit waarom ze allebei willen houden.",
            ),
            (
                "demo-16jk-2",
                3,
                "Goed idee om een oud-leerling bij het oudergesprek te vragen. Ik "
                "ga het regelen.",
            ),
        ],
        "helpful": [(1, "demo-16jk-2"), (2, "demo-16jk-2")],
    },
    {
        "place": "c:emb",
        "title": "Dagritme in een EMB-groep met veel verzorgingsmomenten",
        "kind": ThreadKind.QUESTION,
        "author": "demo-14ef-3",
        "days_ago": 10,
        "body": (
            "In onze EMB-groep gaat een groot deel van de dag op aan verzorging, "
            "eten en drinken en verplaatsen. Ik wil meer leermomenten in die "
            "routines verweven, in plaats van ze als tussendoor te zien. Wie heeft "
            "een dagritme dat dat goed doet? En hoe leggen jullie het vast, zodat "
            "een invaller het ook kan volgen?"
        ),
        "replies": [
            (
                "demo-18np-2",
                5,
                "Wij hebben per leerling een routinekaart: per verzorgingsmoment "
                "staat erop welk doel we oefenen (anticiperen op een aanraking, "
                "kiezen uit twee dingen, het hoofd optillen) en welk signaal de "
                "leerling geeft. De kaart hangt bij de verschoontafel en zit in de "
                "map voor invallers. Zo wordt verschonen een moment van contact in "
                "plaats van iets dat even moet.",
            ),
            (
                "demo-21st-1",
                7,
                "Voeg daar voorwerpen van verwijzing aan toe: een washandje vóór "
                "het verschonen, een lepel vóór het eten. Onze leerlingen weten "
                "daardoor beter wat er komt, en we zien minder schrikreacties.",
            ),
            (
                "demo-14ef-3",
                18,
                "Allebei bruikbaar, dank jullie. We beginnen met routinekaarten "
                "voor drie leerlingen en evalueren na de vakantie.",
            ),
            (
                "demo-14ef-0",
                1,
                "Goed plan. Laat je weten hoe het ging? Dan pakken we het in de "
                "bouwvergadering breder op.",
            ),
        ],
        "accepted": 1,
        "helpful": [(1, "demo-14ef-0"), (2, "demo-14ef-3")],
    },
    {
        "place": "c:vso-stage-en-uitstroom",
        "title": "Groepsstage bij een supermarkt: verzekering en begeleiding",
        "kind": ThreadKind.QUESTION,
        "author": "demo-19qr-1",
        "days_ago": 6,
        "body": (
            "Een supermarkt in de buurt wil vier leerlingen uit ons "
            "arbeidsmarktgerichte profiel tegelijk een stageplek geven, twee "
            "ochtenden per week. Mooi aanbod, maar ik loop vast op de praktische "
            "kant: wie is aansprakelijk als er iets gebeurt, en hoeveel "
            "begeleiding van school hebben jullie op zo'n groep nodig?"
        ),
        "replies": [
            (
                "demo-14ef-1",
                4,
                "Wij doen dit al een paar jaar bij een bouwmarkt. De "
                "stageovereenkomst loopt via school en de leerlingen vallen onder "
                "de schoolverzekering; kijk wel na of jullie polis stages buiten "
                "school dekt. De eerste vier weken is er steeds een jobcoach bij, "
                "daarna bouwen we af naar een vast aanspreekpunt in de winkel en "
                "één bezoek per week.",
            ),
            (
                "demo-22uv-0",
                9,
                "Maak ook afspraken over wat de leerlingen wel en niet doen. Bij "
                "ons wilde de winkel ze na een paar weken achter de kassa zetten, "
                "en dat was te veel. Een takenlijst per leerling, door school en "
                "winkel samen opgesteld, voorkomt dat gesprek.",
            ),
        ],
        "helpful": [(1, "demo-19qr-1"), (2, "demo-19qr-1")],
    },
    {
        "place": "c:kwaliteitszorg",
        "title": "OPP-evaluatie: hoe voorkom je dat het een invuloefening wordt?",
        "kind": ThreadKind.DISCUSSION,
        "author": "demo-18np-3",
        "days_ago": 9,
        "body": (
            "Twee keer per jaar evalueren we de ontwikkelingsperspectieven. In de "
            "praktijk zit de intern begeleider dan met een stapel formulieren en "
            "vullen leerkrachten vooral vakjes in. Ik wil de evaluatie liever "
            "gebruiken om als team te leren: welke doelen haalden we wel, welke "
            "niet, en wat zegt dat over ons aanbod? Hoe pakken jullie dat aan?"
        ),
        "replies": [
            (
                "demo-17lm-2",
                6,
                "Wij bespreken de OPP's niet meer per leerling maar per groep, op "
                "één A4: hoeveel leerlingen liggen op koers, wie niet, en welk vak "
                "springt eruit. Pas daarna zoomen we in op leerlingen. Het team "
                "ziet zo sneller patronen, bijvoorbeeld dat begrijpend lezen in de "
                "hele bovenbouw achterblijft.",
            ),
            (
                "demo-21st-0",
                20,
                "Wij vragen één keer per jaar een collega-school om mee te kijken. "
                "Spannend, maar de vragen van iemand van buiten zijn vaak de beste.",
            ),
            (
                "demo-18np-3",
                2,
                "Dat groepsoverzicht op één A4 zou ik graag eens zien. Ik stuur je "
                "een bericht.",
            ),
        ],
        "helpful": [(1, "demo-18np-3"), (1, "demo-21st-0")],
    },
    {
        "place": "c:ketens-en-partners",
        "title": "Jeugdhulp onder schooltijd: wie regelt wat?",
        "kind": ThreadKind.QUESTION,
        "author": "demo-17lm-0",
        "days_ago": 8,
        "body": (
            "Steeds meer leerlingen krijgen hun behandeling onder schooltijd, in "
            "ons gebouw. Fijn voor de leerling, maar de afspraken tussen school, "
            "zorgaanbieder en gemeente zijn bij ons rommelig: wie bewaakt het "
            "rooster, wie praat met ouders, wat mag de behandelaar in het dossier "
            "zien? Hebben jullie een werkwijze die je zou aanraden?"
        ),
        "replies": [
            (
                "demo-22uv-1",
                3,
                "Wij hebben met de gemeente en twee zorgaanbieders een "
                "samenwerkingsafspraak gemaakt. De kern: één coördinator op school "
                "beheert het rooster van behandelingen; ouders geven per aanbieder "
                "één keer toestemming voor het uitwisselen van gegevens; de "
                "behandelaar schrijft in een eigen dossier en school krijgt alleen "
                "de afgesproken samenvatting. Het kostte een half jaar, maar "
                "sindsdien is er veel minder gedoe.",
            ),
            (
                "demo-18np-1",
                8,
                "Let op de privacy: spreek vooraf af welke informatie de "
                "behandelaar met de leerkracht deelt, en leg dat vast in het "
                "ontwikkelingsperspectief. Bij ons ging het eens mis doordat een "
                "behandelaar aannam dat het hele team mocht meelezen.",
            ),
            (
                "demo-17lm-0",
                24,
                "Die ene coördinator voor het rooster is wat bij ons ontbreekt. "
                "Dank voor het meedenken.",
            ),
        ],
        "accepted": 1,
        "helpful": [(2, "demo-17lm-0")],
    },
    {
        "place": "c:passend-onderwijs",
        "title": "Consultatie voor een basisschool: hoe begin je het eerste gesprek?",
        "kind": ThreadKind.DISCUSSION,
        "author": "demo-12ab-2",
        "days_ago": 5,
        "body": (
            "Basisscholen in onze regio weten ons steeds beter te vinden met "
            "vragen over leerlingen die veel gedrag laten zien. Vaak is de "
            "verwachting dat wij de leerling overnemen. Ik wil het eerste gesprek "
            "juist gebruiken om samen te kijken wat de leerling nodig heeft en wat "
            "de school al doet. Hoe openen jullie zo'n consultatiegesprek?"
        ),
        "replies": [
            (
                "demo-16jk-3",
                5,
                "Ik begin altijd met de vraag wat er goed gaat met deze leerling. "
                "Dat zet de toon. Daarna vraag ik naar één concreet moment van de "
                "dag dat lastig is. Dan praat je over de klas, niet over een "
                "etiket.",
            ),
            (
                "demo-17lm-0",
                3,
                "En kom kijken in de klas vóór het gesprek, als het kan. Een half "
                "uur observeren levert meer op dan een dossier.",
            ),
            (
                "demo-12ab-2",
                16,
                "Mooie openingsvraag, die neem ik over.",
            ),
        ],
        "helpful": [(1, "demo-12ab-2"), (2, "demo-12ab-2"), (1, "demo-22uv-2")],
    },
    {
        "place": "c:helpdesk",
        "title": "Model voor toestemming bij video-opnamen in de klas?",
        "kind": ThreadKind.QUESTION,
        "author": "demo-21st-1",
        "days_ago": 4,
        "body": (
            "We willen video-interactiebegeleiding inzetten in twee groepen. "
            "Hebben jullie een model voor het toestemmingsformulier voor ouders? "
            "En moeten we voor elke opname opnieuw toestemming vragen, of is één "
            "keer per schooljaar genoeg?"
        ),
        "replies": [
            (
                HELPDESK_USERNAME,
                5,
                "Goede vraag, die krijgen we vaker.\n\n"
                "Toestemming vraag je per doel, niet per opname. Eén formulier aan "
                "het begin van het traject is genoeg, als daarin staat waarvoor de "
                "beelden gebruikt worden (de begeleiding van de leerkracht), wie "
                "ze ziet en wanneer ze verwijderd worden. Wil je de beelden later "
                "ook gebruiken om collega's te scholen, dan is dat een ander doel "
                "en vraag je daar apart toestemming voor. Ouders kunnen hun "
                "toestemming altijd intrekken; leg vast hoe dat gaat.\n\n"
                "Een modelformulier sturen we je via een bericht; het komt "
                "binnenkort ook in de kennisbank.\n\n"
                "Marloes, helpdesk van de vereniging",
            ),
            (
                "demo-21st-1",
                2,
                "Helder, dank je! Vooral het verschil tussen begeleiden en scholen "
                "was ons niet duidelijk.",
            ),
            (
                "demo-14ef-2",
                7,
                "Handig om te weten. Wij bewaren de beelden op een aparte schijf "
                "die na het traject wordt leeggemaakt; dat hoeft dan niemand te "
                "onthouden.",
            ),
        ],
        "accepted": 1,
        "helpful": [(1, "demo-21st-1"), (1, "demo-14ef-2")],
    },
    {
        "place": "g:werkgroep-ib-noord",
        "title": "Voorbereiding volgende bijeenkomst: casussen thuiszitters",
        "kind": ThreadKind.DISCUSSION,
        "author": "demo-22uv-1",
        "days_ago": 3,
        "body": (
            "Voor onze volgende bijeenkomst stel ik voor dat we casussen van "
            "langdurig thuiszittende leerlingen bespreken. Willen jullie vooraf "
            "één casus aanleveren in deze draad? Graag zonder namen, "
            "geboortedata of andere gegevens waaraan een leerling te herkennen "
            "is. Ik maak er dan een volgorde van."
        ),
        "replies": [
            (
                "demo-13cd-2",
                4,
                "Ik breng een leerling uit de bovenbouw in die sinds de zomer niet "
                "meer komt. Er loopt een behandeltraject, maar school is niet in "
                "beeld. Mijn vraag aan jullie: hoe houd je contact als ouders de "
                "school op afstand houden?",
            ),
            (
                "demo-21st-1",
                6,
                "Bij mij gaat het om een jongere van vijftien die halve dagen komt "
                "en daarna vastloopt. Vraag: hoe bouw je op als de "
                "leerplichtambtenaar aandringt op hele dagen?",
            ),
            (
                "demo-19qr-3",
                5,
                "Ik heb deze keer geen casus, maar ik ben graag gespreksleider.",
            ),
            (
                "demo-22uv-1",
                14,
                "Top, dank jullie. Dan beginnen we met de casus uit Groningen.",
            ),
        ],
        "helpful": [(3, "demo-22uv-1")],
    },
]
