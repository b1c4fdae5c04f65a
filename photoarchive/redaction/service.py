"""The redaction of one archive: regions per photo (kept in the catalog, never in the file), the
face search that suggests them, the review, and the redacted source a published copy is made from."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from photoarchive.catalog.redactions import NewRegion, RedactionStore, RegionRow
from photoarchive.errors import PhotoarchiveError
from photoarchive.redaction.model import (
    Fill,
    Region,
    RegionKind,
    Review,
    ReviewState,
    regions_digest,
)
from photoarchive.redaction.model import review_needed as _review_rule

if TYPE_CHECKING:
    from photoarchive.catalog import Catalog
    from photoarchive.home import Home

log = logging.getLogger(__name__)

# A detected face box is the face itself (brows to chin); hair, ears and the chin's edge identify too.
FACE_PADDING = 0.25
# A suggestion that overlaps an existing region this much is the same face: not added again.
SAME_REGION_IOU = 0.3
DEFAULT_FACE_FILL = Fill.MOSAIC


class RedactionError(PhotoarchiveError):
    """A redaction request that cannot be carried out (code + parameters for the edge's words)."""

    def __init__(self, code: str, message: str, **params: object):
        super().__init__(message)
        self.code = code
        self.params = params


def _region(row: RegionRow) -> Region:
    return Region(
        row.x,
        row.y,
        row.w,
        row.h,
        RegionKind(row.kind),
        Fill(row.fill),
        row.id,
        row.source,
        row.score,
        row.added_by,
        row.added_at,
        row.confirmed_by,
        row.confirmed_at,
    )


def _iou(a: Region, b: Region) -> float:
    iw = max(0.0, min(a.x + a.w, b.x + b.w) - max(a.x, b.x))
    ih = max(0.0, min(a.y + a.h, b.y + b.h) - max(a.y, b.y))
    inter = iw * ih
    union = a.w * a.h + b.w * b.h - inter
    return inter / union if union > 0 else 0.0


def padded(
    x: float, y: float, w: float, h: float, pad: float = FACE_PADDING
) -> tuple[float, float, float, float]:
    """A box grown by ``pad`` of its size on every side, cut to the picture (fractions 0–1)."""
    x0, y0 = max(0.0, x - w * pad), max(0.0, y - h * pad)
    x1, y1 = min(1.0, x + w * (1 + pad)), min(1.0, y + h * (1 + pad))
    return x0, y0, x1 - x0, y1 - y0


class RedactionService:
    def __init__(self, catalog: Catalog, home: Home):
        self.catalog = catalog
        self.home = home
        self.store = RedactionStore(catalog.engine)

    # -- regions -------------------------------------------------------------------------------

    def regions(self, photo_id: int) -> list[Region]:
        return [_region(r) for r in self.store.regions(photo_id)]

    def add(
        self,
        photo_id: int,
        box: tuple[float, float, float, float],
        actor: str,
        *,
        kind: RegionKind = RegionKind.MANUAL,
        fill: Fill = Fill.BOX,
    ) -> int:
        self._photo(photo_id)
        c = Region(*box).clamped()
        if c.w <= 0 or c.h <= 0:
            raise RedactionError("redaction.empty_region", "The region has no area inside the photo.")
        return self.store.add(photo_id, [NewRegion(c.x, c.y, c.w, c.h, str(kind), str(fill), "user")], actor)[
            0
        ]

    def move(self, region_id: int, box: tuple[float, float, float, float], actor: str) -> bool:
        c = Region(*box).clamped()
        return self.store.update(region_id, actor, x=c.x, y=c.y, w=c.w, h=c.h)

    def set_fill(self, region_id: int, fill: Fill, actor: str) -> bool:
        return self.store.update(region_id, actor, fill=str(fill))

    def remove(self, photo_id: int, region_ids: Iterable[int], actor: str) -> int:
        return self.store.remove(photo_id, list(region_ids), actor)

    def clear(self, photo_id: int, actor: str) -> int:
        return self.store.remove(photo_id, None, actor)

    def replace_all(self, photo_id: int, regions: Sequence[Region], actor: str) -> None:
        """Make the photo's regions exactly ``regions`` (what the editor shows): unchanged ones stay
        (with their confirmation), moved ones are updated, new ones added, missing ones removed."""
        current = {r.id: r for r in self.regions(photo_id)}
        keep: set[int] = set()
        new: list[NewRegion] = []
        for r in regions:
            c = r.clamped()
            if c.w <= 0 or c.h <= 0:
                continue
            old = current.get(r.id) if r.id is not None else None
            if old is None or old.id is None:
                new.append(
                    NewRegion(c.x, c.y, c.w, c.h, str(r.kind), str(r.fill), r.source or "user", r.score)
                )
                continue
            keep.add(old.id)
            if (old.x, old.y, old.w, old.h, old.fill, old.kind) != (c.x, c.y, c.w, c.h, r.fill, r.kind):
                self.store.update(
                    old.id, actor, x=c.x, y=c.y, w=c.w, h=c.h, fill=str(r.fill), kind=str(r.kind)
                )
        gone = [i for i in current if i not in keep]
        if gone:
            self.store.remove(photo_id, gone, actor)  # type: ignore[arg-type]
        if new:
            self.store.add(photo_id, new, actor)

    # -- suggestions -----------------------------------------------------------------------------

    def detect(
        self, photo_id: int, actor: str = "detector", *, min_face_px: int | None = None
    ) -> list[Region]:
        """Search the original for faces (down to 24 px high by default) and number plates and add each
        new one as a suggested region (a mosaic; faces padded); returns the regions added. Seconds of
        CPU for a 24-MP photo: call it on demand or from a background worker, never from ingest."""
        from photoarchive.redaction.detect import find_faces, find_plates

        record = self._photo(photo_id)
        source = self.home.originals / PurePosixPath(record.archive_path)
        faces = find_faces(source, min_face_px) if min_face_px else find_faces(source)
        plates = find_plates(source)
        suggestions = faces + plates
        existing = self.regions(photo_id)
        new: list[NewRegion] = []
        for suggestion in suggestions:
            score = suggestion.score
            edges = padded(*suggestion.box) if suggestion.kind is RegionKind.FACE else suggestion.box
            box = Region(*edges, kind=suggestion.kind)
            if any(_iou(box, other) >= SAME_REGION_IOU for other in existing):
                continue
            existing.append(box)
            new.append(
                NewRegion(
                    box.x,
                    box.y,
                    box.w,
                    box.h,
                    str(suggestion.kind),
                    str(DEFAULT_FACE_FILL),
                    "detector",
                    score,
                )
            )
        ids = self.store.add(photo_id, new, actor)
        self.store.mark_searched(
            photo_id, actor, {"faces": len(faces), "plates": len(plates), "added": len(ids)}
        )
        log.info(
            "photo %s: %d face(s), %d plate(s) found, %d new region(s)",
            photo_id,
            len(faces),
            len(plates),
            len(ids),
        )
        return [r for r in self.regions(photo_id) if r.id in set(ids)]

    def pending_searches(self, limit: int | None = None) -> list[int]:
        """Case photos the face search has not been run on yet (newest first)."""
        return self.store.unsearched_case_photos(limit)

    def suggest_pending(
        self, limit: int | None = None, cancelled: Callable[[], bool] | None = None
    ) -> dict[int, int]:
        """Run the face search on case photos not yet searched; {photo id: regions added}. A photo whose
        original cannot be read is marked searched with the reason (logged), so it is not retried forever."""
        added: dict[int, int] = {}
        for photo_id in self.pending_searches(limit):
            if cancelled is not None and cancelled():
                break
            try:
                added[photo_id] = len(self.detect(photo_id))
            except (OSError, PhotoarchiveError) as exc:
                log.warning("photo %s: face search for redaction failed: %s", photo_id, exc)
                self.store.mark_searched(photo_id, "detector", {"error": str(exc)})
        return added

    # -- review ----------------------------------------------------------------------------------

    def review(self, photo_id: int) -> Review | None:
        row = self.store.review(photo_id)
        return None if row is None else Review(ReviewState(row.state), row.actor, row.at, row.regions_digest)

    def confirm(self, photo_id: int, actor: str) -> Review:
        """A person has checked the regions: every region is confirmed by them, the review recorded."""
        regions = self.regions(photo_id)
        if not regions:
            raise RedactionError(
                "redaction.nothing_to_confirm",
                f"Photo {photo_id} has no regions to confirm; use 'nothing to redact' instead.",
                photo_id=photo_id,
            )
        self.store.set_review(photo_id, str(ReviewState.CONFIRMED), regions_digest(regions), actor, True)
        return self.review(photo_id)  # type: ignore[return-value]

    def nothing_to_redact(self, photo_id: int, actor: str) -> Review:
        self._photo(photo_id)
        if self.regions(photo_id):
            raise RedactionError(
                "redaction.has_regions",
                f"Photo {photo_id} has regions; remove them first or confirm them.",
                photo_id=photo_id,
            )
        self.store.set_review(photo_id, str(ReviewState.NOTHING), "", actor, False)
        return self.review(photo_id)  # type: ignore[return-value]

    def review_needed(self, photo_id: int) -> bool:
        """A case photo whose redaction no person has reviewed as it is now."""
        from photoarchive.catalog.photos import Category

        record = self._photo(photo_id)
        is_case = record.has_category(Category.CASE)
        return _review_rule(is_case, regions_digest(self.regions(photo_id)), self.review(photo_id))

    # -- publishing ------------------------------------------------------------------------------

    def digest(self, photo_id: int) -> str:
        """What the published copy's identity must include: "" without regions."""
        return regions_digest(self.regions(photo_id))

    def preview(self, photo_id: int, max_edge: int = 480):  # -> PIL.Image.Image
        """The photo as its published copy will show it, regions burnt in, at preview size (a reduced
        decode of the original: tens of milliseconds for a 24-MP JPEG; call it off the UI thread)."""
        from photoarchive.redaction.burn import burn_preview

        record = self._photo(photo_id)
        source = self.home.originals / PurePosixPath(record.archive_path)
        return burn_preview(source, self.regions(photo_id), max_edge)

    def publish_source(self, photo_id: int, sha256: str, original: Path) -> Path:
        """The file a published copy is made from: the original itself without regions, else a copy
        with the regions burnt in (made once per set of regions, in the cache)."""
        regions = self.regions(photo_id)
        digest = regions_digest(regions)
        if not digest:
            return original
        from photoarchive.redaction.burn import burn_in

        suffix = ".png" if original.suffix.lower() == ".png" else ".jpg"
        dest = self.home.cache / "redacted" / f"{sha256}-{digest[:20]}{suffix}"
        if not dest.is_file():
            burn_in(original, regions, dest)
            log.info("photo %s: redacted source made with %d region(s)", photo_id, len(regions))
            for stale in dest.parent.glob(f"{sha256}-*"):  # made for regions the photo no longer has
                if stale != dest:
                    try:
                        stale.unlink()
                    except OSError:  # in use (Windows): the next one made removes it
                        log.debug("stale redacted source %s left for later", stale)
        return dest

    def _photo(self, photo_id: int):
        record = self.catalog.photos.get(photo_id)
        if record is None:
            raise RedactionError(
                "redaction.no_photo", f"There is no photo {photo_id} in the catalog.", photo_id=photo_id
            )
        return record


# -- hooks for code that has a home but no catalog (the clean-copy cache) ------------------------

_services: dict[str, RedactionService] = {}
_services_lock = threading.Lock()


def for_home(home: Home) -> RedactionService:
    """One service per home for this process (its catalog opened once)."""
    from photoarchive.catalog import Catalog

    key = str(home.root)
    with _services_lock:
        service = _services.get(key)
        if service is None:
            service = _services[key] = RedactionService(Catalog.for_home(home), home)
    return service


def region_digests(catalog: Catalog, photo_ids: Iterable[int]) -> dict[int, str]:
    """photo id -> the digest of its regions ("" without any): what approval freezes, in one query."""
    ids = list(photo_ids)
    found = RedactionStore(catalog.engine).regions_of(ids)
    return {pid: regions_digest(_region(r) for r in found.get(pid, ())) for pid in ids}


def redacted_source(home: Home, photo_id: int, sha256: str, original: Path) -> Path:
    """`RedactionService.publish_source` for a home: what export and the Flickr copies publish from."""
    return for_home(home).publish_source(photo_id, sha256, original)


def redaction_digest(home: Home, photo_id: int) -> str:
    return for_home(home).digest(photo_id)
