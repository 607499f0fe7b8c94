"""On PostgreSQL, the whole-document index (0003) with the kind of object in
front: each kind's part of a search (search/ranking.py) asks for one content
type's entries that match, and now reads exactly those from the index.

With the document alone, the planner had to choose between the matches of all
kinds (then filtered by kind) and all entries of a kind (then matched one by
one): for people, 30,000 entries concatenated and matched on every search.
btree_gin lets a GIN index hold the content type beside the document; it ships
with PostgreSQL and is a trusted extension (PostgreSQL 13 and newer), so the
database's owner may create it. A match on the document alone (the bench's
floor, suggestions) is served by the same index."""

from django.db import migrations

INDEX = "search_indexentry_kind_document"
OLD_INDEX = "search_indexentry_document"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS btree_gin")
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailsearch_indexentry "
        "USING GIN (content_type_id, (title || body))"
    )
    schema_editor.execute(f"DROP INDEX IF EXISTS {OLD_INDEX}")
    schema_editor.execute("ANALYZE wagtailsearch_indexentry")


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {OLD_INDEX} ON wagtailsearch_indexentry "
        "USING GIN ((title || body))"
    )
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("search", "0005_seed_sector_terms")]

    operations = [migrations.RunPython(create_index, drop_index)]
