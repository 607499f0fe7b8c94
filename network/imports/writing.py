"""Writing one checked row: its board, its school, its location."""

from django.utils.translation import gettext as _

from ..models import Board, Cluster, School, SchoolLocation
from .report import RowResult, strongest


def write_row(result: RowResult) -> str:
    """Write what `result` holds; say whether it was created, updated or unchanged."""
    actions = []
    if result.is_school_row:
        actions.append(_write_school(result))
    if result.is_location:
        actions.append(_write_location(result))
    return strongest(actions)


def _write_school(result: RowResult) -> str:
    board, board_action = _board(dict(result.board_values))
    school = School.objects.filter(brin=result.brin).first()
    values = {**result.school_values, "board": board}
    clusters = result.clusters
    if school is None:
        school = School(brin=result.brin, **values)
        # From DUO, which holds no school type or clusters: an editor completes it.
        school.to_complete = not (school.school_type and clusters)
        if clusters:
            # School is a ClusterableModel: relations set before save() are
            # saved with it.
            school.clusters.set(Cluster.objects.filter(number__in=clusters))
        school.save()
        return "created"
    changed = _assign(school, values)
    if clusters is not None and sorted(
        school.clusters.values_list("number", flat=True)
    ) != sorted(clusters):
        school.clusters.set(Cluster.objects.filter(number__in=clusters))
        changed = True
    if not changed:
        return board_action
    school.save()
    return "updated"


def _write_location(result: RowResult) -> str:
    code = result.code
    location = SchoolLocation.objects.filter(code=code).first()
    if location is None:
        school = School.objects.get(brin=result.brin)
        SchoolLocation.objects.create(
            school=school, code=code, **result.location_values
        )
        return "created"
    if not _assign(location, result.location_values):
        return "unchanged"
    location.save()
    return "updated"


def _board(values: dict) -> tuple[Board, str]:
    number = values.pop("number")
    board = Board.objects.filter(number=number).first()
    if board is None:
        values.setdefault("name", _("Board %(number)s") % {"number": number})
        return Board.objects.create(number=number, **values), "created"
    if not _assign(board, values):
        return board, "unchanged"
    board.save()
    return board, "updated"


def _assign(instance, values: dict) -> bool:
    """Set `values` on a saved `instance`; True when anything changed.

    A text that differs only in case or spacing keeps the site's spelling
    (DUO writes names in capitals, editors do not), and an empty text does not
    erase what the site holds: a file that lacks a phone number or a website
    says nothing about it."""
    changed = False
    for key, value in values.items():
        current = getattr(instance, key)
        if isinstance(value, str) and isinstance(current, str):
            if (
                not value
                or " ".join(value.split()).casefold()
                == " ".join(current.split()).casefold()
            ):
                continue
        if current != value:
            setattr(instance, key, value)
            changed = True
    return changed
