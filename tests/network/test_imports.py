"""CSV import of schools and boards: clear per-row reports, nothing half-imported."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from network.imports import ImportFileError, import_schools
from network.models import Board, School

pytestmark = pytest.mark.django_db

HEADER = (
    "brin;naam;plaats;provincie;soort;clusters;bestuursnummer;bestuursnaam;lid;"
    "website;emaildomeinen;uitstroomprofielen\n"
)
GOOD = [
    "12AB;De Burcht;Utrecht;Utrecht;SO-VSO;4;41001;Stichting Kans;ja;"
    "https://deburcht.example.nl;deburcht.nl;vervolgonderwijs\n",
    "34CD;Het Baken;Groningen;GR;so;2,3;41001;Stichting Kans;ja;;hetbaken.nl;\n",
]
MISSING_BRIN = ";Zonder Code;Zwolle;Overijssel;SO;4;41002;Stichting Twee;nee;;;\n"
UNKNOWN_CLUSTER = "56EF;Onbekend Cluster;Breda;NB;VSO;7;41002;Stichting Twee;nee;;;\n"
DUPLICATE = "12AB;De Burcht bis;Utrecht;UT;SO;4;41001;Stichting Kans;ja;;;\n"


def csv_bytes(*rows: str, header: str = HEADER, encoding="utf-8") -> bytes:
    return (header + "".join(rows)).encode(encoding)


def test_good_rows_create_schools_and_their_board():
    report = import_schools(csv_bytes(*GOOD))
    assert report.applied and not report.has_errors
    assert [row.action for row in report.rows] == ["created", "created"]
    burcht = School.objects.get(brin="12AB")
    assert burcht.board.name == "Stichting Kans" and burcht.board.is_member
    assert burcht.school_type == "so-vso" and burcht.province == "UT"
    assert burcht.domain_list() == ["deburcht.nl"]
    assert burcht.offers_vervolgonderwijs and not burcht.offers_dagbesteding
    baken = School.objects.get(brin="34CD")
    assert sorted(baken.clusters.values_list("number", flat=True)) == [2, 3]
    assert Board.objects.count() == 1


def test_importing_again_updates_or_leaves_unchanged():
    import_schools(csv_bytes(*GOOD))
    changed = GOOD[1].replace("Het Baken", "Het Nieuwe Baken")
    report = import_schools(csv_bytes(GOOD[0], changed))
    assert [row.action for row in report.rows] == ["unchanged", "updated"]
    assert School.objects.get(brin="34CD").name == "Het Nieuwe Baken"


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (MISSING_BRIN, "BRIN code is missing."),
        (UNKNOWN_CLUSTER, "Unknown cluster “7”"),
        ("7XY;Fout;Ede;GE;SO;4;41002;B;nee;;;\n", "two digits and two capital letters"),
        ("78GH;Fout;Ede;Gelre;SO;4;41002;B;nee;;;\n", "Unknown province “Gelre”"),
        (
            "78GH;Fout;Ede;GE;PO;4;41002;B;nee;;;\n",
            "School type must be SO, VSO or SO-VSO",
        ),
        ("78GH;Fout;Ede;GE;SO;4;41002;B;misschien;;;\n", "must be ja or nee"),
        ("78GH;Fout;Ede;GE;SO;4;41002;B;nee;geen-url;;\n", "is not a web address"),
        ("78GH;Fout;Ede;GE;VSO;4;41002;B;nee;;;werk\n", "Unknown exit profile “werk”"),
    ],
)
def test_a_bad_row_is_reported_and_the_file_changes_nothing(settings, row, message):
    settings.LANGUAGE_CODE = "en"
    report = import_schools(csv_bytes(GOOD[0], row))
    assert not report.applied
    rejected = [r for r in report.rows if r.action == "rejected"]
    assert len(rejected) == 1 and rejected[0].line == 3
    assert any(message in error for error in rejected[0].errors), rejected[0].errors
    assert report.rows[0].action == "created"  # what would have happened
    assert not School.objects.exists() and not Board.objects.exists()


def test_duplicate_brin_in_one_file_is_rejected_with_its_first_line(settings):
    settings.LANGUAGE_CODE = "en"
    report = import_schools(csv_bytes(GOOD[0], DUPLICATE))
    assert report.rows[1].action == "rejected"
    assert "already appears on line 2" in " ".join(report.rows[1].errors)
    assert not School.objects.exists()


def test_valid_rows_are_imported_only_when_asked():
    data = csv_bytes(GOOD[0], MISSING_BRIN, UNKNOWN_CLUSTER, GOOD[1])
    report = import_schools(data, apply_valid_rows=True)
    assert report.applied
    assert [r.action for r in report.rows] == [
        "created",
        "rejected",
        "rejected",
        "created",
    ]
    assert set(School.objects.values_list("brin", flat=True)) == {"12AB", "34CD"}


def test_dry_run_reports_but_changes_nothing():
    report = import_schools(csv_bytes(*GOOD), dry_run=True)
    assert [r.action for r in report.rows] == ["created", "created"]
    assert not report.applied and not School.objects.exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "empty or is not a CSV"),
        (b"brin;naam\n12AB;De Burcht\n", "These columns are missing: plaats"),
        (HEADER.encode(), "no rows"),
        (csv_bytes('12AB;"open quote;Utrecht\n'), "not valid CSV"),
        (csv_bytes(GOOD[0].replace("\n", ";extra;extra\n")), "Line 2 has more values"),
    ],
)
def test_a_malformed_file_is_refused_whole(settings, data, message):
    settings.LANGUAGE_CODE = "en"
    with pytest.raises(ImportFileError, match=message):
        import_schools(data)
    assert not School.objects.exists()


def test_comma_separated_windows_file_is_read():
    header = HEADER.replace(";", ",")
    row = (
        "89JK,Sint-Michiëlsschool,Den Bosch,Noord-Brabant,SO,3,41003,"
        "Stichting Drie,ja,,,\n"
    )
    report = import_schools(csv_bytes(row, header=header, encoding="cp1252"))
    assert report.applied
    assert School.objects.get(brin="89JK").name == "Sint-Michiëlsschool"


def test_utf8_file_with_a_byte_order_mark_is_read():
    report = import_schools(
        csv_bytes(GOOD[0].replace("De Burcht", "Sint-Michiëls"), encoding="utf-8-sig")
    )
    assert report.applied
    assert School.objects.get(brin="12AB").name == "Sint-Michiëls"


# 0x81, 0x8D, 0x8F, 0x90 and 0x9D are the bytes Windows-1252 leaves undefined.
@pytest.mark.parametrize("byte", [b"\x81", b"\x8d", b"\x8f", b"\x90", b"\x9d"])
def test_an_undecodable_windows_file_names_the_line_of_the_bad_byte(settings, byte):
    settings.LANGUAGE_CODE = "en"
    # Line 2 is fine in Windows-1252 (though not UTF-8); line 3 holds the bad byte.
    first = GOOD[0].replace("Stichting Kans", "Stichting Kansrijk Één")
    data = csv_bytes(first, GOOD[1], encoding="cp1252").replace(
        b"GR;", b"G" + byte + b"R;"
    )
    with pytest.raises(ImportFileError, match=f"Line 3 .*0x{byte[0]:02X}"):
        import_schools(data)
    assert not School.objects.exists()


def test_a_broken_utf8_file_names_the_line_of_the_bad_byte(settings):
    """A file that is UTF-8 apart from one broken byte is named where UTF-8
    decoding stopped, not where Windows-1252 would (the "Ł" on line 2 holds
    0x81 as its second byte)."""
    settings.LANGUAGE_CODE = "en"
    data = csv_bytes(GOOD[0].replace("Utrecht;Utrecht", "Łódź;Utrecht"), GOOD[1])
    data = data.replace(b"Het Baken", b"Het \xffBaken")
    with pytest.raises(ImportFileError, match=r"Line 3 .*0xFF"):
        import_schools(data)


def test_command_refuses_an_undecodable_file_without_a_traceback(tmp_path, settings):
    settings.LANGUAGE_CODE = "en"
    path = tmp_path / "scholen.csv"
    path.write_bytes(csv_bytes(GOOD[0]).replace(b"Stichting", b"Sti\x81chting"))
    with pytest.raises(CommandError, match=r"Line 2 .*Nothing was imported"):
        call_command("import_schools", str(path))
    assert not School.objects.exists()


def test_command_reports_per_row_and_fails_on_errors(tmp_path, capsys):
    path = tmp_path / "scholen.csv"
    path.write_bytes(csv_bytes(GOOD[0], MISSING_BRIN))
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("import_schools", str(path))
    out = capsys.readouterr().out
    assert "line    2  12AB  created" in out
    assert "line    3  ----  rejected" in out
    assert not School.objects.exists()

    call_command("import_schools", str(path), "--apply-valid-rows")
    assert list(School.objects.values_list("brin", flat=True)) == ["12AB"]
