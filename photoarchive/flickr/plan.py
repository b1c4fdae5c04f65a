"""What a sync must do, decided without touching Flickr or the disk.

`desired_state` turns the approved sets into the photos and albums that should be on Flickr;
`plan_sync` compares that with what this archive knows it put there (and what the album listings of
this run showed) and returns the list of actions, in the order they must run. `--dry-run` prints it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime

# The catalog stores what this archive put on Flickr; the planner reads it.
from photoarchive.catalog.sync_state import KnownState
from photoarchive.flickr.actions import (
    Action,
    AddToGroup,
    CreateAlbum,
    DeleteAlbum,
    KeepFile,
    LeaveGroup,
    Repair,
    ReplaceFile,
    RetirePhoto,
    SetAlbumMeta,
    SetAlbumPhotos,
    SetPhotoLicence,
    SetPhotoMeta,
    SetPhotoPerms,
    SetPhotoTags,
    SyncPlan,
    UploadPhoto,
)
from photoarchive.sets.model import PhotoContent, SetContent, Visibility

MACHINE_TAG_NAMESPACE = "photoarchive"


def machine_tag(sha256: str) -> str:
    """The tag every upload carries, so a lost answer can be found again by search."""
    return f"{MACHINE_TAG_NAMESPACE}:sha256={sha256.lower()}"


# Flickr keeps at most 75 tags on a photo (https://www.flickrhelp.com, "Tags"); what is sent past that
# is dropped, so the machine tag the duplicate protection depends on goes first and keywords are cut.
MAX_TAGS = 75


def tag_string(tags: Iterable[str], sha256: str) -> str:
    """Flickr's tag syntax: space-separated, words grouped with double quotes; the machine tag first."""
    return tag_string_and_dropped(tags, sha256)[0]


def tag_string_and_dropped(tags: Iterable[str], sha256: str) -> tuple[str, int]:
    """The tag string, and how many keywords past Flickr's limit were left out."""
    parts: list[str] = [machine_tag(sha256)]
    seen: set[str] = set()
    dropped = 0
    for tag in tags:
        tag = tag.replace('"', "").strip()
        if not tag or tag.casefold() in seen:
            continue
        seen.add(tag.casefold())
        if len(parts) >= MAX_TAGS:
            dropped += 1
            continue
        parts.append(f'"{tag}"' if any(c.isspace() for c in tag) else tag)
    return " ".join(parts), dropped


def digest(*values: object) -> str:
    return hashlib.sha256(json.dumps(values, ensure_ascii=False, sort_keys=True).encode()).hexdigest()


# -- what should be on Flickr -------------------------------------------------------------------


@dataclass(frozen=True)
class DesiredPhoto:
    sha256: str
    photo_id: int
    content: PhotoContent
    # Changes exactly when the clean file to publish changes.
    fingerprint: str
    title: str
    description: str
    tags: str  # Flickr tag string, machine tag included
    visibility: Visibility
    licence_id: int
    groups: frozenset[str]
    # Keywords left out because Flickr keeps at most MAX_TAGS tags.
    tags_dropped: int = 0

    @property
    def name(self) -> str:
        """The file name the user knows the photo by."""
        return self.content.archive_path.rsplit("/", 1)[-1]

    @property
    def meta_digest(self) -> str:
        return digest(self.title, self.description)

    @property
    def tags_digest(self) -> str:
        return digest(self.tags)


@dataclass(frozen=True)
class DesiredAlbum:
    set_id: int
    title: str
    description: str
    photo_shas: tuple[str, ...]
    primary_sha: str

    @property
    def meta_digest(self) -> str:
        return digest(self.title, self.description)


@dataclass(frozen=True)
class ApprovedSet:
    set_id: int
    approved_at: datetime | None
    content: SetContent


@dataclass(frozen=True)
class DesiredState:
    photos: dict[str, DesiredPhoto]
    albums: dict[int, DesiredAlbum]


