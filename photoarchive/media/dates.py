"""Capture dates as cameras, phones and editors write them: EXIF, XMP (ISO 8601) and IPTC-IIM text, read
by one set of parsers for the catalog and for the published copy.

A capture date is the camera's local wall-clock time, as the camera showed it. Where the file also says
its offset from UTC (EXIF 2.31 OffsetTime*, an ISO date's "+02:00", IPTC's "+0100"), the datetime
carries it as its tzinfo; the wall-clock fields stay as written and are never converted. The catalog
stores the wall-clock time (`wall_clock`), a published copy writes the date with its offset.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone

_EXIF_DT = re.compile(r"^\s*(\d{4})[:\-/.](\d{1,2})[:\-/.](\d{1,2})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?")
_ISO_DT = re.compile(
    r"^\s*(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?)?)?\s*"
    r"(Z|[+-]\d{2}:?\d{2})?"
)
_OFFSET = re.compile(r"^\s*(?:(Z)|([+-])(\d{2}):?(\d{2}))\s*$")
# UTC offsets in use run from -12:00 to +14:00.
_MAX_OFFSET = timedelta(hours=14)


def utc_offset(text: str) -> timezone | None:
    """An offset as EXIF ("+02:00"), ISO ("Z", "+02:00") or IPTC ("+0200") write it; None if there is none
    or it is not a real one ("   :  ", "+99:00")."""
    match = _OFFSET.match(text or "")
    if match is None:
        return None
    if match.group(1):
        return UTC
    sign = -1 if match.group(2) == "-" else 1
    hours, minutes = int(match.group(3)), int(match.group(4))
    offset = timedelta(hours=hours, minutes=minutes)
    if minutes >= 60 or offset > _MAX_OFFSET:
        return None
    return timezone(sign * offset)


def _build(parts: tuple[str | None, ...], offset: timezone | None) -> datetime | None:
    year, month, day, hour, minute, second = (int(p) if p else 0 for p in parts)
    if year == 0:
        return None  # "0000:00:00 00:00:00": the camera's clock was never set
    try:
        return datetime(year, month or 1, day or 1, hour, minute, second, tzinfo=offset)
    except ValueError:
        return None


def parse_exif_datetime(text: str, offset: str = "") -> datetime | None:
    """EXIF "YYYY:MM:DD HH:MM:SS" (and the variants cameras really write) as the camera's wall-clock time,
    with ``offset`` (the matching OffsetTime* tag, "+02:00") as its tzinfo when that is a real offset."""
    match = _EXIF_DT.match(text or "")
    return _build(match.groups(), utc_offset(offset)) if match else None


def parse_iso_datetime(text: str) -> datetime | None:
    """An XMP ISO-8601 date ("2023-06-01T08:15:30.25+02:00", "2023-06") as written, its offset kept."""
    match = _ISO_DT.match(text or "")
    if match is None:
        return None
    return _build(match.groups()[:6], utc_offset(match.group(7) or ""))


def parse_iptc_datetime(date: str, time: str) -> datetime | None:
    """IPTC 2:55 CCYYMMDD with 2:60 HHMMSS±HHMM, the offset kept."""
    date, time = (date or "").strip(), (time or "").strip()
    if not re.fullmatch(r"\d{8}", date):
        return None
    hh, mm, ss = (time[0:2], time[2:4], time[4:6]) if re.match(r"\d{6}", time) else ("", "", "")
    return _build((date[0:4], date[4:6], date[6:8], hh, mm, ss), utc_offset(time[6:]) if hh else None)


def wall_clock(stamp: datetime | None) -> datetime | None:
    """The time as the camera showed it, without its offset (what the catalog stores)."""
    return stamp.replace(tzinfo=None) if stamp is not None else None
