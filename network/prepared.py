"""Small statements that nearly every page asks, planned once per database
connection.

PostgreSQL plans a statement each time it runs one. For the few written-out
statements asked on nearly every page (whether the reader is a member; what a
thread page asks of its reader) planning took longer than running: 0.2 and
0.6 ms against 0.05. Prepared, such a statement is planned once for the
connection, which the pool keeps, and run by name. It still goes through
Django's cursor (client-side binding fills in EXECUTE's arguments), so it is
logged and counted as any other query.

Only for statements whose plan does not depend on their parameters (lookups
by key): PostgreSQL may settle on one plan for all values. Elsewhere (SQLite)
the statement runs as it is."""

from django.db import connection

# What each database connection has prepared, kept on psycopg's connection
# object: a connection the pool replaces starts with none.
_PREPARED = "_lecso_prepared"


def execute(cursor, name: str, sql: str, params: list) -> None:
    """Run `sql` (with %s placeholders) on `cursor`, prepared as `name` on
    PostgreSQL. `name` must be unique to `sql`."""
    if connection.vendor != "postgresql":
        cursor.execute(sql, params)
        return
    raw = connection.connection
    prepared = getattr(raw, _PREPARED, None)
    if prepared is None:
        prepared = set()
        setattr(raw, _PREPARED, prepared)
    if name not in prepared:
        parts = sql.split("%s")
        numbered = parts[0] + "".join(
            f"${number}{part}" for number, part in enumerate(parts[1:], start=1)
        )
        # A prepared statement outlives the transaction it was made in, even
        # one rolled back.
        cursor.execute(f"PREPARE {name} AS {numbered}")
        prepared.add(name)
    placeholders = ", ".join(["%s"] * len(params))
    cursor.execute(f"EXECUTE {name}({placeholders})", params)
