"""Working with sets: the one entry point the CLI and the GUI call. Reads the catalog, lets the pure
workflow decide, writes the result with its audit entries."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from photoarchive.catalog.sets import NewAuditEntry, StateChange, utcnow
from photoarchive.sets.errors import ApprovalRefused, NotAnApprover, SetError
from photoarchive.sets.model import (
    LICENCES,
    PhotoContent,
    PhotoSet,
    SetContent,
    SetState,
    Visibility,
    order_with_moved,
)
from photoarchive.sets.workflow import (
    Refusal,
    Step,
    approval_refusals,
    changed_since_approval,
    may_approve,
    next_state,
)
from photoarchive.users import current_user

if TYPE_CHECKING:
    from photoarchive.catalog import Catalog
    from photoarchive.home import Home
    from photoarchive.settings import Settings

log = logging.getLogger(__name__)

# Given a photo as it would be published, the reason it cannot be made clean, or None when it can.
CleanCheck = Callable[[PhotoContent], "str | None"]


@dataclass(frozen=True)
class SetView:
    """A set with what a person wants to see about it: its current content and whether that differs
    from what was approved."""

    photo_set: PhotoSet
    content: SetContent
    changed_since_approval: bool

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
            "approved_by": s.approved_by,
            "approved_at": s.approved_at.isoformat(timespec="seconds") + "Z" if s.approved_at else None,
            "override_reason": s.override_reason,
            "photo_ids": list(s.photo_ids),
            "approved_photo_ids": (
                [p.photo_id for p in s.approved_content.photos] if s.approved_content else None
            ),
        }


class SetService:
    def __init__(
        self,
        catalog: Catalog,
        *,
        clean_check: CleanCheck,
        actor: str | None = None,
        approvers: Iterable[str] = (),
    ):
        """`clean_check` is the privacy gate approval runs on every photo (see `for_home`)."""
        self.catalog = catalog
        self.actor = actor or current_user()
        self.clean_check = clean_check
        # The editors who may approve (settings.sets.approvers); empty: anyone.
        self.approvers: tuple[str, ...] = tuple(approvers)

    @classmethod
    def for_home(
        cls, catalog: Catalog, home: Home, settings: Settings, *, actor: str | None = None
    ) -> SetService:
        """The service with the real privacy gate: clean copies are made into the home's publish cache
        (and reused by sync)."""
        from photoarchive.sets.publishing import CleanCopies

        return cls(
            catalog,
            clean_check=CleanCopies(home, settings).problem,
            actor=actor,
            approvers=settings.sets.approvers,
        )

    # -- reading --------------------------------------------------------------------------------

    def find(self, ref: str | int) -> PhotoSet:
        return self.catalog.sets.find(ref)

    def view(self, ref: str | int) -> SetView:
        return self._view(self.find(ref))

    def views(self) -> list[SetView]:
        return [self._view(s) for s in self.catalog.sets.list()]

    def content_of(self, photo_set: PhotoSet) -> SetContent:
        """The set as it is now, in the form approval freezes."""
        content, _missing = self._content(photo_set)
        return content

    # -- editing --------------------------------------------------------------------------------

    def create(
        self,
        title: str,
        *,
        description: str = "",
        visibility: Visibility | str = Visibility.PRIVATE,
        licence_id: int = 0,
        group_id: str = "",
        tags: Sequence[str] = (),
    ) -> PhotoSet:
        _check_values(visibility=visibility, licence_id=licence_id)
        return self.catalog.sets.create(
            title,
            description=description,
            visibility=Visibility(visibility),
            licence_id=licence_id,
            group_id=group_id,
            tags=tags,
            audit=NewAuditEntry(self.actor, "create", "set", 0, {"title": title.strip()}),
        )

    def add(self, ref: str | int, photo_ids: Iterable[int]) -> list[int]:
        photo_set = self.find(ref)
        return self.catalog.sets.add_photos(photo_set.id, photo_ids)

    def remove(self, ref: str | int, photo_ids: Iterable[int]) -> list[int]:
        photo_set = self.find(ref)
        return self.catalog.sets.remove_photos(photo_set.id, photo_ids)

    def reorder(self, ref: str | int, photo_ids: Sequence[int]) -> None:
        self.catalog.sets.reorder(self.find(ref).id, photo_ids)

    def move(self, ref: str | int, photo_ids: Sequence[int], position: int) -> list[int]:
        """Move photos of the set before the one at ``position`` (see `order_with_moved`); the new order."""
        photo_set = self.find(ref)
        strangers = sorted(set(photo_ids) - set(photo_set.photo_ids))
        if strangers:
            raise SetError(
                f"Photo {strangers[0]} is not in the set “{photo_set.title}”, so it cannot be moved there."
            )
        order = order_with_moved(list(photo_set.photo_ids), list(photo_ids), position)
        self.catalog.sets.reorder(photo_set.id, order)
        return order

    def edit(self, ref: str | int, **changes: Any) -> None:
        """Change title, description, visibility, licence_id, group_id, tags or cover_photo_id."""
        photo_set = self.find(ref)
        _check_values(**{k: v for k, v in changes.items() if k in ("visibility", "licence_id")})
        cover = changes.get("cover_photo_id")
        if cover is not None and cover not in photo_set.photo_ids:
            raise SetError(f"Photo {cover} is not in the set, so it cannot be its cover.")
        self.catalog.sets.update(photo_set.id, changes)

    # -- workflow -------------------------------------------------------------------------------

    def submit(self, ref: str | int) -> PhotoSet:
        photo_set = self.find(ref)
        state = next_state(photo_set.state, Step.SUBMIT)
        self.catalog.sets.apply_step(
            photo_set.id,
            StateChange(expected_state=photo_set.state, state=state),
            [NewAuditEntry(self.actor, "submit", "set", photo_set.id)],
        )
        return self.find(photo_set.id)

    def approval_problems(self, ref: str | int, override_reason: str = "") -> list[Refusal]:
        """What would stop approval now (runs the privacy check on every photo)."""
        photo_set = self.find(ref)
        content, missing = self._content(photo_set)
        return self._refusals(content, missing, override_reason)

    def approve(self, ref: str | int, *, override_reason: str = "") -> PhotoSet:
        """Approve the set as it is now, or raise ApprovalRefused listing every reason (NotAnApprover
        when the settings name the editors who may approve and this user is not one)."""
        photo_set = self.find(ref)
        if not may_approve(self.actor, self.approvers):
            raise NotAnApprover(
                f"Only {', '.join(self.approvers)} may approve sets (settings: sets.approvers); "
                f"you are {self.actor}. Submit the set and ask one of them."
            )
        content, missing = self._content(photo_set)
        state = next_state(photo_set.state, Step.APPROVE, changed=changed_since_approval(photo_set, content))
        refusals = self._refusals(content, missing, override_reason)
        if refusals:
            raise ApprovalRefused(photo_set.title, refusals)
        override_reason = override_reason.strip()
        audit = [
            NewAuditEntry(
                self.actor,
                "approve",
                "set",
                photo_set.id,
                {"photos": [p.photo_id for p in content.photos], "visibility": content.visibility.value},
            )
        ]
        case_ids = self._case_photo_ids(content)
        if override_reason and content.visibility is Visibility.PUBLIC and case_ids:
            audit.append(
                NewAuditEntry(
                    self.actor,
                    "override",
                    "set",
                    photo_set.id,
                    {"reason": override_reason, "case_photos": sorted(case_ids)},
                )
            )
            audit.extend(
                NewAuditEntry(
                    self.actor, "override", "photo", pid, {"set_id": photo_set.id, "reason": override_reason}
                )
                for pid in sorted(case_ids)
            )
        self.catalog.sets.apply_step(
            photo_set.id,
            StateChange(
                expected_state=photo_set.state,
                state=state,
                approved_by=self.actor,
                approved_at=utcnow(),
                approved_content=content,
                override_reason=override_reason,
            ),
            audit,
        )
        log.info("set %s approved by %s", photo_set.id, self.actor)
        return self.find(photo_set.id)

    def revoke(self, ref: str | int) -> PhotoSet:
        """Withdraw approval: the set goes back to draft and the next sync takes its album down."""
        photo_set = self.find(ref)
        state = next_state(photo_set.state, Step.REVOKE)
        self.catalog.sets.apply_step(
            photo_set.id,
            StateChange(expected_state=photo_set.state, state=state, clear_approval=True, override_reason=""),
            [NewAuditEntry(self.actor, "revoke", "set", photo_set.id, {"was": photo_set.state.value})],
        )
        return self.find(photo_set.id)

    def mark_published(self, set_id: int, detail: dict[str, Any]) -> bool:
        """Sync calls this when Flickr shows a set's approved content; False if the set moved on meanwhile."""
        photo_set = self.catalog.sets.get(set_id)
        if photo_set is None or photo_set.state is not SetState.APPROVED:
            return False
        try:
            self.catalog.sets.apply_step(
                set_id,
                StateChange(
                    expected_state=SetState.APPROVED, state=next_state(photo_set.state, Step.PUBLISH)
                ),
                [NewAuditEntry(self.actor, "publish", "set", set_id, detail)],
            )
        except SetError:
            return False
        return True

    def record(
        self, action: str, target_kind: str, target_id: int, detail: dict[str, Any] | None = None
    ) -> None:
        self.catalog.sets.record([NewAuditEntry(self.actor, action, target_kind, target_id, detail or {})])

    # -- internals ------------------------------------------------------------------------------

    def _view(self, photo_set: PhotoSet) -> SetView:
        content, _missing = self._content(photo_set)
        return SetView(photo_set, content, changed_since_approval(photo_set, content))

    def _content(self, photo_set: PhotoSet) -> tuple[SetContent, list[int]]:
        records = {r.id: r for r in self.catalog.photos.get_many(photo_set.photo_ids)}
        missing = [pid for pid in photo_set.photo_ids if pid not in records]
        photos = tuple(
            PhotoContent(
                photo_id=r.id,
                sha256=r.sha256,
                archive_path=r.archive_path,
                headline=r.headline,
                caption=r.caption,
                keywords=tuple(r.keywords),
                byline=r.byline,
                credit=r.credit,
                copyright=r.copyright,
                case_number=r.case_number,
            )
            for r in (records[pid] for pid in photo_set.photo_ids if pid in records)
        )
        content = SetContent(
            title=photo_set.title,
            description=photo_set.description,
            visibility=photo_set.visibility,
            licence_id=photo_set.licence_id,
            group_id=photo_set.group_id,
            tags=tuple(photo_set.tags),
            cover_photo_id=photo_set.cover_photo_id,
            photos=photos,
        )
        return content, missing

    def _case_photo_ids(self, content: SetContent) -> set[int]:
        from photoarchive.catalog.photos import Category

        records = self.catalog.photos.get_many([p.photo_id for p in content.photos])
        return {r.id for r in records if r.has_category(Category.CASE, confirmed_only=True)}

    def _refusals(self, content: SetContent, missing: list[int], override_reason: str) -> list[Refusal]:
        unclean: dict[int, str] = {}
        for photo in content.photos:
            reason = self.clean_check(photo)
            if reason:
                unclean[photo.photo_id] = reason
        from photoarchive.redaction import unreviewed_case_photos

        case_ids = self._case_photo_ids(content)
        return approval_refusals(
            content,
            missing_photo_ids=missing,
            case_photo_ids=case_ids,
            unclean=unclean,
            override_reason=override_reason,
            redaction_unreviewed_ids=unreviewed_case_photos(self.catalog, sorted(case_ids)),
        )


def _check_values(*, visibility: Any = None, licence_id: Any = None) -> None:
    if visibility is not None and visibility not in {v.value for v in Visibility}:
        raise SetError(f"Unknown visibility «{visibility}»; use public, friends, family or private.")
    if licence_id is not None and licence_id not in LICENCES:
        known = ", ".join(f"{k} ({v})" for k, v in LICENCES.items())
        raise SetError(f"Flickr has no licence {licence_id}. Known licences: {known}.")
