"""What a set is: its metadata, its life (draft → submitted → approved → published) and the content
as approved, which is what sync publishes until someone approves again."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any


class Visibility(StrEnum):
    PUBLIC = "public"
    FRIENDS = "friends"
    FAMILY = "family"
    PRIVATE = "private"

    def flickr_perms(self) -> tuple[int, int, int]:
        """(is_public, is_friend, is_family) as Flickr's upload and setPerms take them."""
        return {
            Visibility.PUBLIC: (1, 0, 0),
            Visibility.FRIENDS: (0, 1, 0),
            Visibility.FAMILY: (0, 0, 1),
            Visibility.PRIVATE: (0, 0, 0),
        }[self]

    @property
    def openness(self) -> int:
        """Higher is seen by more people (a photo in two sets gets the more open visibility)."""
        return {Visibility.PRIVATE: 0, Visibility.FAMILY: 1, Visibility.FRIENDS: 1, Visibility.PUBLIC: 2}[
            self
        ]


class SetState(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    APPROVED = "approved"
    PUBLISHED = "published"


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


@dataclass(frozen=True)
class PhotoContent:
    """One photo as it is (or was, when approved) meant to appear on Flickr.

    Press fields are the catalog's values; empty ones get the settings' defaults when stamped.
    """

    photo_id: int
    sha256: str
    archive_path: str
    headline: str = ""
    caption: str = ""
    keywords: tuple[str, ...] = ()
    byline: str = ""
    credit: str = ""
    copyright: str = ""
    case_number: str = ""

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> PhotoContent:
        return cls(**{**raw, "keywords": tuple(raw.get("keywords") or ())})


@dataclass(frozen=True)
class SetContent:
    """Everything about a set that approval covers. Two equal contents publish the same album."""

    title: str
    description: str
    visibility: Visibility
    licence_id: int
    group_id: str
    tags: tuple[str, ...]
    cover_photo_id: int | None
    photos: tuple[PhotoContent, ...] = ()

    @property
    def cover(self) -> PhotoContent | None:
        """The album's primary photo: the chosen cover while it is in the set, else the first photo."""
        for photo in self.photos:
            if photo.photo_id == self.cover_photo_id:
                return photo
        return self.photos[0] if self.photos else None

    def to_json(self) -> dict[str, Any]:
        raw = asdict(self)
        raw["visibility"] = self.visibility.value
        return json.loads(json.dumps(raw))

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> SetContent:
        return cls(
            title=raw["title"],
            description=raw.get("description", ""),
            visibility=Visibility(raw.get("visibility", "private")),
            licence_id=int(raw.get("licence_id", 0)),
            group_id=raw.get("group_id", ""),
            tags=tuple(raw.get("tags") or ()),
            cover_photo_id=raw.get("cover_photo_id"),
            photos=tuple(PhotoContent.from_json(p) for p in raw.get("photos") or ()),
        )

    def digest(self) -> str:
        return hashlib.sha256(json.dumps(self.to_json(), sort_keys=True).encode()).hexdigest()


@dataclass
class PhotoSet:
    """A set as the catalog holds it now (its approved content may differ: see `changed_since_approval`)."""

    id: int
    title: str
    description: str
    visibility: Visibility
    licence_id: int
    group_id: str
    tags: list[str]
    cover_photo_id: int | None
    state: SetState
    approved_by: str
    approved_at: datetime | None
    approved_content: SetContent | None
    override_reason: str
    created_at: datetime
    updated_at: datetime
    photo_ids: list[int] = field(default_factory=list)
    # Who last submitted it for approval (the actor of its latest "submit" audit entry); "" if nobody.
    submitted_by: str = ""


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: datetime
    actor: str
    action: str
    target_kind: str
    target_id: int
    detail: dict[str, Any]

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "at": self.at.isoformat(timespec="seconds") + "Z",
            "actor": self.actor,
            "action": self.action,
            "target_kind": self.target_kind,
            "target_id": self.target_id,
            "detail": self.detail,
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
