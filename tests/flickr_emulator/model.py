"""The emulated Flickr's data: users, apps, tokens, photos, photosets, groups (inspect via ``emulator.state``)."""

from __future__ import annotations

import hashlib
import itertools
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from .tags import MachineTag, ParsedTag

PERM_LEVELS = {"none": 0, "read": 1, "write": 2, "delete": 3}

# flickr.photos.licenses.getInfo as Flickr returns it (ids 11-16 are the CC 4.0 licences added in 2024).
LICENSES: dict[int, tuple[str, str]] = {
    0: (
        "All Rights Reserved",
        "https://www.flickrhelp.com/hc/en-us/articles/10710266545556-Using-Flickr-images-shared-by-other-members",
    ),
    1: ("Attribution-NonCommercial-ShareAlike License", "https://creativecommons.org/licenses/by-nc-sa/2.0/"),
    2: ("Attribution-NonCommercial License", "https://creativecommons.org/licenses/by-nc/2.0/"),
    3: ("Attribution-NonCommercial-NoDerivs License", "https://creativecommons.org/licenses/by-nc-nd/2.0/"),
    4: ("Attribution License", "https://creativecommons.org/licenses/by/2.0/"),
    5: ("Attribution-ShareAlike License", "https://creativecommons.org/licenses/by-sa/2.0/"),
    6: ("Attribution-NoDerivs License", "https://creativecommons.org/licenses/by-nd/2.0/"),
    7: ("No known copyright restrictions", "https://www.flickr.com/commons/usage/"),
    8: ("United States Government Work", "http://www.usa.gov/copyright.shtml"),
    9: ("Public Domain Dedication (CC0)", "https://creativecommons.org/publicdomain/zero/1.0/"),
    10: ("Public Domain Mark", "https://creativecommons.org/publicdomain/mark/1.0/"),
    11: ("Attribution 4.0 International", "https://creativecommons.org/licenses/by/4.0/"),
    12: ("Attribution-ShareAlike 4.0 International", "https://creativecommons.org/licenses/by-sa/4.0/"),
    13: ("Attribution-NoDerivs 4.0 International", "https://creativecommons.org/licenses/by-nd/4.0/"),
    14: ("Attribution-NonCommercial 4.0 International", "https://creativecommons.org/licenses/by-nc/4.0/"),
    15: (
        "Attribution-NonCommercial-ShareAlike 4.0 International",
        "https://creativecommons.org/licenses/by-nc-sa/4.0/",
    ),
    16: (
        "Attribution-NonCommercial-NoDerivs 4.0 International",
        "https://creativecommons.org/licenses/by-nc-nd/4.0/",
    ),
}


# Licences setLicense refuses (Flickr: "no known copyright restrictions" is for The Commons only).
UNSETTABLE_LICENSES = frozenset({7, 8})


# A free account holds at most this many photos and videos (https://www.flickrhelp.com, "Free accounts").
FREE_PHOTO_LIMIT = 1000


@dataclass
class User:
    nsid: str
    username: str
    fullname: str
    # Pro accounts may replace photos and have no photo limit; see ``FlickrEmulator.set_account``.
    pro: bool = True
    max_file_bytes: int = 200 * 1024 * 1024


@dataclass
class App:
    key: str
    secret: str


@dataclass
class RequestToken:
    token: str
    secret: str
    app_key: str
    callback: str
    created: float
    perms: str | None = None  # set by approve()
    user_nsid: str | None = None
    verifier: str | None = None


@dataclass
class AccessToken:
    token: str
    secret: str
    app_key: str
    user_nsid: str
    perms: str
    revoked: bool = False


@dataclass
class Tag:
    id: str
    raw: str
    clean: str
    machine: bool
    author: str
    parts: MachineTag | None = None  # namespace, predicate, value of a machine tag (clean form)


@dataclass
class Photo:
    id: str
    owner: str
    title: str
    description: str
    tags: list[Tag]
    is_public: int
    is_friend: int
    is_family: int
    data: bytes
    filetype: str  # jpg, png, gif, tiff, heic, webp
    upload_seq: int
    date_uploaded: int
    last_update: int
    secret: str = field(default_factory=lambda: secrets.token_hex(5))
    original_secret: str = field(default_factory=lambda: secrets.token_hex(5))
    server: str = "65535"
    farm: int = 66
    license: int = 0
    safety_level: int = 1
    content_type: int = 1
    hidden: int = 1
    perm_comment: int = 3
    perm_addmeta: int = 2
    replaced_count: int = 0
    # photos.search finds the photo only from this time on (see EmulatorState.search_index_lag).
    searchable_at: float = 0.0

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()

    @property
    def clean_tags(self) -> list[str]:
        return [t.clean for t in self.tags]

    @property
    def raw_tags(self) -> list[str]:
        return [t.raw for t in self.tags]

    @property
    def machine_tags(self) -> list[str]:
        return [t.clean for t in self.tags if t.machine]


@dataclass
class ReceivedFile:
    """A file that reached the upload or replace endpoint, whatever became of it."""

    endpoint: str  # upload or replace
    data: bytes
    photo_id: str | None  # the photo it became (or replaced); None when refused or dropped unprocessed
    call_seq: int


@dataclass
class Photoset:
    id: str
    owner: str
    title: str
    description: str
    primary: str
    photo_ids: list[str]
    date_create: int
    date_update: int
    secret: str = field(default_factory=lambda: secrets.token_hex(5))


