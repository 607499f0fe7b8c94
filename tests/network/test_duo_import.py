"""DUO's register of (v)so locations through the school import: recognised by
its headers, one row per location, and what DUO does not hold kept."""

from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from network.imports import ImportFileError, import_schools
from network.imports.values import tidy_case
from network.models import Board, Cluster, School, SchoolLocation

from .test_imports import GOOD, csv_bytes

pytestmark = pytest.mark.django_db

# Made-up schools in DUO's real layout: Windows-1252, `;`, CRLF, capitals,
# a name in doubled quotes, extra columns and empty trailing ones.
SAMPLE = Path(__file__).parent / "data" / "duo_vso_vestigingen.csv"
DUO_HEADER = (
    "PROVINCIE;BEVOEGD GEZAG NUMMER;BRIN NUMMER;VESTIGINGSNUMMER;INSTELLINGSNAAM;"
    "STRAATNAAM;HUISNUMMER-TOEVOEGING;POSTCODE;PLAATSNAAM;GEMEENTENAAM;"
    "DENOMINATIE;TELEFOONNUMMER;INTERNETADRES\n"
)


def duo_bytes(*rows: str, header: str = DUO_HEADER) -> bytes:
    return (header + "".join(rows)).encode("cp1252")


def test_the_sample_register_creates_schools_locations_and_boards():
    report = import_schools(SAMPLE.read_bytes())

    assert report.layout == "duo" and report.applied and not report.has_errors
    assert [(r.code, r.action) for r in report.rows] == [
        ("12AB00", "created"),
        ("12AB01", "created"),
        ("56EF00", "created"),
        ("78GH00", "created"),
        ("78GH02", "created"),
        ("90KL01", "created"),
    ]
    burcht = School.objects.get(brin="12AB")
    assert burcht.name == "De Burcht"
    assert (burcht.street, burcht.postcode, burcht.city) == (
        "Burchtlaan 12",
        "3521 AB",
        "Utrecht",
    )
    assert burcht.website == "https://www.deburcht.example.nl"
    assert burcht.phone == "030-2345678" and burcht.denomination == "Openbaar"
    # DUO does not say SO or VSO, nor the clusters: an editor completes them.
    assert burcht.to_complete and burcht.school_type == ""
    assert not burcht.clusters.exists()
    zuid = SchoolLocation.objects.get(code="12AB01")
    assert zuid.school == burcht and zuid.name == "De Burcht Locatie Zuid"
    assert (zuid.street, zuid.postcode) == ("Zuidweg 3-A", "3524 BC")

    spectrum = School.objects.get(brin="56EF")
    assert spectrum.name == 'Orthopedagogisch Centrum "Het Spectrum"'
    assert spectrum.city == "'s-Hertogenbosch" and spectrum.province == "NB"
    wald = School.objects.get(brin="78GH")
    assert wald.name == "School voor ZML de Wâld" and wald.province == "FR"
    assert wald.municipality == "Tietjerksteradeel"
    # A new board is created under its number, for an editor to name.
    assert wald.board.number == "41088" and "41088" in wald.board.name
    assert not wald.board.is_member
    # No main location 00 in the file: the lowest-numbered one stands for the
    # school, and is kept as a location too.
    zonneboom = School.objects.get(brin="90KL")
    assert zonneboom.city == "Arnhem"
    assert list(zonneboom.locations.values_list("code", flat=True)) == ["90KL01"]
    assert Board.objects.count() == 4


def test_the_same_register_twice_changes_nothing():
    import_schools(SAMPLE.read_bytes())
    again = import_schools(SAMPLE.read_bytes())
    assert {row.action for row in again.rows} == {"unchanged"}
    assert again.not_in_file == []
    assert School.objects.count() == 4 and SchoolLocation.objects.count() == 3


