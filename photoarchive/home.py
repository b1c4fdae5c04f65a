"""Where one archive lives on disk: one home folder holds settings, catalog, originals, thumbnails,
quarantine and the default inbox."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from photoarchive import APP_NAME

HOME_ENV = "PHOTOARCHIVE_HOME"
ARCHIVE_ROOT_ENV = "PHOTOARCHIVE_ARCHIVE_ROOT"


def default_home_dir() -> Path:
    """The platform's per-user data folder (e.g. %LOCALAPPDATA%\\photoarchive on Windows)."""
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def resolve_home_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """--home wins, then $PHOTOARCHIVE_HOME, then the platform default."""
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ.get(HOME_ENV)
    if env:
        return Path(env).expanduser()
    return default_home_dir()


def _archive_root_setting(root: Path) -> str:
    """[archive] root from the environment or the home's settings file (Settings.load reports a bad file)."""
    if os.environ.get(ARCHIVE_ROOT_ENV):
        return os.environ[ARCHIVE_ROOT_ENV]
    import tomllib

    try:
        raw = tomllib.loads((root / "settings.toml").read_text(encoding="utf-8"))
        value = raw.get("archive", {}).get("root", "")
    except (OSError, ValueError, AttributeError):
        return ""
    return value if isinstance(value, str) else ""


@dataclass(frozen=True)
class Home:
    """The folder layout of one archive. Creating it is idempotent.

    `root` is this desk's folder (settings, logs, cache, the SQLite catalog). The archive's files
    (originals, thumbnails, quarantine, removed) live in `archive_root` when several desks share one
    archive on a shared folder, else in `root` too.
    """

    root: Path
    archive_root: Path | None = None

    @property
    def files_root(self) -> Path:
        return self.archive_root or self.root

    @property
    def settings_file(self) -> Path:
        return self.root / "settings.toml"

    @property
    def catalog_file(self) -> Path:
        return self.root / "catalog.sqlite"

    @property
    def originals(self) -> Path:
        return self.files_root / "originals"

    @property
    def thumbnails(self) -> Path:
        return self.files_root / "thumbnails"

    @property
    def quarantine(self) -> Path:
        return self.files_root / "quarantine"

    @property
    def removed(self) -> Path:
        """Photos staff took out of the archive, each with a note of who, when and why."""
        return self.files_root / "removed"

    @property
    def default_inbox(self) -> Path:
        return self.root / "inbox"

    @property
    def staging(self) -> Path:
        """Temporary copies on their way into originals/ (same volume, so the final rename is atomic).
        On a shared archive each desk stages in its own sub-folder, so one desk's clean-up after a crash
        never touches another desk's files in flight."""
        if self.archive_root is None:
            return self.originals / ".incoming"
        return self.originals / ".incoming" / desk_id(self.root)

    @property
    def cache(self) -> Path:
        """Derived files that can always be made again (e.g. clean copies waiting for upload)."""
        return self.root / "cache"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    def ensure(self) -> Home:
        for folder in (self.root, self.originals, self.thumbnails, self.quarantine, self.staging, self.logs):
            folder.mkdir(parents=True, exist_ok=True)
        return self

    @classmethod
    def resolve(cls, explicit: str | os.PathLike[str] | None = None) -> Home:
        root = resolve_home_dir(explicit)
        shared = _archive_root_setting(root)
        return cls(root, Path(shared) if shared else None)


def desk_id(home_root: Path) -> str:
    """A name for one desk's home, stable across runs: the machine name and a hash of the home path."""
    import hashlib
    import socket

    digest = hashlib.sha256(str(Path(home_root).resolve()).encode("utf-8")).hexdigest()[:8]
    host = "".join(c for c in socket.gethostname() if c.isalnum() or c in "-_") or "desk"
    return f"{host}-{digest}"
