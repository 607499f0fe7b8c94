"""Each profile's search index entry gains the words that name its clusters,
SO/VSO and support needs (network.narrowing), so a filtered search on
PostgreSQL narrows in the text index. New and changed profiles get them from
the indexer; this adds them to the entries already there, in batches, without
rebuilding the rest of the entry (30,000 profiles in a few seconds).

Only PostgreSQL reads the words; SQLite's entries gain them the next time a
profile is saved or the index is rebuilt."""

from django.db import migrations

from network.narrowing import words_of

BATCH = 2000


def add_words(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    Profile = apps.get_model("network", "Profile")
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type = ContentType.objects.filter(
        app_label="network", model="profile"
    ).first()
    if content_type is None:
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT EXISTS (SELECT 1 FROM wagtailsearch_indexentry "
            "WHERE content_type_id = %s)",
            [content_type.pk],
        )
        if not cursor.fetchone()[0]:
            return  # nothing indexed yet: the index will be built with the words
    ids = list(Profile.objects.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), BATCH):
        profiles = (
            Profile.objects.filter(pk__in=ids[start : start + BATCH])
            .only("pk", "school_type")
            .prefetch_related("clusters", "support_needs")
        )
        rows = [(str(p.pk), words_of(p)) for p in profiles]
        rows = [(key, words) for key, words in rows if words]
        if not rows:
            continue
        values = ", ".join(["(%s, %s)"] * len(rows))
        with connection.cursor() as cursor:
            cursor.execute(
                "UPDATE wagtailsearch_indexentry AS entry "
                "SET body = entry.body || to_tsvector('simple', words.words) "
                f"FROM (VALUES {values}) AS words (object_id, words) "
                "WHERE entry.content_type_id = %s "
                "AND entry.object_id = words.object_id",
                [value for row in rows for value in row] + [content_type.pk],
            )


class Migration(migrations.Migration):
    dependencies = [
        ("network", "0021_public_profile_keys"),
        ("search", "0008_rank_columns_inline"),
    ]

    operations = [migrations.RunPython(add_words, migrations.RunPython.noop)]
