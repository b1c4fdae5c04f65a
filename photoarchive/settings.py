"""Settings declared in one place, with a default for everything, stored as TOML in the home.

Read everywhere through one `Settings` object. A bad value gives a `SettingsError` that names the key.
"""

from __future__ import annotations

import dataclasses
import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from photoarchive.errors import SettingsError
from photoarchive.home import Home


@dataclass
class InboxSettings:
    # Empty means the home's own inbox/ folder. Any path works, including \\server\share\inbox.
    folders: list[str] = field(default_factory=list)
    # A file is taken once its size and mtime have not changed for this long and it opens for reading.
    settle_seconds: float = 2.0
    # Network shares often deliver no change events, so the inbox is also rescanned this often.
    rescan_seconds: float = 10.0
    # Remove files from the inbox once archived (a photographer's drop folder is a queue).
    remove_after_ingest: bool = True


@dataclass
class CategorySettings:
    media_min_long_edge: int = 3000
    # A case reference in the drop sub-folder or file name, e.g. inbox/2026-123456/IMG_1.jpg.
    case_pattern: str = r"(?<!\d)(\d{4}-\d{4,8})(?!\d)"
    # A face whose box covers at least this share of the frame's short edge counts as dominant.
    portrait_min_face_fraction: float = 0.15


@dataclass
class PressSettings:
    byline: str = "Politiet"
    credit: str = "Politiet"
    copyright: str = "© Politiet"
    usage_terms: str = "Kan brukes fritt av media i omtale av saken. Kreditering: Politiet."


@dataclass
class PrivacySettings:
    keep_capture_date: bool = False
    # File names of published copies (export, Flickr), never the camera's: case photos, and the others.
    # Placeholders: {case} (case number), {n} (running number, per case), {id} (catalog id).
    published_name: str = "{case}-{n:03}"
    published_name_other: str = "foto-{n:03}"


@dataclass
class FlickrSettings:
    # The environment variables PHOTOARCHIVE_FLICKR_KEY / _SECRET / _BASE win over these.
    api_key: str = ""
    api_secret: str = ""
    base_url: str = ""
    calls_per_second: float = 1.0
    # What happens on Flickr to a photo taken out of an approved set: "private" or "delete".
    removed_photos: str = "private"
    timeout_seconds: float = 60.0
    # The machine holding the Flickr sign-in (`photoarchive watch`) syncs this often on its own, so a
    # closed case or an expired consent comes down even when nobody asks; 0: only on request/approval.
    sync_every_minutes: int = 60
    # How often that service looks for sync requests and newly approved sets.
    service_poll_seconds: float = 5.0


@dataclass
class SetSettings:
    # Operating-system user names of the editors who may approve sets; empty means anyone may. (A
    # workflow guard, not security: whoever can edit this file can add themselves.)
    approvers: list[str] = field(default_factory=list)


@dataclass
class RetentionSettings:
    # Days after a case closes until an editor is asked to keep (with a reason) or remove its photos;
    # 0: never asked (nothing is ever deleted by default).
    case_photo_days: int = 0
    # Days photos taken out of the archive stay in removed/ before an editor may delete them for good;
    # 0: kept for good.
    removed_days: int = 0


@dataclass
class CatalogSettings:
    # Empty: the home's own SQLite catalog (one desk). "postgresql://server/photoarchive": the shared
    # catalog of the whole office (the environment variable PHOTOARCHIVE_CATALOG_URL wins over this).
    url: str = ""


@dataclass
class ArchiveSettings:
    # Empty: originals, thumbnails, quarantine and removed live in the home. With a shared catalog, the
    # shared folder every desk reaches, e.g. "\\\\server\\photoarchive" (PHOTOARCHIVE_ARCHIVE_ROOT wins).
    root: str = ""


@dataclass
class UiSettings:
    # "" follows the system language; "nb" or "en" forces one.
    language: str = ""