def test_duo_keeps_what_it_does_not_hold_and_the_sites_spelling():
    import_schools(csv_bytes(GOOD[0]))  # the association's own layout
    burcht = School.objects.get(brin="12AB")
    assert burcht.school_type == "so-vso" and not burcht.to_complete

    row = (
        "Utrecht;41001;12AB;00;DE BURCHT;Nieuwe Gracht;4;3512LX;UTRECHT;Utrecht;"
        "Openbaar;030-1111111;\n"
    )
    report = import_schools(duo_bytes(row))

    assert report.rows[0].action == "updated"
    burcht.refresh_from_db()
    assert burcht.name == "De Burcht"  # the same name in capitals changes nothing
    assert (burcht.street, burcht.postcode) == ("Nieuwe Gracht 4", "3512 LX")
    # An empty INTERNETADRES does not erase the site's website.
    assert burcht.website == "https://deburcht.example.nl"
    assert burcht.school_type == "so-vso" and burcht.domain_list() == ["deburcht.nl"]
    assert list(burcht.clusters.values_list("number", flat=True)) == [4]
    assert burcht.board.name == "Stichting Kans" and burcht.board.is_member
    assert not burcht.to_complete


def test_schools_and_locations_the_register_no_longer_lists_are_reported_not_deleted():
    import_schools(SAMPLE.read_bytes())
    lines = SAMPLE.read_bytes().split(b"\r\n")
    without = b"\r\n".join(
        line
        for line in lines
        if not line.startswith((b"Noord-Brabant", b"Utrecht;41001;12AB;01"))
    )
    report = import_schools(without)

    assert report.not_in_file == [
        '56EF Orthopedagogisch Centrum "Het Spectrum", \'s-Hertogenbosch',
        "12AB01 De Burcht Locatie Zuid, Utrecht",
    ]
    assert "niet in het bestand (bewaard)" in report.summary()
    assert School.objects.filter(brin="56EF").exists()
    assert SchoolLocation.objects.filter(code="12AB01").exists()


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("Utrecht;41001;1X2B;00;DE BURCHT;Laan;1;3521AB;UTRECHT;Utrecht;;;\n", "BRIN"),
        (
            "Utrecht;41001;12AB;AB;DE BURCHT;Laan;1;3521AB;UTRECHT;Utrecht;;;\n",
            "two digits",
        ),
        (
            "Holland;41001;12AB;00;DE BURCHT;Laan;1;3521AB;UTRECHT;Utrecht;;;\n",
            "province",
        ),
        ("Utrecht;41001;12AB;00;DE BURCHT;Laan;1;35AB;UTRECHT;Utrecht;;;\n", "3521 AB"),
        ("Utrecht;BG-1;12AB;00;DE BURCHT;Laan;1;3521AB;UTRECHT;Utrecht;;;\n", "digits"),
        (
            "Utrecht;41001;12AB;00;;Laan;1;3521AB;UTRECHT;Utrecht;;;\n",
            "names no school",
        ),
        (
            "Utrecht;41001;12AB;00;DE BURCHT;Laan;1;3521AB;UTRECHT;Utrecht;;;www x\n",
            "web",
        ),
    ],
)
def test_a_bad_register_row_is_named_and_nothing_is_half_imported(
    settings, row, message
):
    settings.LANGUAGE_CODE = "en"
    good = "Gelderland;41099;90KL;00;DE ZONNEBOOM;Zonnelaan;5;6811AA;ARNHEM;Arnhem;;;\n"
    report = import_schools(duo_bytes(good, row))
    assert [r.action for r in report.rows] == ["created", "rejected"]
    assert message in " ".join(report.rows[1].errors), report.rows[1].errors
    assert not report.applied and not School.objects.exists()


def test_a_location_twice_is_a_duplicate_but_a_second_location_is_not(settings):
    settings.LANGUAGE_CODE = "en"
    main = "Utrecht;41001;12AB;00;DE BURCHT;Laan;1;3521AB;UTRECHT;Utrecht;;;\n"
    second = main.replace(";00;", ";1;").replace("Laan;1", "Weg;2")
    report = import_schools(duo_bytes(main, second, second))
    assert [r.action for r in report.rows] == ["created", "created", "rejected"]
    assert "12AB01 already appears on line 3" in report.rows[2].errors[0]


def test_headers_are_matched_without_case_spaces_or_hyphens():
    header = (
        DUO_HEADER.lower()
        .replace("brin nummer", "Brin-Nummer")
        .replace("bevoegd gezag nummer", "bevoegd_gezag_nummer")
    )
    row = "utrecht;41001;12AB;;De Burcht;Laan;1;3521 AB;Utrecht;Utrecht;;;\n"
    report = import_schools(duo_bytes(row, header=header))
    assert report.layout == "duo" and report.rows[0].action == "created"


