"""Where one archive lives on disk: one home folder holds settings, catalog, originals, thumbnails,
quarantine and the default inbox."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from photoarchive import APP_NAME

HOME_ENV = "PHOTOARCHIVE_HOME"


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


@dataclass(frozen=True)
class Home:
    """The folder layout of one archive. Creating it is idempotent."""

    root: Path

    @property
    def settings_file(self) -> Path:
        return self.root / "settings.toml"

    @property
    def catalog_file(self) -> Path:
        return self.root / "catalog.sqlite"

    @property
    def originals(self) -> Path:
        return self.root / "originals"

    @property
    def thumbnails(self) -> Path:
        return self.root / "thumbnails"

    @property
    def quarantine(self) -> Path:
        return self.root / "quarantine"

    @property
    def removed(self) -> Path:
        """Photos staff took out of the archive, each with a note of who, when and why."""
        return self.root / "removed"

    @property
    def default_inbox(self) -> Path:
        return self.root / "inbox"

    @property
    def staging(self) -> Path:
        """Temporary copies on their way into originals/ (same volume, so the final rename is atomic)."""
        return self.root / "originals" / ".incoming"

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
        return cls(resolve_home_dir(explicit))
