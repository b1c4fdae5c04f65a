"""The one entry point for people and consent (CLI and window): the register, links to photos, consent
records (editors only), and what the office asks of them — who is published with what consent, what
was taken down and when, which consents end soon."""

from __future__ import annotations

import builtins
import logging
import shutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from photoarchive.catalog.clock import utcnow
from photoarchive.catalog.people import Consent, ConsentStatus, Person, Use
from photoarchive.errors import PhotoarchiveError
from photoarchive.people.editors import require_editor
from photoarchive.people.rules import ConsentProblem, consent_problem, expiring, person_blocks

if TYPE_CHECKING:
    from photoarchive.catalog import Catalog
    from photoarchive.catalog.redactions import RegionRow
    from photoarchive.catalog.set_records import AuditEntry
    from photoarchive.home import Home
    from photoarchive.settings import Settings

log = logging.getLogger(__name__)

TAKEDOWN_ACTION = "flickr_takedown"


class ConsentError(PhotoarchiveError):
    code = "people.consent_invalid"

    def __init__(self, why: str, message: str):
        self.params = {"why": why}
        super().__init__(message)


@dataclass(frozen=True)
class Takedown:
    """One photo taken off Flickr by a sync (from the audit log)."""

    photo_id: int
    name: str
    honoured_at: datetime
    due_since: datetime | None
    how: str  # private | delete
    reasons: tuple[str, ...]  # e.g. "consent:withdrawn:Kari Nordmann", "case:case_closed:2026-123456"
    people: tuple[int, ...] = ()
    cases: tuple[str, ...] = ()


@dataclass(frozen=True)
class PersonReport:
    person: Person
    consent: Consent | None
    # Why the consent does not allow Flickr / press today (None: it does).
    flickr_problem: ConsentProblem | None
    press_problem: ConsentProblem | None
    photo_ids: tuple[int, ...]
    # Of those, the ones public (or friends/family) on Flickr as this archive last set them.
    published_ids: tuple[int, ...]
    takedowns: tuple[Takedown, ...]


def published_photo_ids(catalog: Catalog, photo_ids: Iterable[int] | None = None) -> set[int]:
    """Photos visible to others on Flickr (anything but private), as this archive last set them."""
    known = catalog.sync.known_state()
    shown = {sha for sha, p in known.photos.items() if p.visibility_applied not in ("", "private")}
    if not shown:
        return set()
    ids = list(photo_ids) if photo_ids is not None else None
    if ids is None:
        return {pid for sha in shown if (pid := catalog.photos.id_for_sha256(sha)) is not None}
    return {r.id for r in catalog.photos.get_many(ids) if r.sha256 in shown}


def takedowns(catalog: Catalog) -> list[Takedown]:
    """Every take-down a sync has recorded, oldest first."""
    return [
        _takedown(e) for e in catalog.sets.audit_entries(target_kind="photo") if e.action == TAKEDOWN_ACTION
    ]


def _takedown(entry: AuditEntry) -> Takedown:
    detail = entry.detail
    due = detail.get("due_since")
    return Takedown(
        photo_id=entry.target_id,
        name=str(detail.get("name", "")),
        honoured_at=datetime.fromisoformat(detail["honoured_at"]) if detail.get("honoured_at") else entry.at,
        due_since=datetime.fromisoformat(due) if due else None,
        how=str(detail.get("how", "")),
        reasons=tuple(detail.get("reasons", ())),
        people=tuple(int(p) for p in detail.get("people", ())),
        cases=tuple(str(c) for c in detail.get("cases", ())),
    )