def desired_state(
    approved: Iterable[ApprovedSet], fingerprint: Callable[[PhotoContent], str]
) -> DesiredState:
    """Merge the approved sets into one wanted state. A photo in several sets is uploaded once: it gets
    the most open visibility of its sets (each was approved for it), the union of their tags and
    groups, the licence of its lowest-numbered set, and the press fields of the latest approval."""
    by_sha: dict[str, list[tuple[ApprovedSet, PhotoContent]]] = {}
    albums: dict[int, DesiredAlbum] = {}
    ordered = sorted(approved, key=lambda a: a.set_id)
    for entry in ordered:
        content = entry.content
        if not content.photos:
            continue
        shas = tuple(dict.fromkeys(p.sha256 for p in content.photos))
        cover = content.cover
        albums[entry.set_id] = DesiredAlbum(
            set_id=entry.set_id,
            title=content.title,
            description=content.description,
            photo_shas=shas,
            primary_sha=cover.sha256 if cover else shas[0],
        )
        for photo in content.photos:
            by_sha.setdefault(photo.sha256, []).append((entry, photo))

    photos: dict[str, DesiredPhoto] = {}
    for sha, uses in by_sha.items():
        latest = max(uses, key=lambda u: (u[0].approved_at or datetime.min, u[0].set_id))[1]
        visibility = max((u[0].content.visibility for u in uses), key=lambda v: v.openness)
        tags: list[str] = []
        for entry, _photo in uses:
            tags.extend(entry.content.tags)
        tags.extend(latest.keywords)
        tag_text, dropped = tag_string_and_dropped(tags, sha)
        photos[sha] = DesiredPhoto(
            sha256=sha,
            photo_id=latest.photo_id,
            content=latest,
            fingerprint=fingerprint(latest),
            title=latest.headline,
            description=latest.caption,
            tags=tag_text,
            visibility=visibility,
            licence_id=uses[0][0].content.licence_id,
            groups=frozenset(u[0].content.group_id for u in uses if u[0].content.group_id),
            tags_dropped=dropped,
        )
    return DesiredState(photos, albums)


# -- what this archive knows is on Flickr ---------------------------------------------------------


@dataclass(frozen=True)
class ObservedPhoto:
    """A photo as an album listing showed it: what someone may have changed on flickr.com."""

    title: str
    description: str
    perms: tuple[int, int, int]  # is_public, is_friend, is_family
    # The photo's machine tags as the listing showed them (None: not asked for).
    machine_tags: frozenset[str] | None = None


@dataclass(frozen=True)
class ObservedAlbum:
    """An album as flickr.photosets.getPhotos showed it in this run (`exists=False`: Flickr says gone)."""

    exists: bool
    photo_ids: tuple[str, ...] = ()
    primary_id: str = ""
    photos: Mapping[str, ObservedPhoto] = field(default_factory=dict)
    title: str | None = None  # None: the listing did not say


