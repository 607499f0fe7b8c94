"""On PostgreSQL, a trigram index on Profile.search_text: the directory's text
filter is `search_text LIKE '%word%'` (the text is lower-cased), which a B-tree
cannot serve; with pg_trgm's GIN index PostgreSQL reads the matching profiles
from the index instead of scanning every profile's text for every word.

pg_trgm ships with PostgreSQL and is a trusted extension (PostgreSQL 13 and
later), so the database's owner may create it."""

from django.db import migrations

INDEX = "network_profile_search_text_trgm"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON network_profile "
        "USING GIN (search_text gin_trgm_ops)"
    )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("network", "0013_support_need_other_names")]

    operations = [migrations.RunPython(create_index, drop_index)]
