"""Redaction: hiding faces, number plates and documents in the pixels of every published copy.

Regions live in the catalog per photo (`model.Region`, in the displayed orientation, fractions 0–1),
suggested by the face detector (`RedactionService.detect`) and drawn by hand; `burn.burn_in` writes the
redacted source that `photoarchive.privacy.publish_copy` then strips and verifies as usual. A case photo
needs a person's review ("regions confirmed" / "nothing to redact") before a public set may carry it:
`review_needed`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from photoarchive.redaction.model import (
    Fill,
    Region,
    RegionKind,
    Review,
    ReviewState,
    parse_box,
    regions_digest,
)
from photoarchive.redaction.service import (
    RedactionError,
    RedactionService,
    for_home,
    redacted_source,
    redaction_digest,
    region_digests,
)

if TYPE_CHECKING:
    from photoarchive.catalog import Catalog
    from photoarchive.home import Home

__all__ = [
    "Fill", "Region", "RegionKind", "Review", "ReviewState", "RedactionError", "RedactionService",
    "for_home", "parse_box", "redacted_source", "redaction_digest", "region_digests", "regions_digest", "review_needed",
    "public_set_problems", "unreviewed_case_photos",
]  # fmt: skip


def review_needed(catalog: Catalog, home: Home, photo_id: int) -> bool:
    """True for a case photo whose redaction no person has reviewed as its regions are now."""
    return RedactionService(catalog, home).review_needed(photo_id)


def public_set_problems(catalog: Catalog, home: Home, photo_ids: list[int], public: bool) -> list[int]:
    """The rule for approving a set: the ids of its case photos still needing a redaction review when
    the set will be public (none for a private set)."""
    if not public:
        return []
    service = RedactionService(catalog, home)
    return [pid for pid in photo_ids if service.review_needed(pid)]


def unreviewed_case_photos(catalog: Catalog, photo_ids: list[int]) -> list[int]:
    """Of these photos, the case photos whose redaction no person has reviewed as it is now (catalog
    only: what approval asks before a public set may carry them)."""
    from photoarchive.catalog.photos import Category
    from photoarchive.catalog.redactions import RedactionStore
    from photoarchive.redaction.model import review_needed as rule
    from photoarchive.redaction.service import _region

    store = RedactionStore(catalog.engine)
    reviews = store.reviews(photo_ids)
    unreviewed = []
    for record in catalog.photos.get_many(photo_ids):
        row = reviews.get(record.id)
        review = (
            None if row is None else Review(ReviewState(row.state), row.actor, row.at, row.regions_digest)
        )
        digest = regions_digest(_region(r) for r in store.regions(record.id))
        if rule(record.has_category(Category.CASE), digest, review):
            unreviewed.append(record.id)
    return sorted(unreviewed)
