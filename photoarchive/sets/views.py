"""What the set service hands the window and the CLI: a set with its current content, the steps this
person may take, and approval's check of every photo (all plain, frozen data)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from photoarchive.sets.changes import ContentChange
from photoarchive.sets.model import PhotoSet, SetContent
from photoarchive.sets.notices import Code, Notice
from photoarchive.sets.workflow import PhotoFacts


@dataclass(frozen=True)
class SetView:
    """A set with what a person wants to see about it: its current content and whether that differs
    from what was approved."""

    photo_set: PhotoSet
    content: SetContent
    changed_since_approval: bool
    # What changed since approval, in the order to tell it (empty when unchanged).
    changes: tuple[ContentChange, ...] = ()

    def to_json(self) -> dict[str, Any]:
        s = self.photo_set
        return {
            "id": s.id,
            "title": s.title,
            "description": s.description,
            "visibility": s.visibility.value,
            "licence_id": s.licence_id,
            "group_id": s.group_id,
            "tags": list(s.tags),
            "cover_photo_id": s.cover_photo_id,
            "state": s.state.value,
            "changed_since_approval": self.changed_since_approval,
            "changes": [c.to_json() for c in self.changes],
            "approved_by": s.approved_by,
            "approved_at": s.approved_at.isoformat(timespec="seconds") + "Z" if s.approved_at else None,
            "override_reason": s.override_reason,
            "photo_ids": list(s.photo_ids),
            "approved_photo_ids": (
                [p.photo_id for p in s.approved_content.photos] if s.approved_content else None
            ),
        }


@dataclass(frozen=True)
class Allowed:
    """Which workflow steps this person may take on a set now: None where allowed, else why not. Cheap
    (no file is read): what the window enables its buttons by. Approval's photo checks are `check()`."""

    submit: Notice | None
    approve: Notice | None
    revoke: Notice | None


@dataclass(frozen=True)
class PhotoCheck:
    """One photo as approval sees it: its name, press stamp, privacy state and case status."""

    photo_id: int
    name: str
    press: dict[str, object]
    facts: PhotoFacts


@dataclass(frozen=True)
class ApprovalCheck:
    """What approving the set now would do and what stands in the way: the approval dialog's content."""

    view: SetView
    photos: tuple[PhotoCheck, ...]
    refusals: tuple[Notice, ...]
    warnings: tuple[Notice, ...]
    # A confirmed case photo in a public set: approval needs a written reason.
    needs_override: bool
    # Why this person may not approve this set at all (not an approver, own submission, state).
    blocked: Notice | None

    @property
    def undecided_case_photos(self) -> list[PhotoCheck]:
        """Photos that may be case photos and must be decided before this set is approved (the dialog
        lists them first); none in a private set, which needs no decision."""
        waiting = {r.photo_id for r in self.refusals if r.code is Code.CASE_UNDECIDED}
        return [p for p in self.photos if p.photo_id in waiting]

    @property
    def unreviewed_redactions(self) -> list[PhotoCheck]:
        """Confirmed case photos whose redaction a person must review before this set is approved."""
        waiting = {r.photo_id for r in self.refusals if r.code is Code.REDACTION_UNREVIEWED}
        return [p for p in self.photos if p.photo_id in waiting]


@dataclass(frozen=True)
class Approval:
    photo_set: PhotoSet
    warnings: tuple[Notice, ...]
