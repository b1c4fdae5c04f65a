"""What changed in a set since its approval, decided without the database: the set's own fields, its
photos (added, removed, reordered) and, per photo, the press fields and the redaction burnt into its
published copy. The approved content is what stays published until someone approves again."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from enum import StrEnum

from photoarchive.sets.model import PhotoContent, SetContent


class ChangeKind(StrEnum):
    TITLE = "title"
    DESCRIPTION = "description"
    VISIBILITY = "visibility"
    LICENCE = "licence"
    GROUP = "group"
    TAGS = "tags"
    COVER = "cover"
    ORDER = "order"
    PHOTO_ADDED = "photo_added"
    PHOTO_REMOVED = "photo_removed"
    FILE = "file"
    HEADLINE = "headline"
    CAPTION = "caption"
    KEYWORDS = "keywords"
    BYLINE = "byline"
    CREDIT = "credit"
    COPYRIGHT = "copyright"
    CASE_NUMBER = "case_number"
    REDACTION = "redaction"
    OTHER = "other"


# Set fields and photo fields, each with the change it makes (in the order they are told).
_SET_FIELDS = (
    ("title", ChangeKind.TITLE),
    ("description", ChangeKind.DESCRIPTION),
    ("visibility", ChangeKind.VISIBILITY),
    ("licence_id", ChangeKind.LICENCE),
    ("group_id", ChangeKind.GROUP),
    ("tags", ChangeKind.TAGS),
)
_PHOTO_FIELDS = (
    ("sha256", ChangeKind.FILE),
    ("headline", ChangeKind.HEADLINE),
    ("caption", ChangeKind.CAPTION),
    ("keywords", ChangeKind.KEYWORDS),
    ("byline", ChangeKind.BYLINE),
    ("credit", ChangeKind.CREDIT),
    ("copyright", ChangeKind.COPYRIGHT),
    ("case_number", ChangeKind.CASE_NUMBER),
    ("redaction", ChangeKind.REDACTION),
)

_ENGLISH = {
    ChangeKind.TITLE: "the title",
    ChangeKind.DESCRIPTION: "the description",
    ChangeKind.VISIBILITY: "the visibility",
    ChangeKind.LICENCE: "the licence",
    ChangeKind.GROUP: "the group",
    ChangeKind.TAGS: "the tags",
    ChangeKind.COVER: "the cover",
    ChangeKind.ORDER: "the order of the photos",
    ChangeKind.PHOTO_ADDED: "{name} added",
    ChangeKind.PHOTO_REMOVED: "{name} removed",
    ChangeKind.FILE: "the file of {name}",
    ChangeKind.HEADLINE: "the headline of {name}",
    ChangeKind.CAPTION: "the caption of {name}",
    ChangeKind.KEYWORDS: "the keywords of {name}",
    ChangeKind.BYLINE: "the byline of {name}",
    ChangeKind.CREDIT: "the credit of {name}",
    ChangeKind.COPYRIGHT: "the copyright of {name}",
    ChangeKind.CASE_NUMBER: "the case number of {name}",
    ChangeKind.REDACTION: "the redaction of {name}",
    ChangeKind.OTHER: "other details",
}


@dataclass(frozen=True)
class ContentChange:
    """One difference between the approved and the current content (code + parameters: the window
    words it in the user's language, `english()` is the CLI's)."""

    kind: ChangeKind
    photo_id: int | None = None
    # The photo's file name, for changes of one photo.
    name: str = ""

    def english(self) -> str:
        return _ENGLISH[self.kind].format(name=self.name)

    def to_json(self) -> dict[str, object]:
        return {"kind": self.kind.value, "photo_id": self.photo_id, "name": self.name}


def _name(photo: PhotoContent) -> str:
    return photo.archive_path.rsplit("/", 1)[-1]


def comparable(approved: SetContent, current: SetContent) -> SetContent:
    """The approved content, with the redaction of photos approved before approval covered regions
    taken as it is now (those sets keep the old rule: their current regions are published)."""
    now = {p.photo_id: p for p in current.photos}
    photos = tuple(
        dataclasses.replace(p, redaction=now[p.photo_id].redaction)
        if p.redaction is None and p.photo_id in now
        else p
        for p in approved.photos
    )
    return dataclasses.replace(approved, photos=photos)


def content_changes(approved: SetContent | None, current: SetContent) -> tuple[ContentChange, ...]:
    """Every change from the approved content to the current one (empty: unchanged or never approved)."""
    if approved is None:
        return ()
    approved = comparable(approved, current)
    if approved == current:
        return ()
    out: list[ContentChange] = []
    for attr, kind in _SET_FIELDS:
        if getattr(approved, attr) != getattr(current, attr):
            out.append(ContentChange(kind))
    before = {p.photo_id: p for p in approved.photos}
    after = {p.photo_id: p for p in current.photos}
    kept_before = [pid for pid in before if pid in after]
    kept_after = [pid for pid in after if pid in before]
    if kept_before != kept_after:
        out.append(ContentChange(ChangeKind.ORDER))
    cover_before = approved.cover.photo_id if approved.cover else None
    cover_after = current.cover.photo_id if current.cover else None
    if cover_before != cover_after:
        out.append(ContentChange(ChangeKind.COVER))
    for photo in current.photos:
        old = before.get(photo.photo_id)
        if old is None:
            out.append(ContentChange(ChangeKind.PHOTO_ADDED, photo.photo_id, _name(photo)))
            continue
        for attr, kind in _PHOTO_FIELDS:
            if getattr(old, attr) != getattr(photo, attr):
                out.append(ContentChange(kind, photo.photo_id, _name(photo)))
    for photo in approved.photos:
        if photo.photo_id not in after:
            out.append(ContentChange(ChangeKind.PHOTO_REMOVED, photo.photo_id, _name(photo)))
    if not out:  # a difference no field above names (e.g. the archive path): still a change
        out.append(ContentChange(ChangeKind.OTHER))
    return tuple(out)
