"""The person register, who is in which photo, and each person's current consent (plain data).

Changes to a consent are written together with their audit-log entry, so the log always shows who
recorded what and when. What a consent allows is decided in `photoarchive.people.rules`.
"""

from __future__ import annotations

import builtins
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import Engine, delete, insert, select, update
from sqlalchemy.engine import Connection

from photoarchive.catalog.clock import jsonable, utcnow
from photoarchive.catalog.rows import inserted_id
from photoarchive.catalog.schema import audit_log, consents, people, photo_people, photos
from photoarchive.errors import CatalogError

# Above this many ids, read every link and filter here (SQLite caps the parameters of one statement).
_IN_LIMIT = 900


class ConsentStatus(StrEnum):
    GIVEN = "given"
    PENDING = "pending"
    WITHDRAWN = "withdrawn"
    NOT_NEEDED = "not_needed"


class Use(StrEnum):
    INTERNAL = "internal"
    FLICKR = "flickr"
    PRESS = "press"


class PersonNotFound(CatalogError):
    code = "people.not_found"

    def __init__(self, ref: object):
        self.params = {"ref": str(ref)}
        super().__init__(f"No person in the register is «{ref}» (give the id, name or employee id).")


@dataclass(frozen=True)
class Person:
    id: int
    name: str
    employee_id: str = ""
    role: str = ""
    contact: str = ""


@dataclass(frozen=True)
class Consent:
    person_id: int
    status: ConsentStatus
    uses: frozenset[Use] = frozenset()
    given_by: str = ""
    given_on: date | None = None
    # The first day the consent no longer holds (None: no end).
    expires_on: date | None = None
    withdrawn_at: datetime | None = None
    document: str = ""
    note: str = ""
    recorded_by: str = ""
    recorded_at: datetime | None = None


@dataclass(frozen=True)
class PhotoPerson:
    photo_id: int
    person_id: int
    face_index: int | None = None


@dataclass(frozen=True)
class PeopleIn:
    """Who is in a set of photos, and their consents (one read for a whole set or sync)."""

    links: dict[int, tuple[PhotoPerson, ...]] = field(default_factory=dict)
    people: dict[int, Person] = field(default_factory=dict)
    consents: dict[int, Consent] = field(default_factory=dict)


