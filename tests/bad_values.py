"""Bad input for tests: values people (or scripts) send that forms must refuse
with a message, and a way to see on SQLite what PostgreSQL would refuse."""

import contextlib

from django.db import connection

ONE_MB = 1024 * 1024

NUL_MESSAGE = "A string literal cannot contain NUL (0x00) characters"


def _refuse_nul(execute, sql, params, many, context):
    rows = params if many else [params]
    for row in rows or ():
        values = row.values() if isinstance(row, dict) else (row or ())
        if any(isinstance(value, str) and "\x00" in value for value in values):
            raise ValueError(f"{NUL_MESSAGE} (as PostgreSQL answers).")
    return execute(sql, params, many, context)


@contextlib.contextmanager
def refusing_nul_like_postgresql():
    """Within the block, a query with a NUL byte in a text parameter fails as
    it does on PostgreSQL (psycopg refuses it), also on SQLite, which would
    store it."""
    with connection.execute_wrapper(_refuse_nul):
        yield
