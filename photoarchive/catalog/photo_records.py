"""The plain data the photo store takes and returns: categories, a new photo, a full record, a grid row,
a query. No SQL here; `photos.py` maps these to and from the tables."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from photoarchive.media.press_text import PressText


class Category(StrEnum):
    PORTRAIT = "portrait"
    CASE = "case"
    MEDIA = "media"


class CategoryState(StrEnum):
    SUGGESTED = "suggested"
    CONFIRMED = "confirmed"
    REJECTED = "rejected"


class SortKey(StrEnum):
    CAPTURE_TIME = "capture_time"
    INGESTED_AT = "ingested_at"
    NAME = "name"


@dataclass(frozen=True)
class CategoryMark:
    category: Category
    state: CategoryState
    # Why it was suggested (size, folder, face, file) or "user" when a person set it.
    source: str
    decided_by: str = ""
    decided_at: datetime | None = None


@dataclass(frozen=True)
class CategorySuggestion:
    category: Category
    source: str


# Fields staff may edit; everything else is a fact about the file.
EDITABLE_FIELDS = ("case_number", "caption", "headline", "keywords", "byline", "credit", "copyright")


@dataclass(kw_only=True)
class NewPhoto(PressText):
    """What ingest knows about a file once it sits verified in originals/ (its press fields, from
    PressText, start as the file's own)."""

    sha256: str
    original_name: str
    archive_path: str
    size_bytes: int
    format: str
    width: int
    height: int
    source_path: str = ""
    orientation: int = 1
    capture_time: datetime | None = None
    camera_make: str = ""
    camera_model: str = ""
    lens: str = ""
    has_gps: bool = False
    has_serial: bool = False
    has_owner: bool = False
    privacy_findings: list[str] = field(default_factory=list)
    case_number: str = ""
    faces: int = 0
    suggestions: list[CategorySuggestion] = field(default_factory=list)


@dataclass(kw_only=True)
class PhotoRecord(PressText):
    """A photo in the catalog: facts about the file, its press fields (from PressText), categories."""

    id: int
    sha256: str
    original_name: str
    archive_path: str
    source_path: str
    size_bytes: int
    format: str
    width: int
    height: int
    orientation: int
    capture_time: datetime | None
    camera_make: str
    camera_model: str
    lens: str
    has_gps: bool
    has_serial: bool
    has_owner: bool
    privacy_findings: list[str]
    case_number: str
    faces: int
    reviewed: bool
    ingested_at: datetime
    updated_at: datetime
    # The row version this record was read at: pass it back to update_fields to detect a later save.
    version: int = 1
    categories: dict[Category, CategoryMark] = field(default_factory=dict)

    def has_category(self, category: Category, *, confirmed_only: bool = False) -> bool:
        mark = self.categories.get(category)
        if mark is None or mark.state is CategoryState.REJECTED:
            return False
        return mark.state is CategoryState.CONFIRMED or not confirmed_only

    @property
    def pending_suggestions(self) -> list[Category]:
        return [c for c, m in self.categories.items() if m.state is CategoryState.SUGGESTED]


@dataclass(slots=True)
class PhotoSummary:
    """The light row a grid of 100,000 tiles needs."""

    id: int
    sha256: str
    original_name: str
    capture_time: datetime | None
    ingested_at: datetime
    width: int
    height: int
    case_number: str
    has_gps: bool
    has_serial: bool
    reviewed: bool
    # Categories not rejected, sorted; suggested ones end in "?" (e.g. ("case", "portrait?")).
    categories: tuple[str, ...]
    in_set: bool
    # The privacy kinds ingest recorded (for the badge: privacy_state.decide tells found / unchecked).
    privacy_findings: tuple[str, ...] = ()


@dataclass(frozen=True)
class PhotoFile:
    """What the catalog knows about a photo's original on disk."""

    id: int
    sha256: str
    # Relative to the home's originals/ folder, with forward slashes.
    archive_path: str
    size_bytes: int
    ingested_at: datetime


@dataclass
class PhotoQuery:
    category: Category | None = None
    # With a category: only photos where that category is confirmed (else suggested counts too).
    confirmed_only: bool = False
    search: str = ""
    case_number: str = ""
    unreviewed_only: bool = False
    # Unconfirmed suggestions or privacy findings in the original.
    needs_review: bool = False
    sort: SortKey = SortKey.CAPTURE_TIME
    descending: bool = True
    limit: int | None = None
    offset: int = 0