class PeopleStore:
    def __init__(self, engine: Engine):
        self.engine = engine

    # -- the register ---------------------------------------------------------------------------

    def add(
        self, name: str, *, employee_id: str = "", role: str = "", contact: str = "", actor: str
    ) -> Person:
        name = name.strip()
        if not name:
            raise CatalogError("A person needs a name.")
        now = utcnow()
        with self.engine.begin() as conn:
            person_id = inserted_id(
                conn.execute(
                    insert(people).values(
                        name=name,
                        employee_id=employee_id.strip(),
                        role=role.strip(),
                        contact=contact.strip(),
                        created_at=now,
                        updated_at=now,
                    )
                )
            )
            _audit(conn, actor, "add_person", person_id, {"name": name, "employee_id": employee_id.strip()})
        return Person(person_id, name, employee_id.strip(), role.strip(), contact.strip())

    def get(self, person_id: int) -> Person | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(people).where(people.c.id == person_id)).first()
        return None if row is None else _person(row)

    def find(self, ref: str | int) -> Person:
        """By id, employee id or exact name (case-insensitive)."""
        text = str(ref).strip()
        if text.isdigit():
            found = self.get(int(text))
            if found is not None:
                return found
        folded = text.casefold()
        matches = [p for p in self.list() if folded in (p.employee_id.casefold(), p.name.casefold())]
        if len(matches) != 1:
            raise PersonNotFound(ref)
        return matches[0]

    def list(self) -> builtins.list[Person]:
        with self.engine.connect() as conn:
            return [_person(r) for r in conn.execute(select(people).order_by(people.c.name, people.c.id))]

    def update(self, person_id: int, changes: dict[str, str], *, actor: str) -> None:
        allowed = {
            k: v.strip() for k, v in changes.items() if k in ("name", "employee_id", "role", "contact")
        }
        with self.engine.begin() as conn:
            done = conn.execute(
                update(people).where(people.c.id == person_id).values(**allowed, updated_at=utcnow())
            ).rowcount
            if not done:
                raise PersonNotFound(person_id)
            _audit(conn, actor, "edit_person", person_id, allowed)

    # -- who is in which photo ------------------------------------------------------------------

    def link(
        self, person_id: int, photo_ids: Iterable[int], *, actor: str, face_index: int | None = None
    ) -> builtins.list[int]:
        """Say the person is in these photos; returns the photo ids newly linked."""
        added: list[int] = []
        with self.engine.begin() as conn:
            if conn.execute(select(people.c.id).where(people.c.id == person_id)).first() is None:
                raise PersonNotFound(person_id)
            for photo_id in dict.fromkeys(photo_ids):
                if conn.execute(select(photos.c.id).where(photos.c.id == photo_id)).first() is None:
                    raise CatalogError(f"There is no photo {photo_id} in the catalog.")
                key = (photo_people.c.photo_id == photo_id) & (photo_people.c.person_id == person_id)
                if conn.execute(select(photo_people.c.photo_id).where(key)).first() is not None:
                    conn.execute(update(photo_people).where(key).values(face_index=face_index))
                    continue
                conn.execute(
                    insert(photo_people).values(
                        photo_id=photo_id,
                        person_id=person_id,
                        face_index=face_index,
                        added_by=actor,
                        added_at=utcnow(),
                    )
                )
                added.append(photo_id)
            if added:
                _audit(conn, actor, "link_person", person_id, {"photos": added, "face_index": face_index})
        return added

    def unlink(self, person_id: int, photo_ids: Iterable[int], *, actor: str) -> builtins.list[int]:
        ids = list(dict.fromkeys(photo_ids))
        with self.engine.begin() as conn:
            gone = [
                pid
                for pid in ids
                if conn.execute(
                    delete(photo_people).where(
                        (photo_people.c.photo_id == pid) & (photo_people.c.person_id == person_id)
                    )
                ).rowcount
            ]
            if gone:
                _audit(conn, actor, "unlink_person", person_id, {"photos": gone})
        return gone

    def photos_of(self, person_id: int) -> builtins.list[int]:
        with self.engine.connect() as conn:
            return [
                int(r.photo_id)
                for r in conn.execute(
                    select(photo_people.c.photo_id)
                    .where(photo_people.c.person_id == person_id)
                    .order_by(photo_people.c.photo_id)
                )
            ]

    def people_in(self, photo_ids: Iterable[int] | None = None) -> PeopleIn:
        """Links, people and consents for these photos (None: every linked photo)."""
        stmt = select(photo_people)
        wanted: set[int] | None = None
        if photo_ids is not None:
            wanted = set(photo_ids)
            if not wanted:
                return PeopleIn()
            if len(wanted) <= _IN_LIMIT:
                stmt = stmt.where(photo_people.c.photo_id.in_(sorted(wanted)))
        with self.engine.connect() as conn:
            rows = conn.execute(stmt.order_by(photo_people.c.photo_id, photo_people.c.person_id)).all()
            if wanted is not None:
                # A whole sync's photos: the links (people, not every photo) are the smaller side.
                rows = [r for r in rows if r.photo_id in wanted]
            person_ids = {r.person_id for r in rows}
            found = (
                {r.id: _person(r) for r in conn.execute(select(people).where(people.c.id.in_(person_ids)))}
                if person_ids
                else {}
            )
            held = (
                {
                    r.person_id: _consent(r)
                    for r in conn.execute(select(consents).where(consents.c.person_id.in_(person_ids)))
                }
                if person_ids
                else {}
            )
        links: dict[int, list[PhotoPerson]] = {}
        for r in rows:
            links.setdefault(r.photo_id, []).append(PhotoPerson(r.photo_id, r.person_id, r.face_index))
        return PeopleIn({k: tuple(v) for k, v in links.items()}, found, held)

    # -- consent --------------------------------------------------------------------------------

    def consent(self, person_id: int) -> Consent | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(consents).where(consents.c.person_id == person_id)).first()
        return None if row is None else _consent(row)

    def consents(self) -> dict[int, Consent]:
        with self.engine.connect() as conn:
            return {r.person_id: _consent(r) for r in conn.execute(select(consents))}

    def set_consent(self, consent: Consent, *, actor: str, detail: dict[str, Any] | None = None) -> None:
        """Record a person's consent as it now stands (replacing the last one), with its audit entry."""
        values = {
            "status": consent.status.value,
            "uses": sorted(u.value for u in consent.uses),
            "given_by": consent.given_by,
            "given_on": consent.given_on,
            "expires_on": consent.expires_on,
            "withdrawn_at": consent.withdrawn_at,
            "document": consent.document,
            "note": consent.note,
            "recorded_by": actor,
            "recorded_at": utcnow(),
        }
        with self.engine.begin() as conn:
            if conn.execute(select(people.c.id).where(people.c.id == consent.person_id)).first() is None:
                raise PersonNotFound(consent.person_id)
            key = consents.c.person_id == consent.person_id
            if conn.execute(select(consents.c.person_id).where(key)).first() is None:
                conn.execute(insert(consents).values(person_id=consent.person_id, **values))
            else:
                conn.execute(update(consents).where(key).values(**values))
            logged = {k: v for k, v in values.items() if k not in ("recorded_by", "recorded_at")}
            _audit(conn, actor, "consent", consent.person_id, {**logged, **(detail or {})})


def _audit(conn: Connection, actor: str, action: str, person_id: int, detail: dict[str, Any]) -> None:
    conn.execute(
        insert(audit_log).values(
            at=utcnow(),
            actor=actor,
            action=action,
            target_kind="person",
            target_id=person_id,
            detail=jsonable(detail),
        )
    )


def _person(row: Any) -> Person:
    return Person(row.id, row.name, row.employee_id, row.role, row.contact)


def _consent(row: Any) -> Consent:
    return Consent(
        person_id=row.person_id,
        status=ConsentStatus(row.status),
        uses=frozenset(Use(u) for u in (row.uses or ()) if u in Use.__members__.values()),
        given_by=row.given_by,
        given_on=row.given_on,
        expires_on=row.expires_on,
        withdrawn_at=row.withdrawn_at,
        document=row.document,
        note=row.note,
        recorded_by=row.recorded_by,
        recorded_at=row.recorded_at,
    )


__all__: Sequence[str] = (
    "Consent",
    "ConsentStatus",
    "PeopleIn",
    "PeopleStore",
    "Person",
    "PersonNotFound",
    "PhotoPerson",
    "Use",
)
