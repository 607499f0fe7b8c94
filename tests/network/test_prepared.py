"""Statements planned once per connection (network.prepared): the same
answers as unprepared, one PREPARE per connection, and still there after a
rolled-back transaction."""

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from network import prepared
from network.permissions import is_member, membership_sql

pytestmark = pytest.mark.django_db


def _ask(user_pk, name="lecso_test_member"):
    with connection.cursor() as cursor:
        prepared.execute(cursor, name, f"SELECT EXISTS ({membership_sql()})", [user_pk])
        return bool(cursor.fetchone()[0])


def _plain(user_pk):
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT EXISTS ({membership_sql()})", [user_pk])
        return bool(cursor.fetchone()[0])


def test_answers_as_the_statement_itself(
    make_person, school_a, make_school, other_board
):
    member = make_person("Lid", school=school_a).user
    outsider = make_person(
        "Buiten", school=make_school("Niet Lid", "56EF", board=other_board)
    ).user
    for user in (member, outsider, member, outsider):
        assert _ask(user.pk) == _plain(user.pk)
    assert _ask(member.pk) is True
    assert _ask(outsider.pk) is False


def test_prepared_once_per_connection_and_counted(make_person, school_a):
    user = make_person("Lid", school=school_a).user
    _ask(user.pk, "lecso_test_once")
    with CaptureQueriesContext(connection) as queries:
        for _ in range(3):
            assert _ask(user.pk, "lecso_test_once") is True
    statements = [query["sql"] for query in queries.captured_queries]
    assert len(statements) == 3
    if connection.vendor == "postgresql":
        assert all(sql.startswith("EXECUTE lecso_test_once(") for sql in statements)
    else:
        assert all(sql.startswith("SELECT EXISTS") for sql in statements)


def test_survives_a_rolled_back_transaction(make_person, school_a):
    user = make_person("Lid", school=school_a).user

    class Undone(Exception):
        pass

    with pytest.raises(Undone), transaction.atomic():
        assert _ask(user.pk, "lecso_test_rollback") is True
        raise Undone
    assert _ask(user.pk, "lecso_test_rollback") is True
    user.refresh_from_db()
    assert is_member(user)