def plan_sync(
    desired: DesiredState,
    known: KnownState,
    observed: Mapping[int, ObservedAlbum] | None = None,
    *,
    delete_removed: bool = False,
    can_replace: bool = True,
    unconfirmed: Iterable[str] = (),
) -> SyncPlan:
    """The actions that bring Flickr from `known` (corrected by `observed` album listings) to `desired`.

    The live listings are the truth: a photo missing from its album is put back, a title or visibility
    changed on flickr.com is set back. `unconfirmed` uploads (answer lost, not found yet) are neither
    sent again nor put in albums. Without `can_replace` (a free account) a changed file is kept.

    Order: photo work (uploads and metadata), then albums, then take-downs (albums, group pools,
    photos), so an album is only built from uploaded photos and a photo only goes private once no album
    or pool shows it.
    """
    observed = observed or {}
    waiting = set(unconfirmed)
    actions: list[Action] = []
    skipped: list[str] = []
    repairs: list[Repair] = []
    # Photos that will be on Flickr after the photo phase.
    available: set[str] = set()
    seen_photos: dict[str, ObservedPhoto] = {}
    for album_seen in observed.values():
        seen_photos.update(album_seen.photos)

    for sha, want in desired.photos.items():
        have = known.photos.get(sha)
        if have is None:
            if sha in waiting:
                continue
            if known.failed.get(sha) == want.fingerprint:
                skipped.append(sha)
                continue
            actions.append(UploadPhoto(sha, want.photo_id))
            # Title, description, tags and visibility travel with the upload; the licence does not.
            actions.append(SetPhotoLicence(sha, want.photo_id, want.licence_id))
            actions.extend(AddToGroup(sha, want.photo_id, g) for g in sorted(want.groups))
            available.add(sha)
            continue
        available.add(sha)
        live = seen_photos.get(have.remote_id)
        if have.file_fingerprint and have.file_fingerprint != want.fingerprint:
            if not can_replace:
                actions.append(KeepFile(sha, want.photo_id))
            elif known.failed.get(sha) != want.fingerprint:
                actions.append(ReplaceFile(sha, want.photo_id))
        # Drift: Flickr differs from what this archive last set and still wants (a wanted change is
        # planned below anyway, and is no repair).
        meta_drift = (
            live is not None
            and have.meta_applied == want.meta_digest
            and (live.title, live.description) != (want.title, want.description)
        )
        if meta_drift:
            assert live is not None
            repairs.append(Repair("meta", sha, seen=live.title))
        if have.meta_applied != want.meta_digest or meta_drift:
            actions.append(SetPhotoMeta(sha, want.photo_id))
        # The machine tag is what finds a lost upload again: removed on flickr.com, it is set back.
        tag_drift = (
            live is not None
            and live.machine_tags is not None
            and have.tags_applied == want.tags_digest
            and machine_tag(sha) not in live.machine_tags
        )
        if tag_drift:
            repairs.append(Repair("tags", sha))
        if have.tags_applied != want.tags_digest or tag_drift:
            actions.append(SetPhotoTags(sha, want.photo_id))
        perms_drift = (
            live is not None
            and have.visibility_applied == want.visibility.value
            and live.perms != want.visibility.flickr_perms()
        )
        if perms_drift:
            assert live is not None
            repairs.append(Repair("perms", sha, seen=_perms_word(live.perms)))
        if have.visibility_applied != want.visibility.value or perms_drift:
            actions.append(SetPhotoPerms(sha, want.photo_id, want.visibility))
        if have.licence_applied != want.licence_id:
            actions.append(SetPhotoLicence(sha, want.photo_id, want.licence_id))
        actions.extend(AddToGroup(sha, want.photo_id, g) for g in sorted(want.groups - have.groups_applied))

    remote_of = {sha: p.remote_id for sha, p in known.photos.items()}
    for set_id, album in sorted(desired.albums.items()):
        shas = tuple(s for s in album.photo_shas if s in available)
        if not shas:
            continue
        primary = album.primary_sha if album.primary_sha in shas else shas[0]
        have_album = known.albums.get(set_id)
        seen = observed.get(set_id)
        exists = have_album is not None and (seen is None or seen.exists)
        if not exists:
            if have_album is not None:
                repairs.append(Repair("album_gone", set_id=set_id))
            actions.append(CreateAlbum(set_id, album.title))
            if len(shas) > 1:
                actions.append(SetAlbumPhotos(set_id, album.title, shas, primary))
            continue
        assert have_album is not None
        # The listing shows the album's title (not its description): renamed on flickr.com, set back.
        title_drift = (
            seen is not None
            and seen.title is not None
            and have_album.meta_applied == album.meta_digest
            and seen.title != album.title
        )
        if title_drift:
            assert seen is not None
            repairs.append(Repair("album_meta", set_id=set_id, seen=seen.title or ""))
        if have_album.meta_applied != album.meta_digest or title_drift:
            actions.append(SetAlbumMeta(set_id, album.title))
        current_ids = seen.photo_ids if seen is not None else have_album.photo_ids
        current_primary = seen.primary_id if seen is not None else have_album.primary_id
        if seen is not None:
            # Photos this archive put in the album that the live listing lacks (deleted photos are
            # forgotten before planning, so these were taken out on flickr.com).
            repairs.extend(
                Repair("put_back", s, set_id)
                for s in shas
                if s in remote_of and remote_of[s] in have_album.photo_ids and remote_of[s] not in current_ids
            )
        wanted_ids = tuple(remote_of.get(s) for s in shas)
        if None in wanted_ids or wanted_ids != current_ids or remote_of.get(primary) != current_primary:
            actions.append(SetAlbumPhotos(set_id, album.title, shas, primary))

    for set_id, have_album in sorted(known.albums.items()):
        if set_id not in desired.albums or not any(s in available for s in desired.albums[set_id].photo_shas):
            seen = observed.get(set_id)
            if seen is None or seen.exists:
                actions.append(DeleteAlbum(set_id, have_album.remote_id))

    for sha, have in sorted(known.photos.items()):
        want = desired.photos.get(sha)
        if want is not None or not delete_removed:  # a deleted photo leaves its pools anyway
            shared = want.groups if want is not None else frozenset()
            actions.extend(LeaveGroup(sha, have.remote_id, g) for g in sorted(have.groups_applied - shared))
        if want is not None:
            continue
        if delete_removed:
            actions.append(RetirePhoto(sha, have.remote_id, delete=True))
        elif have.visibility_applied != Visibility.PRIVATE.value:
            actions.append(RetirePhoto(sha, have.remote_id, delete=False))
    return SyncPlan(
        tuple(actions),
        tuple(skipped),
        tuple(sorted(waiting & set(desired.photos))),
        tuple(repairs),
    )


def _perms_word(perms: tuple[int, int, int]) -> str:
    for visibility in Visibility:
        if visibility.flickr_perms() == perms:
            return visibility.value
    return "/".join(str(p) for p in perms)
