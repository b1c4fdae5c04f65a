"""What each sidebar entry shows: a small value object and the catalog query it stands for."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from photoarchive.catalog.photos import Category, PhotoQuery, SortKey

# Rows a view fetches with its count before the grid shows (about two screens); the rest follow as shown.
FIRST_ROWS = 300


class ViewKind(StrEnum):
    INBOX = "inbox"
    ALL = "all"
    PORTRAITS = "portraits"
    CASES = "cases"
    CASE = "case"  # one case number
    MEDIA = "media"
    SETS = "sets"
    SET = "set"  # one set
    NEEDS_REVIEW = "needs_review"
    QUARANTINE = "quarantine"
    SYNC = "sync"
    PEOPLE = "people"  # who is in the photos, with what consent
    CASE_REGISTER = "case_register"  # the case register and retention list


# Views that show the photo grid (the others have their own page).
GRID_VIEWS = {
    ViewKind.INBOX,
    ViewKind.ALL,
    ViewKind.PORTRAITS,
    ViewKind.CASES,
    ViewKind.CASE,
    ViewKind.MEDIA,
    ViewKind.NEEDS_REVIEW,
}


@dataclass(frozen=True)
class ViewSpec:
    kind: ViewKind
    case_number: str = ""
    set_id: int | None = None

    @property
    def shows_grid(self) -> bool:
        return self.kind in GRID_VIEWS


@dataclass(frozen=True)
class GridOptions:
    search: str = ""
    sort: SortKey = SortKey.CAPTURE_TIME
    descending: bool = True


def query_for(view: ViewSpec, options: GridOptions = GridOptions()) -> PhotoQuery:
    """The catalog query behind a grid view, with the search box and sort order applied."""
    query = PhotoQuery(search=options.search, sort=options.sort, descending=options.descending)
    if view.kind is ViewKind.INBOX:
        query.unreviewed_only = True
    elif view.kind is ViewKind.PORTRAITS:
        query.category = Category.PORTRAIT
    elif view.kind is ViewKind.CASES:
        query.category = Category.CASE
    elif view.kind is ViewKind.CASE:
        query.case_number = view.case_number
    elif view.kind is ViewKind.MEDIA:
        query.category = Category.MEDIA
    elif view.kind is ViewKind.NEEDS_REVIEW:
        query.needs_review = True
    return query
