"""What an import did, or would do, per row; and what the register no longer holds."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

ACTION_LABELS = {
    "created": gettext_lazy("created"),
    "updated": gettext_lazy("updated"),
    "unchanged": gettext_lazy("unchanged"),
    "rejected": gettext_lazy("rejected"),
}
# A row that writes a school and a location reports the larger change.
ACTION_WEIGHT = {"unchanged": 0, "updated": 1, "created": 2}


def strongest(actions: list[str]) -> str:
    return max(actions, key=ACTION_WEIGHT.__getitem__, default="unchanged")


@dataclass
class RowResult:
    line: int
    brin: str
    # Two digits for a row about one location ("00" is the main one); empty
    # for a row of the association's own layout that names no location.
    location: str = ""
    action: str = ""  # "created", "updated", "unchanged" or "rejected"
    errors: list[str] = field(default_factory=list)
    # Whether this row carries the school itself (for DUO: its main location,
    # or its lowest-numbered one when the file lacks 00).
    is_school_row: bool = True
    school_values: dict = field(default_factory=dict)
    board_values: dict = field(default_factory=dict)
    # None: keep the school's clusters (DUO does not hold them).
    clusters: list[int] | None = None
    location_values: dict = field(default_factory=dict)

    @property
    def code(self) -> str:
        return self.brin + self.location if self.location else self.brin

    @property
    def is_location(self) -> bool:
        return self.location not in ("", "00")

    @property
    def action_label(self) -> str:
        return str(ACTION_LABELS.get(self.action, self.action))


@dataclass
class ImportReport:
    rows: list[RowResult]
    applied: bool
    layout: str = "own"
    # Schools and locations on the site that a DUO file no longer lists. They
    # are kept: a school that closed or merged is an editor's decision.
    not_in_file: list[str] = field(default_factory=list)

    def count(self, action: str) -> int:
        return sum(1 for row in self.rows if row.action == action)

    @property
    def has_errors(self) -> bool:
        return any(row.errors for row in self.rows)

    @property
    def layout_label(self) -> str:
        return _("DUO register") if self.layout == "duo" else _("own layout")

    def summary(self) -> str:
        verb = _("imported") if self.applied else _("nothing imported")
        text = _(
            "%(created)d created, %(updated)d updated, %(unchanged)d unchanged, "
            "%(rejected)d rejected (%(verb)s)"
        ) % {
            "created": self.count("created"),
            "updated": self.count("updated"),
            "unchanged": self.count("unchanged"),
            "rejected": self.count("rejected"),
            "verb": verb,
        }
        if self.not_in_file:
            text += "; " + ngettext(
                "%(count)d school or location on the site is not in the file (kept)",
                "%(count)d schools or locations on the site are not in the file (kept)",
                len(self.not_in_file),
            ) % {"count": len(self.not_in_file)}
        return text
