"""On PostgreSQL, the two text vectors a search ranks by (title and body) kept
in the index entry's own row.

An entry holds title and body, the stored document (0007) and Wagtail's plain
copies of the texts; a forum thread's entry, with the text of its first posts,
is past the size PostgreSQL keeps in a row, and PostgreSQL moved its body out
to the table's TOAST storage. Ranking reads the body of every match: for a
common word that is 50,000 threads at ten times today's network, each body
fetched back from TOAST, and ranking them took 160-210 ms on one core, 60-80
ms with the body in the row (measured on copies of the same entries). With
storage MAIN, PostgreSQL compresses these two in the row and moves the other
columns out first (the document is matched through its index, not read).

The storage applies to rows written from now on; the table is rewritten once
(VACUUM FULL, which also returns the space of entries updated since they were
written) so that the existing entries move too: 16 s at 380,000 entries,
during which the index table is locked. Hence not in a transaction."""

from django.db import migrations

TABLE = "wagtailsearch_indexentry"
RANKED = ("title", "body")


def _storage(schema_editor, storage: str) -> None:
    columns = ", ".join(f"ALTER COLUMN {name} SET STORAGE {storage}" for name in RANKED)
    schema_editor.execute(f"ALTER TABLE {TABLE} {columns}")


def keep_inline(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    _storage(schema_editor, "MAIN")
    schema_editor.execute(f"VACUUM FULL {TABLE}")
    schema_editor.execute(f"ANALYZE {TABLE}")


def back_to_extended(apps, schema_editor):
    # Rows already written stay where they are until rewritten; only the
    # setting goes back.
    if schema_editor.connection.vendor != "postgresql":
        return
    _storage(schema_editor, "EXTENDED")


class Migration(migrations.Migration):
    # VACUUM cannot run inside a transaction.
    atomic = False

    dependencies = [("search", "0007_stored_document")]

    operations = [migrations.RunPython(keep_inline, back_to_extended)]