@dataclass
class Group:
    id: str
    name: str
    members: set[str] | None = None  # None: every user may post
    moderated: bool = False
    pool: list[str] = field(default_factory=list)
    pending: list[str] = field(default_factory=list)


class EmulatorState:
    """Everything the emulated Flickr knows. Read it freely in tests; mutate only while holding ``lock``."""

    def __init__(self) -> None:
        self.lock = threading.RLock()
        self.users: dict[str, User] = {}
        self.apps: dict[str, App] = {}
        self.request_tokens: dict[str, RequestToken] = {}
        self.access_tokens: dict[str, AccessToken] = {}
        self.photos: dict[str, Photo] = {}
        self.photosets: dict[str, Photoset] = {}
        # The owner's album order; new albums go first, as on Flickr.
        self.photoset_order: dict[str, list[str]] = {}
        self.groups: dict[str, Group] = {}
        self.deleted_photo_ids: list[str] = []
        # Async upload tickets: ticket id -> photo id.
        self.tickets: dict[str, str] = {}
        # Every file the upload/replace endpoints received, kept for scanning what left the client.
        self.received_files: list[ReceivedFile] = []
        # Seconds before a new upload shows up in photos.search (Flickr's search index lags behind).
        self.search_index_lag: float = 0.0
        # The clock the search lag is measured with; a test sets a fake one to lag by minutes instantly.
        self.clock: Callable[[], float] = time.time
        # None: getList without paging returns every album; a number caps every page at that size.
        self.getlist_page_cap: int | None = None
        self._photo_ids = itertools.count(53100000001)
        self._set_ids = itertools.count(72177720300000001)
        self._upload_seq = itertools.count(1)
        self._tag_seq = itertools.count(1)

    # --- id allocation -------------------------------------------------------------------------
    def next_photo_id(self) -> str:
        return str(next(self._photo_ids))

    def next_photoset_id(self) -> str:
        return str(next(self._set_ids))

    def next_upload_seq(self) -> int:
        return next(self._upload_seq)

    def make_tag(self, parsed: ParsedTag, photo_id: str, author: str) -> Tag:
        number = next(self._tag_seq)
        return Tag(
            id=f"{author.split('@')[0]}-{photo_id}-{number}",
            raw=parsed.raw,
            clean=parsed.clean,
            machine=parsed.is_machine,
            author=author,
            parts=parsed.machine,
        )

    # --- queries for assertions ------------------------------------------------------------------
    def photos_in_upload_order(self, owner: str | None = None) -> list[Photo]:
        photos = [p for p in self.photos.values() if owner is None or p.owner == owner]
        return sorted(photos, key=lambda p: p.upload_seq)

    def photos_with_machine_tag(self, tag: str) -> list[Photo]:
        """Photos carrying the machine tag ``ns:pred=value`` (compared in clean form)."""
        from .tags import parse_tag

        parsed = parse_tag(tag)
        wanted = parsed.clean if parsed else tag
        return [p for p in self.photos_in_upload_order() if wanted in p.machine_tags]

    def photos_by_machine_tag(self, namespace: str, predicate: str) -> dict[str, list[Photo]]:
        """Photos grouped by the value of their ``namespace:predicate=…`` machine tags (finds duplicates)."""
        prefix = f"{namespace.lower()}:{predicate.lower()}="
        grouped: dict[str, list[Photo]] = {}
        for photo in self.photos_in_upload_order():
            for tag in photo.machine_tags:
                if tag.startswith(prefix):
                    grouped.setdefault(tag[len(prefix) :], []).append(photo)
        return grouped

    def photoset_by_title(self, title: str) -> Photoset | None:
        for photoset in self.photosets.values():
            if photoset.title == title:
                return photoset
        return None

    def photo_count(self, owner: str) -> int:
        return sum(1 for p in self.photos.values() if p.owner == owner)

    def sets_containing(self, photo_id: str) -> list[Photoset]:
        return [s for s in self.photosets.values() if photo_id in s.photo_ids]

    def snapshot(self) -> dict[str, object]:
        """A JSON-serialisable copy of the photos, photosets and group pools (no secrets, no bytes)."""
        with self.lock:
            return {
                "photos": [
                    {
                        "id": p.id,
                        "owner": p.owner,
                        "title": p.title,
                        "description": p.description,
                        "tags": [{"raw": t.raw, "clean": t.clean, "machine": t.machine} for t in p.tags],
                        "is_public": p.is_public,
                        "is_friend": p.is_friend,
                        "is_family": p.is_family,
                        "license": p.license,
                        "filetype": p.filetype,
                        "bytes": len(p.data),
                        "sha256": p.sha256,
                        "upload_seq": p.upload_seq,
                    }
                    for p in self.photos_in_upload_order()
                ],
                "photosets": [
                    {
                        "id": s.id,
                        "owner": s.owner,
                        "title": s.title,
                        "description": s.description,
                        "primary": s.primary,
                        "photo_ids": list(s.photo_ids),
                    }
                    for s in self.photosets.values()
                ],
                "groups": [
                    {"id": g.id, "name": g.name, "pool": list(g.pool), "pending": list(g.pending)}
                    for g in self.groups.values()
                ],
            }


def now() -> int:
    return int(time.time())
