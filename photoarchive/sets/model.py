"""What a set is: its metadata, its life (draft → submitted → approved → published) and the content
as approved, which is what sync publishes until someone approves again.

The records themselves are stored by the catalog and defined there (`catalog.set_records`); this module
is where the rest of the app takes them from, with Flickr's licences and the ordering rule."""

from __future__ import annotations

from photoarchive.catalog.set_records import (
    AuditEntry,
    PhotoContent,
    PhotoSet,
    SetContent,
    SetState,
    Visibility,
)

__all__ = [
    "LICENCES",
    "AuditEntry",
    "PhotoContent",
    "PhotoSet",
    "SetContent",
    "SetState",
    "Visibility",
    "order_with_moved",
]

# Flickr's licence ids (flickr.photos.licenses.getInfo).
LICENCES: dict[int, str] = {
    0: "All Rights Reserved",
    1: "CC BY-NC-SA 2.0",
    2: "CC BY-NC 2.0",
    3: "CC BY-NC-ND 2.0",
    4: "CC BY 2.0",
    5: "CC BY-SA 2.0",
    6: "CC BY-ND 2.0",
    7: "No known copyright restrictions",
    8: "United States Government Work",
    9: "Public Domain Dedication (CC0)",
    10: "Public Domain Mark",
    11: "CC BY 4.0",
    12: "CC BY-SA 4.0",
    13: "CC BY-ND 4.0",
    14: "CC BY-NC 4.0",
    15: "CC BY-NC-SA 4.0",
    16: "CC BY-NC-ND 4.0",
}


def order_with_moved(order: list[int], moving: list[int], position: int) -> list[int]:
    """``order`` with the photos in ``moving`` taken out and put, in their present order, before the
    photo now at ``position`` (``len(order)`` or more: at the end). What dragging tiles in a set does."""
    chosen = set(moving)
    kept = [pid for pid in order if pid not in chosen]
    # Where the drop lands among the photos that stay: count those before the drop position.
    insert_at = sum(1 for pid in order[: max(0, position)] if pid not in chosen)
    moved = [pid for pid in order if pid in chosen]
    return kept[:insert_at] + moved + kept[insert_at:]
