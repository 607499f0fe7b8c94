"""manage.py import_schools FILE: schools, boards and locations from a CSV file,
in the association's own layout or DUO's register of (v)so locations."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from network.imports import ImportFileError, import_schools


class Command(BaseCommand):
    help = (
        "Import schools, their boards and locations from a CSV file in the "
        "association's own layout or DUO's register of (v)so locations. A file "
        "with errors changes nothing, unless --apply-valid-rows is given."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--apply-valid-rows",
            action="store_true",
            help="Import the rows without errors even if other rows have errors.",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Report only; change nothing."
        )

    def handle(self, *args, file: Path, apply_valid_rows, dry_run, **options):
        try:
            data = file.read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror}") from error
        try:
            report = import_schools(
                data, apply_valid_rows=apply_valid_rows, dry_run=dry_run
            )
        except ImportFileError as error:
            raise CommandError(f"{file}: {error} Nothing was imported.") from error
        for row in report.rows:
            line = f"line {row.line:>4}  {row.code or '----':<4}  {row.action}"
            if row.errors:
                self.stdout.write(self.style.ERROR(f"{line}: {' '.join(row.errors)}"))
            else:
                self.stdout.write(line)
        for missing in report.not_in_file:
            self.stdout.write(self.style.WARNING(f"not in the file: {missing}"))
        style = self.style.SUCCESS if report.applied else self.style.WARNING
        self.stdout.write(style(report.summary()))
        if report.has_errors and not report.applied:
            raise CommandError(
                "The file has errors, so nothing was imported. Fix the rows above, "
                "or use --apply-valid-rows to import the others."
            )
