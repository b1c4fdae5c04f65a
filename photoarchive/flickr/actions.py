"""The steps a sync plan is made of: what `--dry-run` prints and the sync carries out, in order."""

from __future__ import annotations

from dataclasses import dataclass

from photoarchive.sets.model import Visibility


@dataclass(frozen=True)
class Repair:
    """Something changed on flickr.com that the plan sets back (written to the sync and audit logs).

    kind: deleted (uploaded again), put_back (into the album), meta (title/description), perms
    (visibility), album_gone (made again), album_meta (the album's title), tags (the machine tag removed)."""

    kind: str
    sha256: str = ""
    set_id: int = 0
    seen: str = ""  # what Flickr showed, for the log


# -- actions --------------------------------------------------------------------------------------


class Action:
    """One step of a sync. `describe()` is what --dry-run prints."""

    def describe(self) -> str:  # pragma: no cover - every subclass overrides
        raise NotImplementedError


@dataclass(frozen=True)
class UploadPhoto(Action):
    sha256: str
    photo_id: int

    def describe(self) -> str:
        return f"upload photo {self.photo_id}"


@dataclass(frozen=True)
class ReplaceFile(Action):
    sha256: str
    photo_id: int

    def describe(self) -> str:
        return f"replace the file of photo {self.photo_id} (press fields changed)"


@dataclass(frozen=True)
class KeepFile(Action):
    """A free account cannot replace a photo: the new press fields go by setMeta/setTags and the image
    on Flickr stays; only this archive's note of the file is brought up to date (no call to Flickr)."""

    sha256: str
    photo_id: int

    def describe(self) -> str:
        return f"keep the image of photo {self.photo_id} (a free account cannot replace it)"


@dataclass(frozen=True)
class SetPhotoMeta(Action):
    sha256: str
    photo_id: int

    def describe(self) -> str:
        return f"update title/description of photo {self.photo_id}"


@dataclass(frozen=True)
class SetPhotoTags(Action):
    sha256: str
    photo_id: int

    def describe(self) -> str:
        return f"update tags of photo {self.photo_id}"


@dataclass(frozen=True)
class SetPhotoPerms(Action):
    sha256: str
    photo_id: int
    visibility: Visibility

    def describe(self) -> str:
        return f"make photo {self.photo_id} {self.visibility.value}"


@dataclass(frozen=True)
class SetPhotoLicence(Action):
    sha256: str
    photo_id: int
    licence_id: int

    def describe(self) -> str:
        return f"set licence {self.licence_id} on photo {self.photo_id}"


@dataclass(frozen=True)
class AddToGroup(Action):
    sha256: str
    photo_id: int
    group_id: str

    def describe(self) -> str:
        return f"share photo {self.photo_id} into group {self.group_id}"


@dataclass(frozen=True)
class CreateAlbum(Action):
    set_id: int
    title: str

    def describe(self) -> str:
        return f"create album «{self.title}» for set {self.set_id}"


@dataclass(frozen=True)
class SetAlbumMeta(Action):
    set_id: int
    title: str

    def describe(self) -> str:
        return f"update title/description of album «{self.title}» (set {self.set_id})"


@dataclass(frozen=True)
class SetAlbumPhotos(Action):
    """Make the album hold exactly these photos in this order (add, remove, reorder, primary: one call)."""

    set_id: int
    title: str
    photo_shas: tuple[str, ...]
    primary_sha: str

    def describe(self) -> str:
        return f"put {len(self.photo_shas)} photo(s) in order in album «{self.title}» (set {self.set_id})"


@dataclass(frozen=True)
class DeleteAlbum(Action):
    set_id: int
    remote_id: str

    def describe(self) -> str:
        return f"take down album {self.remote_id} (set {self.set_id} is no longer approved)"


@dataclass(frozen=True)
class LeaveGroup(Action):
    """A photo shared into a group pool that no approved set shares it into any more."""

    sha256: str
    remote_id: str
    group_id: str

    def describe(self) -> str:
        return f"take Flickr photo {self.remote_id} out of group {self.group_id}"


@dataclass(frozen=True)
class RetirePhoto(Action):
    """A photo no approved set holds any more: made private, or deleted (settings)."""

    sha256: str
    remote_id: str
    delete: bool

    def describe(self) -> str:
        how = "delete" if self.delete else "make private"
        return f"{how} Flickr photo {self.remote_id} (no longer in an approved set)"


PHOTO_ACTIONS = (
    UploadPhoto,
    ReplaceFile,
    KeepFile,
    SetPhotoMeta,
    SetPhotoTags,
    SetPhotoPerms,
    SetPhotoLicence,
    AddToGroup,
)


@dataclass(frozen=True)
class SyncPlan:
    actions: tuple[Action, ...]
    # sha256s skipped because Flickr refused that very file before.
    skipped_failed: tuple[str, ...] = ()
    # Uploads whose answer was lost and that no search has found yet: not sent again this run.
    unconfirmed: tuple[str, ...] = ()
    repairs: tuple[Repair, ...] = ()

    @property
    def uploads(self) -> list[UploadPhoto]:
        return [a for a in self.actions if isinstance(a, UploadPhoto)]

    def photo_actions(self) -> dict[str, list[Action]]:
        """Photo actions grouped per photo, in order (one worker runs one photo's list)."""
        grouped: dict[str, list[Action]] = {}
        for action in self.actions:
            if isinstance(action, PHOTO_ACTIONS):
                grouped.setdefault(action.sha256, []).append(action)
        return grouped

    def album_actions(self) -> list[Action]:
        return [a for a in self.actions if isinstance(a, CreateAlbum | SetAlbumMeta | SetAlbumPhotos)]

    def retire_actions(self) -> list[Action]:
        return [a for a in self.actions if isinstance(a, DeleteAlbum | LeaveGroup | RetirePhoto)]

    def __bool__(self) -> bool:
        return bool(self.actions)
