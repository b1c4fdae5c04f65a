"""Working with sets: the one entry point the CLI and the GUI call. Reads the catalog, lets the pure
workflow decide, writes the result with its audit entries."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

from photoarchive.catalog.sets import NewAuditEntry, StateChange, utcnow
from photoarchive.privacy_state import PrivacyStatus, check_original, decide
from photoarchive.sets.changes import content_changes
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
from photoarchive.sets.notices import Notice
from photoarchive.sets.reading import current_content, photo_facts
from photoarchive.sets.views import Allowed, Approval, ApprovalCheck, PhotoCheck, SetView
from photoarchive.sets.workflow import (
    CaseDecision,
    PhotoFacts,
    Step,
    approval_notices,
    approver_notice,
    changed_since_approval,
    needs_override,
    next_state,
    step_notice,
)
from photoarchive.settings import CategorySettings

# The service's answers are defined in sets/views.py; taken from here too.
__all__ = [
    "Allowed",
    "Approval",
    "ApprovalCheck",
    "CleanCheck",
    "PhotoCheck",
    "PrivacyCheck",
    "SetService",
    "SetView",
]

if TYPE_CHECKING:
    from photoarchive.catalog import Catalog
    from photoarchive.catalog.photos import PhotoRecord
    from photoarchive.home import Home
    from photoarchive.settings import Settings

log = logging.getLogger(__name__)

# Given a photo as it would be published, the reason it cannot be made clean, or None when it can.
CleanCheck = Callable[[PhotoContent], "str | None"]
# Given a catalog photo, what is known about its personal data (see photoarchive.privacy_state).
PrivacyCheck = Callable[["PhotoRecord"], PrivacyStatus]


def recorded_privacy(record: PhotoRecord) -> PrivacyStatus:
    """The privacy state from what ingest recorded (no file read)."""
    return decide(record.privacy_findings)


class SetService:
    def __init__(
        self,
        catalog: Catalog,
        *,
        clean_check: CleanCheck,
        privacy_check: PrivacyCheck = recorded_privacy,
        press_values: Callable[[PhotoContent], dict[str, object]] | None = None,
        actor: str | None = None,
        approvers: Iterable[str] = (),
        case_pattern: str = CategorySettings.case_pattern,
        default_byline: str = "",
    ):
        """`clean_check` and `privacy_check` are the privacy gates approval runs on every photo (see
        `for_home`, which scans the originals)."""
        self.catalog = catalog
        self.actor = actor or catalog.actor
        self.clean_check = clean_check
        self.privacy_check = privacy_check
        self.press_values = press_values or (lambda _photo: {})
        # The editors who may approve (settings.sets.approvers); empty: anyone (but never the submitter).
        self.approvers: tuple[str, ...] = tuple(approvers)
        self.case_pattern = case_pattern
        self.default_byline = default_byline

    @classmethod
    def for_home(
        cls, catalog: Catalog, home: Home, settings: Settings, *, actor: str | None = None
    ) -> SetService:
        """The service with the real privacy gate: clean copies are made into the home's publish cache
        (and reused by sync)."""
        from photoarchive.sets.publishing import CleanCopies

        copies = CleanCopies(home, settings)

        def privacy_check(record: PhotoRecord) -> PrivacyStatus:
            return check_original(home.originals / record.archive_path, record.privacy_findings)

        return cls(
            catalog,
            clean_check=copies.problem,
            privacy_check=privacy_check,
            press_values=copies.press_values,
            actor=actor,
            approvers=settings.sets.approvers,
            case_pattern=settings.categories.case_pattern,
            default_byline=settings.press.byline or settings.press.credit,
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

    def edit(self, ref: str | int, *, expected_version: int | None = None, **changes: Any) -> None:
        """Change title, description, visibility, licence_id, group_id, tags or cover_photo_id. With
        `expected_version` (catalog.sets.version_of when the set was shown) a set saved by someone else
        since raises EditConflict and nothing is written."""
        photo_set = self.find(ref)
        _check_values(**{k: v for k, v in changes.items() if k in ("visibility", "licence_id")})
        cover = changes.get("cover_photo_id")
        if cover is not None and cover not in photo_set.photo_ids:
            raise SetError(f"Photo {cover} is not in the set, so it cannot be its cover.")
        self.catalog.sets.update(photo_set.id, changes, expected_version=expected_version)
        # Who edited the album details, for the set's history and for a later conflict's "who changed it".
        self.catalog.sets.record(
            [NewAuditEntry(self.actor, "edit", "set", photo_set.id, {"fields": sorted(changes)})]
        )

    # -- workflow -------------------------------------------------------------------------------

    def submit(self, ref: str | int) -> PhotoSet:
        photo_set = self.find(ref)
        state = next_state(photo_set.state, Step.SUBMIT, photo_count=len(photo_set.photo_ids))
        self.catalog.sets.apply_step(
            photo_set.id,
            StateChange(expected_state=photo_set.state, state=state),
            [NewAuditEntry(self.actor, "submit", "set", photo_set.id)],
        )
        return self.find(photo_set.id)

    def allowed(self, view: SetView) -> Allowed:
        """What this person may do with the set now (see `Allowed`)."""
        s = view.photo_set
        approve = approver_notice(self.actor, self.approvers, s.submitted_by) or step_notice(
            s.state, Step.APPROVE, changed=view.changed_since_approval
        )
        return Allowed(
            submit=step_notice(s.state, Step.SUBMIT, photo_count=len(s.photo_ids)),
            approve=approve,
            revoke=step_notice(s.state, Step.REVOKE),
        )

    def check(self, ref: str | int, override_reason: str = "") -> ApprovalCheck:
        """What approving now would publish and every reason it is refused or warns (scans the photos:
        call off the UI thread)."""
        photo_set = self.find(ref)
        content, missing = self._content(photo_set)
        view = _set_view(photo_set, content)
        facts = self._facts(content)
        notices = approval_notices(
            content,
            facts,
            missing_photo_ids=missing,
            override_reason=override_reason,
            default_byline=self.default_byline,
        )
        notices[:0] = self._consent_notices(content, facts)
        return ApprovalCheck(
            view=view,
            photos=tuple(
                PhotoCheck(p.photo_id, facts[p.photo_id].name, self.press_values(p), facts[p.photo_id])
                for p in content.photos
                if p.photo_id in facts  # a photo removed meanwhile is refused as missing on approval
            ),
            refusals=tuple(n for n in notices if not n.warning),
            warnings=tuple(n for n in notices if n.warning),
            needs_override=needs_override(content, facts),
            blocked=self.allowed(view).approve,
        )

    def decide_case(self, photo_ids: Iterable[int], *, is_case: bool) -> int:
        """A person's decision on photos that may be case photos: confirm or reject the case category."""
        from photoarchive.catalog.photos import Category, CategoryState

        state = CategoryState.CONFIRMED if is_case else CategoryState.REJECTED
        return self.catalog.photos.set_category(list(photo_ids), Category.CASE, state, actor=self.actor)

    def approve(self, ref: str | int, *, override_reason: str = "") -> PhotoSet:
        """Approve the set as it is now, or raise ApprovalRefused listing every reason (NotAnApprover
        when this user may not approve it: not a named editor, or the one who submitted it)."""
        return self.approve_checked(ref, override_reason=override_reason).photo_set

    def approve_checked(self, ref: str | int, *, override_reason: str = "") -> Approval:
        """`approve`, also returning the warnings approval went ahead with (to show them)."""
        photo_set = self.find(ref)
        who = approver_notice(self.actor, self.approvers, photo_set.submitted_by)
        if who is not None:
            raise NotAnApprover(who)
        checked = self.check(photo_set.id, override_reason)
        content = checked.view.content
        state = next_state(photo_set.state, Step.APPROVE, changed=checked.view.changed_since_approval)
        if checked.refusals:
            raise ApprovalRefused(photo_set.title, checked.refusals, checked.warnings)
        override_reason = override_reason.strip()
        audit = [
            NewAuditEntry(
                self.actor,
                "approve",
                "set",
                photo_set.id,
                {
                    "photos": [p.photo_id for p in content.photos],
                    "visibility": content.visibility.value,
                    **({"warnings": [str(w) for w in checked.warnings]} if checked.warnings else {}),
                },
            )
        ]
        case_ids = {p.photo_id for p in checked.photos if p.facts.case.decision is CaseDecision.CASE}
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
        return Approval(self.find(photo_set.id), checked.warnings)

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
        return _set_view(photo_set, content)

    def _content(self, photo_set: PhotoSet) -> tuple[SetContent, list[int]]:
        return current_content(self.catalog, photo_set)

    def _consent_notices(self, content: SetContent, facts: dict[int, PhotoFacts]) -> list[Notice]:
        """Hook (people/approval.py): who in the photos has no valid consent for Flickr."""
        from datetime import date

        from photoarchive.people.approval import consent_notices

        return consent_notices(self.catalog, content, {k: f.name for k, f in facts.items()}, date.today())

    def _facts(self, content: SetContent) -> dict[int, PhotoFacts]:
        return photo_facts(
            self.catalog,
            content,
            privacy_check=self.privacy_check,
            clean_check=self.clean_check,
            case_pattern=self.case_pattern,
        )


def _set_view(photo_set: PhotoSet, content: SetContent) -> SetView:
    return SetView(
        photo_set,
        content,
        changed_since_approval(photo_set, content),
        content_changes(photo_set.approved_content, content),
    )


def _check_values(*, visibility: Any = None, licence_id: Any = None) -> None:
    if visibility is not None and visibility not in {v.value for v in Visibility}:
        raise SetError(f"Unknown visibility «{visibility}»; use public, friends, family or private.")
    if licence_id is not None and licence_id not in LICENCES:
        known = ", ".join(f"{k} ({v})" for k, v in LICENCES.items())
        raise SetError(f"Flickr has no licence {licence_id}. Known licences: {known}.")
