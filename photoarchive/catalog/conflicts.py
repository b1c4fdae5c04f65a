"""Optimistic concurrency: a save made on an older copy of a photo or set is refused with who changed it
since, when and which fields, instead of silently overwriting the other desk's work.

Every edit bumps the row's `version`; a caller that passes the version it read gets `EditConflict` when
the row moved on meanwhile (checked in the UPDATE itself, so two desks saving at once cannot both win).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from photoarchive.errors import CatalogError


@dataclass(frozen=True)
class ChangeSince:
    actor: str
    at: datetime | None
    fields: tuple[str, ...]


class EditConflict(CatalogError):
    """Someone else saved this photo or set after you opened it."""

    code = "catalog.edit_conflict"

    def __init__(
        self, kind: str, target_id: int, your_version: int, current_version: int, changes: list[ChangeSince]
    ):
        self.kind = kind
        self.target_id = target_id
        self.your_version = your_version
        self.current_version = current_version
        self.changes = changes
        who = ", ".join(
            f"{c.actor} ({', '.join(c.fields) or 'changes'}{', ' + c.at.strftime('%Y-%m-%d %H:%M') if c.at else ''})"
            for c in changes
        )
        self.params = {
            "kind": kind,
            "id": target_id,
            "who": who or "another desk",
            "fields": sorted({f for c in changes for f in c.fields}),
        }
        super().__init__(
            f"The {kind} {target_id} was changed by {who or 'another desk'} after you opened it; "
            "reload it to see their changes, or save again to keep yours."
        )
