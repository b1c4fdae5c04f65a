"""Neutral file names for published copies (export, Flickr): made from a pattern in settings, never from the
camera's or phone's file name, which often carries the capture time (PXL_20240501_131415.jpg) or a person's
name (Kari_sin_telefon.jpg).

    names = PublishedNames.from_settings(settings.privacy, folder=out_dir)
    names.name_for(case="2026-123456", photo_id=17, suffix=".jpg")   # "2026-123456-001.jpg"
    names.name_for(photo_id=18, suffix=".jpg")                        # "foto-001.jpg"
"""

from __future__ import annotations

import os
import string
from collections.abc import Callable
from pathlib import Path

# What a pattern may use: the case number (case photos only), a running number, the catalog id. Nothing
# that comes from the file or the camera (time, name, device) can be put in a published name.
PLACEHOLDERS = ("case", "n", "id")
_FORBIDDEN_CHARS = frozenset('<>:"/\\|?*') | {chr(c) for c in range(32)}
_RESERVED = {"con", "prn", "aux", "nul"} | {f"{p}{i}" for p in ("com", "lpt") for i in range(1, 10)}
MAX_STEM = 120


class NamePatternError(ValueError):
    """A published-name pattern that cannot make names; the message says why (for the settings error)."""


def check_pattern(pattern: str, *, case_photos: bool) -> None:
    """Raise NamePatternError unless `pattern` makes non-empty names from the allowed placeholders."""
    fields = set()
    try:
        for _, name, _, _ in string.Formatter().parse(pattern):
            if name is not None:
                fields.add(name)
    except ValueError as exc:
        raise NamePatternError(f"is not a valid pattern: {exc}") from exc
    unknown = sorted(f for f in fields if f not in PLACEHOLDERS)
    if unknown:
        allowed = ", ".join("{" + p + "}" for p in PLACEHOLDERS)
        raise NamePatternError(f"uses {{{unknown[0]}}}; a published name may only use {allowed}")
    if "case" in fields and not case_photos:
        raise NamePatternError("uses {case}, but photos without a case number have none")
    try:
        stem = _format(pattern, n=1, case="2026-123456", photo_id=1)
    except (ValueError, TypeError, IndexError, KeyError) as exc:
        raise NamePatternError(f"is not a valid pattern: {exc}") from exc
    if "n" not in fields and "id" not in fields:
        raise NamePatternError("needs {n} or {id}, or every copy would get the same name")
    if not safe_stem(stem):
        raise NamePatternError("makes an empty file name")


def _format(pattern: str, *, n: int, case: str, photo_id: int) -> str:
    return pattern.format(case=case, n=n, id=photo_id)


def safe_stem(text: str) -> str:
    """`text` as a file name stem every file system takes (Windows included): no separators, reserved
    characters or names, no trailing dots or blanks."""
    stem = "".join("_" if c in _FORBIDDEN_CHARS else c for c in text).strip().rstrip(". ")
    stem = stem[:MAX_STEM].rstrip(". ")
    if stem.split(".")[0].lower() in _RESERVED:
        stem = "_" + stem
    return stem


class PublishedNames:
    """Gives each copy of one batch (one export folder, one Flickr upload run) a neutral, unique name.

    Case photos get `case_pattern` with their case number, other photos `other_pattern`; `{n}` counts from 1
    for each case (and once for all photos without one), skipping names that are taken: already handed out
    in this batch, or `taken(name)` (by default: a file with that stem, whatever its suffix and letter case, in
    `folder`): one number never names two photos.
    """

    def __init__(
        self,
        case_pattern: str = "{case}-{n:03}",
        other_pattern: str = "foto-{n:03}",
        *,
        folder: Path | None = None,
        taken: Callable[[str], bool] | None = None,
    ) -> None:
        check_pattern(case_pattern, case_photos=True)
        check_pattern(other_pattern, case_photos=False)
        self.case_pattern = case_pattern
        self.other_pattern = other_pattern
        self._given: set[str] = set()
        self._next: dict[str, int] = {}
        existing: set[str] = set()
        if folder is not None:
            try:
                existing = {os.path.splitext(name)[0].lower() for name in os.listdir(folder)}
            except OSError:
                existing = set()
        self._taken = taken or (lambda name: os.path.splitext(name)[0].lower() in existing)

    @classmethod
    def from_settings(cls, privacy: object, *, folder: Path | None = None,
                      taken: Callable[[str], bool] | None = None) -> PublishedNames:  # fmt: skip
        """From `settings.privacy` (`published_name`, `published_name_other`)."""
        return cls(
            getattr(privacy, "published_name", "{case}-{n:03}"),
            getattr(privacy, "published_name_other", "foto-{n:03}"),
            folder=folder,
            taken=taken,
        )

    def title_for(self, *, case: str = "", photo_id: int = 0) -> str:
        """A neutral title for a photo published without a headline (Flickr would otherwise title it with
        the uploaded file's name): the pattern with `{n}` = the photo's id, so it stays the same on every
        sync and never names a person or a time."""
        case = safe_stem(case.strip())
        pattern = self.case_pattern if case else self.other_pattern
        return safe_stem(_format(pattern, n=photo_id, case=case, photo_id=photo_id)) or f"{photo_id:03}"

    def name_for(self, *, case: str = "", photo_id: int = 0, suffix: str = ".jpg") -> str:
        """The next free name (stem + `suffix`) for a photo with this case number ('' for none)."""
        case = safe_stem(case.strip())
        pattern = self.case_pattern if case else self.other_pattern
        key = f"case:{case}" if case else "other"
        n = self._next.get(key, 1)
        counted = "{n" in pattern
        first = n
        while True:
            stem = safe_stem(_format(pattern, n=n, case=case, photo_id=photo_id)) or f"{n:03}"
            if not counted and n > first:  # "{id}" alone, and that name is taken: number it
                stem = f"{stem}-{n - first + 1}"
            name = stem + suffix.lower()
            if stem.lower() not in self._given and not self._taken(name):
                break
            n += 1
        self._next[key] = n + 1
        self._given.add(stem.lower())
        return name