def test_a_register_without_a_name_column_is_refused_whole(settings):
    settings.LANGUAGE_CODE = "en"
    header = DUO_HEADER.replace("INSTELLINGSNAAM", "NAAM")
    with pytest.raises(
        ImportFileError, match="missing: INSTELLINGSNAAM / VESTIGINGSNAAM"
    ):
        import_schools(
            duo_bytes("Utrecht;41001;12AB;00;X;;;;Utrecht;;;;\n", header=header)
        )


def test_the_own_layout_reads_doubled_quotes_anywhere_in_the_file():
    row = GOOD[1].replace("Het Baken", '"Centrum ""Het Baken"""')
    report = import_schools(csv_bytes(GOOD[0], row))
    assert report.applied
    assert School.objects.get(brin="34CD").name == 'Centrum "Het Baken"'


def test_the_own_layout_adds_a_second_location_of_a_brin():
    header = csv_header_with("vestigingsnummer;adres;postcode")
    rows = [
        GOOD[0].replace("\n", ";00;Burchtlaan 12;3521AB\n"),
        "12AB;De Burcht Zuid;Utrecht;;;;;;;;;;01;Zuidweg 3;3524 BC\n",
    ]
    report = import_schools(csv_bytes(*rows, header=header))
    assert [r.action for r in report.rows] == ["created", "created"]
    assert School.objects.get(brin="12AB").postcode == "3521 AB"
    assert SchoolLocation.objects.get(code="12AB01").name == "De Burcht Zuid"


def test_a_location_of_an_unknown_school_is_rejected(settings):
    settings.LANGUAGE_CODE = "en"
    header = csv_header_with("vestigingsnummer")
    row = "99ZZ;Nergens;Ede;;;;;;;;;;01\n"
    report = import_schools(csv_bytes(row, header=header))
    assert report.rows[0].action == "rejected"
    assert "neither in this file nor on the site" in report.rows[0].errors[0]


def test_an_editor_completing_a_school_clears_the_mark():
    import_schools(SAMPLE.read_bytes())
    burcht = School.objects.get(brin="12AB")
    burcht.school_type = "so"
    burcht.save()
    assert School.objects.get(brin="12AB").to_complete  # no cluster yet
    burcht.clusters.set([Cluster.objects.get(number=4)])
    burcht.save()
    assert not School.objects.get(brin="12AB").to_complete


def test_the_command_reads_the_register_and_lists_what_it_no_longer_holds(
    tmp_path, capsys, settings
):
    settings.LANGUAGE_CODE = "en"
    call_command("import_schools", str(SAMPLE))
    out = capsys.readouterr().out
    assert "line    3  12AB01  created" in out
    assert "6 created" in out

    lines = SAMPLE.read_bytes().split(b"\r\n")
    path = tmp_path / "kleiner.csv"
    path.write_bytes(b"\r\n".join(line for line in lines if b"90KL" not in line))
    call_command("import_schools", str(path))
    out = capsys.readouterr().out
    assert "not in the file: 90KL De Zonneboom, Arnhem" in out


def test_the_command_refuses_a_register_with_a_broken_quote(tmp_path, settings):
    settings.LANGUAGE_CODE = "en"
    path = tmp_path / "kapot.csv"
    path.write_bytes(
        duo_bytes('Utrecht;41001;12AB;00;"DE BURCHT;Laan;1;;UTRECHT;;;;\n')
    )
    with pytest.raises(CommandError, match="not valid CSV.*Nothing was imported"):
        call_command("import_schools", str(path))


@pytest.mark.parametrize(
    ("capitals", "tidy"),
    [
        ("DE BURCHT", "De Burcht"),
        ("'S-HERTOGENBOSCH", "'s-Hertogenbosch"),
        (
            'ORTHOPEDAGOGISCH CENTRUM "HET SPECTRUM"',
            'Orthopedagogisch Centrum "Het Spectrum"',
        ),
        ("SCHOOL VOOR ZML DE WÂLD", "School voor ZML de Wâld"),
        ("ALPHEN AAN DEN RIJN", "Alphen aan den Rijn"),
        ("Mixed Case As Written", "Mixed Case As Written"),
    ],
)
def test_names_in_capitals_are_written_as_people_write_them(capitals, tidy):
    assert tidy_case(capitals) == tidy


def csv_header_with(extra: str) -> str:
    from .test_imports import HEADER

    return HEADER.replace("\n", f";{extra}\n")
