"""Taking photos down that may no longer be published: a person's consent withdrawn or expired (or
never given for Flickr), a case closed or its take-down date come.

`withhold` is the planner step (pure): it takes such photos out of the desired state, so `plan_sync`
plans what it plans for any photo that left its sets — out of the albums (an album left empty is
deleted), out of group pools, then private or deleted per `[flickr] removed_photos` — and the sync
carries that out with its journal. `record_takedowns` then writes one audit entry per photo taken
down, with the time it was honoured and since when it was due.

Only photos others would see (public, friends, family) are withheld: a private photo is not published.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

from photoarchive.catalog.people import Use
from photoarchive.catalog.sync_state import KnownState
from photoarchive.flickr.plan import DesiredAlbum, DesiredState
from photoarchive.sets.model import Visibility

if TYPE_CHECKING:
    from photoarchive.catalog import Catalog
    from photoarchive.flickr.run import SyncRun

ACTION = "flickr_takedown"


@dataclass(frozen=True)
class TakedownReason:
    kind: str  # "consent" | "case"
    subject: str  # the person's name, or the case number
    code: str  # people.rules.ConsentProblem / cases.rules.CaseProblem value
    since: datetime | None = None  # when it became due (withdrawal, expiry day, closing), if known
    person_id: int = 0

    @property
    def word(self) -> str:
        return f"{self.kind}:{self.code}:{self.subject}"


@dataclass(frozen=True)
class Withheld:
    sha256: str
    photo_id: int
    reasons: tuple[TakedownReason, ...]

    @property
    def due_since(self) -> datetime | None:
        times = [r.since for r in self.reasons if r.since is not None]
        return min(times) if times else None


def withhold(
    desired: DesiredState, reasons: Mapping[int, tuple[TakedownReason, ...]]
) -> tuple[DesiredState, tuple[Withheld, ...]]:
    """The desired state without the published photos that have a reason to come down, and those photos."""
    held = {
        sha: Withheld(sha, want.photo_id, reasons[want.photo_id])
        for sha, want in desired.photos.items()
        if want.visibility is not Visibility.PRIVATE and reasons.get(want.photo_id)
    }
    if not held:
        return desired, ()
    photos = {sha: want for sha, want in desired.photos.items() if sha not in held}
    albums: dict[int, DesiredAlbum] = {}
    for set_id, album in desired.albums.items():
        shas = tuple(s for s in album.photo_shas if s not in held)
        if not shas:
            continue  # nothing left to show: plan_sync deletes the album
        primary = album.primary_sha if album.primary_sha in shas else shas[0]
        albums[set_id] = replace(album, photo_shas=shas, primary_sha=primary)
    return DesiredState(photos, albums), tuple(held[s] for s in sorted(held))


def reasons_for(
    catalog: Catalog, photos: Mapping[int, Iterable[str]], today: date
) -> dict[int, tuple[TakedownReason, ...]]:
    """photo id -> why it may not be published today. `photos` maps each photo to the case numbers it
    was approved with (its current case number is added here)."""
    from photoarchive.cases.rules import case_block
    from photoarchive.people.rules import person_blocks

    ids = list(photos)
    found = catalog.people.people_in(ids)
    out: dict[int, list[TakedownReason]] = {}
    for photo_id, blocks in person_blocks(found, ids, Use.FLICKR, today).items():
        out.setdefault(photo_id, []).extend(
            TakedownReason("consent", b.name, b.problem.value, b.since, b.person_id) for b in blocks
        )
    blocked = {
        c.case_number: block
        for c in catalog.cases.list()
        if c.registered and (block := case_block(c, today)) is not None
    }
    if blocked:
        current = catalog.cases.photos_carrying(blocked)
        for photo_id, numbers in photos.items():
            for number in sorted(({*numbers, current.get(photo_id, "")}) & set(blocked)):
                block = blocked[number]
                out.setdefault(photo_id, []).append(
                    TakedownReason("case", number, block.problem.value, block.since)
                )
    return {pid: tuple(r) for pid, r in out.items()}


def record_takedowns(
    run: SyncRun, withheld: Iterable[Withheld], before: KnownState, *, delete: bool, now: float
) -> list[int]:
    """After the sync: an audit entry (and a sync message) per withheld photo that was visible on Flickr
    before this run and no longer is. Returns the photo ids recorded."""
    after = run.store.known_state()
    honoured = datetime.fromtimestamp(now, UTC).replace(tzinfo=None)
    recorded = []
    for item in withheld:
        had = before.photos.get(item.sha256)
        if had is None or had.visibility_applied in ("", Visibility.PRIVATE.value):
            continue  # it was not published, so nothing was taken down
        still = after.photos.get(item.sha256)
        if still is not None and still.visibility_applied != Visibility.PRIVATE.value:
            continue  # the take-down failed (reported as such); the next sync tries again
        name = run.name_of(item.sha256)
        how = "delete" if delete else "private"
        due = item.due_since
        run.sets.record(
            ACTION,
            "photo",
            item.photo_id,
            {
                "name": name,
                "flickr_id": had.remote_id,
                "how": how,
                "honoured_at": honoured.isoformat(timespec="seconds"),
                "due_since": due.isoformat(timespec="seconds") if due else "",
                "reasons": [r.word for r in item.reasons],
                "people": sorted({r.person_id for r in item.reasons if r.kind == "consent"}),
                "cases": sorted({r.subject for r in item.reasons if r.kind == "case"}),
            },
        )
        run.say(
            "takedown_done",
            file=name,
            how="deleted" if delete else "made private",
            why="; ".join(_why(r) for r in item.reasons),
            # The same as codes, for the window to word: "withdrawn|Kari Nordmann;case_closed|2026-123456".
            how_code="deleted" if delete else "private",
            reasons=";".join(f"{r.code}|{r.subject}" for r in item.reasons),
        )
        recorded.append(item.photo_id)
    return recorded


_WHY = {
    "no_consent": "{subject} has no consent on record",
    "pending": "{subject}'s consent is still pending",
    "withdrawn": "{subject} withdrew consent",
    "expired": "{subject}'s consent expired",
    "use_not_given": "{subject}'s consent does not cover Flickr",
    "case_closed": "case {subject} is closed",
    "takedown_date": "case {subject} reached its take-down date",
}


def _why(reason: TakedownReason) -> str:
    return _WHY.get(reason.code, reason.word).format(subject=reason.subject)