class PeopleService:
    def __init__(
        self,
        catalog: Catalog,
        *,
        consents_dir: Path | None = None,
        actor: str | None = None,
        approvers: Iterable[str] = (),
        today: Callable[[], date] = date.today,
    ):
        self.catalog = catalog
        self.consents_dir = consents_dir
        self.actor = actor or catalog.actor
        self.approvers = tuple(approvers)
        self.today = today

    @classmethod
    def for_home(
        cls, catalog: Catalog, home: Home, settings: Settings, *, actor: str | None = None, **kw: object
    ) -> PeopleService:
        """Consent documents live in the archive's consents/ folder (beside originals/, never published)."""
        if actor is None and catalog.is_shared:
            actor = catalog.identity().login
        return cls(
            catalog,
            consents_dir=home.files_root / "consents",
            actor=actor,
            approvers=settings.sets.approvers,
            **kw,  # type: ignore[arg-type]
        )

    # -- the register ---------------------------------------------------------------------------

    def add(self, name: str, *, employee_id: str = "", role: str = "", contact: str = "") -> Person:
        return self.catalog.people.add(
            name, employee_id=employee_id, role=role, contact=contact, actor=self.actor
        )

    def find(self, ref: str | int) -> Person:
        return self.catalog.people.find(ref)

    def list(self) -> builtins.list[Person]:
        return self.catalog.people.list()

    def link(
        self, ref: str | int, photo_ids: Iterable[int], *, face_index: int | None = None
    ) -> builtins.list[int]:
        """Say who is in the photos (by hand, or from one of its face boxes: `face_index`, counted from 0
        among the photo's face regions in the redaction editor, oldest first)."""
        ids = list(photo_ids)
        if face_index is not None:
            for photo_id in ids:
                boxes = len(self.face_boxes(photo_id))
                if not 0 <= face_index < boxes:
                    raise ConsentError(
                        "no_such_face", f"Photo {photo_id} has no face box {face_index} (it has {boxes})."
                    )
        return self.catalog.people.link(self.find(ref).id, ids, actor=self.actor, face_index=face_index)

    def face_boxes(self, photo_id: int) -> builtins.list[RegionRow]:
        """The photo's face regions (found by the face search or drawn), in the order `face_index` counts."""
        from photoarchive.catalog.redactions import RedactionStore

        return [r for r in RedactionStore(self.catalog.engine).regions(photo_id) if r.kind == "face"]

    def link_region(self, ref: str | int, photo_id: int, region_id: int) -> builtins.list[int]:
        """Say who is in one of the photo's redaction boxes (the editor's "This is…"): a face box is
        named by its place among the photo's face boxes; any other box links the person by hand."""
        ids = [r.id for r in self.face_boxes(photo_id)]
        face_index = ids.index(region_id) if region_id in ids else None
        return self.link(ref, [photo_id], face_index=face_index)

    def unlink(self, ref: str | int, photo_ids: Iterable[int]) -> builtins.list[int]:
        return self.catalog.people.unlink(self.find(ref).id, photo_ids, actor=self.actor)

    def people_in_photo(self, photo_id: int) -> builtins.list[tuple[Person, Consent | None]]:
        found = self.catalog.people.people_in([photo_id])
        return [
            (found.people[link.person_id], found.consents.get(link.person_id))
            for link in found.links.get(photo_id, ())
            if link.person_id in found.people
        ]

    # -- consent (editors only) -----------------------------------------------------------------

    def set_consent(
        self,
        ref: str | int,
        status: ConsentStatus | str,
        *,
        uses: Iterable[Use | str] = (),
        given_by: str = "",
        given_on: date | None = None,
        expires_on: date | None = None,
        document: Path | None = None,
        note: str = "",
    ) -> Consent:
        """Record a person's consent as it now stands. Withdrawing it stamps the time; the next sync
        takes their published photos down."""
        person = self.find(ref)
        require_editor(self.catalog, self.actor, self.approvers, "change consent")
        try:
            status = ConsentStatus(status)
            wanted = frozenset(Use(u) for u in uses)
        except ValueError as exc:
            raise ConsentError(
                "unknown_value",
                f"{exc}: status is given, pending, withdrawn or not_needed; uses are internal, flickr, press.",
            ) from exc
        if status is ConsentStatus.GIVEN and not wanted:
            raise ConsentError("no_uses", "Say what the consent is for (internal, flickr, press).")
        if given_on and expires_on and expires_on <= given_on:
            raise ConsentError("expires_before", "The consent cannot end before the day it was given.")
        before = self.catalog.people.consent(person.id)
        withdrawn_at = None
        if status is ConsentStatus.WITHDRAWN:
            already = before is not None and before.status is ConsentStatus.WITHDRAWN
            withdrawn_at = before.withdrawn_at if already and before is not None else utcnow()
        stored_document = before.document if before is not None else ""
        if document is not None:
            stored_document = self._keep_document(person, document)
        consent = Consent(
            person_id=person.id,
            status=status,
            uses=wanted if status is ConsentStatus.GIVEN else (before.uses if before else frozenset()),
            given_by=given_by or (before.given_by if before else ""),
            given_on=given_on or (before.given_on if before else None),
            expires_on=expires_on
            if status is ConsentStatus.GIVEN
            else (before.expires_on if before else None),
            withdrawn_at=withdrawn_at,
            document=stored_document,
            note=note,
        )
        self.catalog.people.set_consent(consent, actor=self.actor, detail={"name": person.name})
        log.info("consent of person %s (%s) recorded as %s by %s", person.id, person.name, status, self.actor)
        stored = self.catalog.people.consent(person.id)
        assert stored is not None
        return stored

    def withdraw(self, ref: str | int, note: str = "") -> Consent:
        return self.set_consent(ref, ConsentStatus.WITHDRAWN, note=note)

    def document_path(self, consent: Consent) -> Path | None:
        if not consent.document or self.consents_dir is None:
            return None
        return self.consents_dir / consent.document

    def _keep_document(self, person: Person, document: Path) -> str:
        """Copy the consent text or scan into the archive (consents/<person id>/<name>); never published."""
        if self.consents_dir is None:
            raise ConsentError("no_folder", "This archive has no folder for consent documents.")
        source = Path(document)
        if not source.is_file():
            raise ConsentError("document_missing", f"The consent document {source} is not a readable file.")
        folder = self.consents_dir / str(person.id)
        stamp = utcnow().strftime("%Y%m%d-%H%M%S")
        target = folder / f"{stamp}-{source.name}"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
        except OSError as exc:
            raise ConsentError(
                "document_copy", f"The consent document could not be kept in {folder}: {exc.strerror or exc}"
            ) from exc
        return f"{person.id}/{target.name}"

    # -- what the office asks -------------------------------------------------------------------

    def report(self) -> builtins.list[PersonReport]:
        """Per person: consent, photos, which are published now, and what was taken down when."""
        today = self.today()
        found = self.catalog.people.people_in()
        consents = self.catalog.people.consents()
        all_linked = list(found.links)
        published = published_photo_ids(self.catalog, all_linked)
        done = takedowns(self.catalog)
        rows = []
        for person in self.catalog.people.list():
            ids = tuple(
                pid for pid, links in found.links.items() if any(k.person_id == person.id for k in links)
            )
            consent = consents.get(person.id)
            rows.append(
                PersonReport(
                    person=person,
                    consent=consent,
                    flickr_problem=consent_problem(consent, Use.FLICKR, today),
                    press_problem=consent_problem(consent, Use.PRESS, today),
                    photo_ids=ids,
                    published_ids=tuple(pid for pid in ids if pid in published),
                    takedowns=tuple(t for t in done if person.id in t.people),
                )
            )
        return rows

    def expiring(self, days: int = 30) -> builtins.list[tuple[Person, Consent]]:
        """Consents that end within `days` (the "expiring soon" view), soonest first."""
        people = {p.id: p for p in self.catalog.people.list()}
        return [
            (people[c.person_id], c)
            for c in expiring(self.catalog.people.consents().values(), self.today(), days)
            if c.person_id in people
        ]

    def without_valid_consent(
        self, photo_ids: Iterable[int] | None = None, use: Use = Use.FLICKR
    ) -> set[int]:
        """Photos showing someone whose consent does not allow `use` today (the thumbnail marker)."""
        found = self.catalog.people.people_in(photo_ids)
        return set(person_blocks(found, found.links, use, self.today()))

    def pending_takedowns(self) -> builtins.list[int]:
        """Published photos that the next sync must take down for consent (the window's banner)."""
        found = self.catalog.people.people_in()
        blocked = person_blocks(found, found.links, Use.FLICKR, self.today())
        return sorted(published_photo_ids(self.catalog, blocked) & set(blocked))


def local_today_from(clock: Callable[[], float]) -> date:
    """Today's local date by a clock that gives epoch seconds (the sync's clock, faked in tests)."""
    return datetime.fromtimestamp(clock(), UTC).astimezone().date()


__all__ = [
    "ConsentError",
    "PeopleService",
    "PersonReport",
    "Takedown",
    "local_today_from",
    "published_photo_ids",
    "takedowns",
]
