"""What the catalog stores about sets: their metadata, state, approved content and the audit log, as
plain typed records. Defined here, below `photoarchive.sets` (which works with them and re-exports them
from `sets.model`), so that storage never imports the layers above it."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from photoarchive.errors import PhotoarchiveError


class SetError(PhotoarchiveError):
    """A set operation cannot be done (the message says why).

    Given a notice (photoarchive.sets.notices.Notice: a code with parameters), it keeps it as `notice`
    for the window to translate; `str()` is the English.
    """

    def __init__(self, message: object):
        self.notice: Any = message if hasattr(message, "code") and hasattr(message, "english") else None
        super().__init__(str(message))


class SetNotFound(SetError):
    """No set has that id or exact title."""


class SetStateError(SetError):
    """The step does not fit where the set is in its life (e.g. approving a draft)."""


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
    # The digest of the redaction regions burnt into the published copy ("" without regions), so a
    # region edit is a change like a caption edit. None: approved before approval covered regions.
    redaction: str | None = None

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
