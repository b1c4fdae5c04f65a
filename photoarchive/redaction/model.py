"""What a redaction is: regions of a photo to hide in every published copy, and a person's review."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class RegionKind(StrEnum):
    FACE = "face"
    PLATE = "plate"
    DOCUMENT = "document"
    MANUAL = "manual"


class Fill(StrEnum):
    BOX = "box"  # a solid box
    MOSAIC = "mosaic"  # coarse cells of one colour each: unreadable and not reversible (no blur)


class ReviewState(StrEnum):
    CONFIRMED = "regions_confirmed"
    NOTHING = "nothing_to_redact"


@dataclass(frozen=True)
class Region:
    """A rectangle in the photo's displayed orientation, in fractions (0–1) of its displayed size."""

    x: float
    y: float
    w: float
    h: float
    kind: RegionKind = RegionKind.MANUAL
    fill: Fill = Fill.BOX
    id: int | None = None
    source: str = "user"  # "detector" or "user"
    score: float | None = None
    added_by: str = ""
    added_at: datetime | None = None
    confirmed_by: str = ""
    confirmed_at: datetime | None = None

    def clamped(self) -> Region:
        """The same region cut to the picture (a box drawn past an edge hides up to the edge)."""
        x0, y0 = max(0.0, min(1.0, self.x)), max(0.0, min(1.0, self.y))
        x1, y1 = max(0.0, min(1.0, self.x + self.w)), max(0.0, min(1.0, self.y + self.h))
        return Region(x0, y0, x1 - x0, y1 - y0, self.kind, self.fill, self.id, self.source, self.score,
                      self.added_by, self.added_at, self.confirmed_by, self.confirmed_at)  # fmt: skip

    def pixel_box(self, width: int, height: int) -> tuple[int, int, int, int]:
        """(left, top, right, bottom) in pixels of a displayed picture of that size, rounded outwards so
        nothing of the region is left showing."""
        import math

        c = self.clamped()
        left, top = math.floor(c.x * width), math.floor(c.y * height)
        right, bottom = math.ceil((c.x + c.w) * width), math.ceil((c.y + c.h) * height)
        return left, top, min(width, right), min(height, bottom)


@dataclass(frozen=True)
class Review:
    state: ReviewState
    actor: str
    at: datetime
    regions_digest: str


class InvalidRegion(ValueError):
    """A rectangle that is not inside the picture or has no area (code + parameters for the edge)."""

    code = "redaction.invalid_region"

    def __init__(self, text: str):
        super().__init__(f"not a region: {text!r} (want x,y,w,h as fractions 0–1 of the displayed photo)")
        self.params = {"text": text}


def parse_box(text: str) -> tuple[float, float, float, float]:
    """'x,y,w,h' in fractions of the displayed photo (0–1) → a tuple; raises InvalidRegion."""
    try:
        x, y, w, h = (float(part) for part in text.replace(" ", "").split(","))
    except ValueError:
        raise InvalidRegion(text) from None
    if not (0 <= x < 1 and 0 <= y < 1 and 0 < w <= 1 and 0 < h <= 1 and x + w <= 1.0001 and y + h <= 1.0001):
        raise InvalidRegion(text)
    return x, y, w, h


def regions_digest(regions: Iterable[Region]) -> str:
    """Changes exactly when what the regions hide changes (rectangles and fills, in any order);
    "" without regions, so a photo without regions is published as before."""
    items = sorted((round(r.x, 6), round(r.y, 6), round(r.w, 6), round(r.h, 6), str(r.fill)) for r in regions)
    if not items:
        return ""
    return hashlib.sha256(json.dumps(items).encode()).hexdigest()


def review_needed(is_case_photo: bool, current_digest: str, review: Review | None) -> bool:
    """The rule: a case photo needs a person's review of its redaction, and a new one after its regions
    changed (the review names the regions it saw by their digest)."""
    if not is_case_photo:
        return False
    return review is None or review.regions_digest != current_digest