@dataclass
class Settings:
    inbox: InboxSettings = field(default_factory=InboxSettings)
    categories: CategorySettings = field(default_factory=CategorySettings)
    press: PressSettings = field(default_factory=PressSettings)
    privacy: PrivacySettings = field(default_factory=PrivacySettings)
    flickr: FlickrSettings = field(default_factory=FlickrSettings)
    sets: SetSettings = field(default_factory=SetSettings)
    ui: UiSettings = field(default_factory=UiSettings)
    catalog: CatalogSettings = field(default_factory=CatalogSettings)
    archive: ArchiveSettings = field(default_factory=ArchiveSettings)
    retention: RetentionSettings = field(default_factory=RetentionSettings)

    # -- derived values -------------------------------------------------------------------------

    def inbox_folders(self, home: Home) -> list[Path]:
        return [Path(f) for f in self.inbox.folders] or [home.default_inbox]

    def catalog_url(self) -> str:
        return os.environ.get("PHOTOARCHIVE_CATALOG_URL") or self.catalog.url

    def archive_root(self) -> str:
        return os.environ.get("PHOTOARCHIVE_ARCHIVE_ROOT") or self.archive.root

    def flickr_api_key(self) -> str:
        return os.environ.get("PHOTOARCHIVE_FLICKR_KEY") or self.flickr.api_key

    def flickr_api_secret(self) -> str:
        return os.environ.get("PHOTOARCHIVE_FLICKR_SECRET") or self.flickr.api_secret

    def flickr_base_url(self) -> str:
        return os.environ.get("PHOTOARCHIVE_FLICKR_BASE") or self.flickr.base_url

    # -- persistence --------------------------------------------------------------------------

    @classmethod
    def load(cls, home: Home) -> Settings:
        """Read the home's settings file; a missing file means all defaults."""
        path = home.settings_file
        if not path.exists():
            return cls()
        try:
            raw = tomllib.loads(path.read_text(encoding="utf-8"))
        except UnicodeDecodeError as exc:
            raise SettingsError(f"The settings file {path} is not UTF-8 text: {exc}") from exc
        except tomllib.TOMLDecodeError as exc:
            raise SettingsError(f"The settings file {path} is not valid TOML: {exc}") from exc
        except OSError as exc:
            raise SettingsError(f"The settings file {path} cannot be read: {exc.strerror or exc}") from exc
        return cls.from_dict(raw, source=str(path))

    @classmethod
    def from_dict(cls, raw: dict[str, Any], source: str = "settings") -> Settings:
        settings = cls()
        for section_name, section_values in raw.items():
            if section_name not in _SECTIONS:
                raise SettingsError(f"{source}: unknown section [{section_name}]")
            if not isinstance(section_values, dict):
                raise SettingsError(f"{source}: [{section_name}] must be a table")
            section = getattr(settings, section_name)
            for key, value in section_values.items():
                _set_checked(section, section_name, key, value, source)
        settings.validate(source)
        return settings

    def validate(self, source: str = "settings") -> None:
        def bad(key: str, why: str) -> SettingsError:
            return SettingsError(f"{source}: {key} {why}")

        if self.inbox.settle_seconds < 0:
            raise bad("inbox.settle_seconds", "must be 0 or more")
        if self.inbox.rescan_seconds <= 0:
            raise bad("inbox.rescan_seconds", "must be more than 0")
        if self.categories.media_min_long_edge <= 0:
            raise bad("categories.media_min_long_edge", "must be a positive number of pixels")
        try:
            pattern = re.compile(self.categories.case_pattern)
        except re.error as exc:
            raise bad("categories.case_pattern", f"is not a valid regular expression: {exc}") from exc
        if pattern.groups > 1:
            raise bad("categories.case_pattern", "may have at most one capture group (the case number)")
        if not 0 < self.categories.portrait_min_face_fraction <= 1:
            raise bad("categories.portrait_min_face_fraction", "must be between 0 and 1")
        if self.flickr.calls_per_second < 0:
            raise bad("flickr.calls_per_second", "must be 0 (no limit) or more")
        if self.flickr.removed_photos not in ("private", "delete"):
            raise bad("flickr.removed_photos", 'must be "private" or "delete"')
        if self.flickr.timeout_seconds <= 0:
            raise bad("flickr.timeout_seconds", "must be more than 0")
        if self.flickr.sync_every_minutes < 0:
            raise bad("flickr.sync_every_minutes", "must be 0 (no scheduled sync) or more minutes")
        if self.flickr.service_poll_seconds <= 0:
            raise bad("flickr.service_poll_seconds", "must be more than 0")
        if any(not name.strip() for name in self.sets.approvers):
            raise bad("sets.approvers", "must list user names, without empty ones")
        if self.catalog.url and not re.match(r"(postgres|postgresql)(\+psycopg)?://", self.catalog.url):
            raise bad("catalog.url", 'must be empty or a "postgresql://server/database" address')
        if self.retention.case_photo_days < 0:
            raise bad("retention.case_photo_days", "must be 0 (never asked) or more days")
        if self.retention.removed_days < 0:
            raise bad("retention.removed_days", "must be 0 (kept for good) or more days")
        if self.ui.language not in ("", "nb", "en"):
            raise bad("ui.language", 'must be "", "nb" or "en"')
        from photoarchive.privacy.names import NamePatternError, check_pattern

        for key, case_photos in (("published_name", True), ("published_name_other", False)):
            try:
                check_pattern(getattr(self.privacy, key), case_photos=case_photos)
            except NamePatternError as exc:
                raise bad(f"privacy.{key}", str(exc)) from exc

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    def save(self, home: Home) -> None:
        """Write atomically, so a crash never leaves half a settings file."""
        import tomli_w

        self.validate()
        home.root.mkdir(parents=True, exist_ok=True)
        data = self.to_dict()
        # Secrets never go to the settings file in clear unless the user typed them there.
        tmp = home.settings_file.with_suffix(".toml.tmp")
        tmp.write_text(tomli_w.dumps(data), encoding="utf-8")
        os.replace(tmp, home.settings_file)


_SECTIONS = {f.name for f in dataclasses.fields(Settings)}


def _set_checked(section: Any, section_name: str, key: str, value: Any, source: str) -> None:
    fields = {f.name: f for f in dataclasses.fields(section)}
    if key not in fields:
        raise SettingsError(f"{source}: unknown setting {section_name}.{key}")
    default = getattr(type(section)(), key)
    name = f"{section_name}.{key}"
    if isinstance(default, bool):
        if not isinstance(value, bool):
            raise SettingsError(f"{source}: {name} must be true or false, not {value!r}")
    elif isinstance(default, int):
        if isinstance(value, bool) or not isinstance(value, int):
            raise SettingsError(f"{source}: {name} must be a whole number, not {value!r}")
    elif isinstance(default, float):
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise SettingsError(f"{source}: {name} must be a number, not {value!r}")
        value = float(value)
    elif isinstance(default, str):
        if not isinstance(value, str):
            raise SettingsError(f"{source}: {name} must be text, not {value!r}")
    elif isinstance(default, list):
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise SettingsError(f"{source}: {name} must be a list of text values")
    setattr(section, key, value)
