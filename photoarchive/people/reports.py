"""The office's consent report as rows (one per person and photo), for the CLI's table and CSV."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from photoarchive.catalog import Catalog
    from photoarchive.people.service import PersonReport

CONSENT_COLUMNS = (
    "person_id",
    "name",
    "employee_id",
    "role",
    "consent",
    "uses",
    "given_by",
    "given_on",
    "expires_on",
    "withdrawn_at",
    "flickr",
    "press",
    "photo_id",
    "photo",
    "published_now",
    "taken_down_at",
    "due_since",
    "taken_down_how",
)


def consent_rows(catalog: Catalog, reports: Iterable[PersonReport]) -> list[list[str]]:
    """One row per (person, photo of them), a person without photos on a row of their own."""
    rows: list[list[str]] = []
    for r in reports:
        names = {p.id: p.original_name for p in catalog.photos.get_many(list(r.photo_ids))}
        c = r.consent
        person = [
            str(r.person.id),
            r.person.name,
            r.person.employee_id,
            r.person.role,
            c.status.value if c else "none",
            ",".join(sorted(u.value for u in c.uses)) if c else "",
            c.given_by if c else "",
            _day(c.given_on) if c else "",
            _day(c.expires_on) if c else "",
            _time(c.withdrawn_at) if c else "",
            r.flickr_problem.value if r.flickr_problem else "ok",
            r.press_problem.value if r.press_problem else "ok",
        ]
        down = {t.photo_id: t for t in r.takedowns}
        photo_ids = list(dict.fromkeys([*r.photo_ids, *down]))
        if not photo_ids:
            rows.append(person + [""] * 6)
        for pid in photo_ids:
            t = down.get(pid)
            rows.append(
                person
                + [
                    str(pid),
                    names.get(pid, t.name if t else ""),
                    "yes" if pid in r.published_ids else "no",
                    _time(t.honoured_at) if t else "",
                    _time(t.due_since) if t else "",
                    t.how if t else "",
                ]
            )
    return rows


def write_csv(path: Path, columns: Sequence[str], rows: Iterable[Sequence[str]]) -> int:
    """The report as CSV (photoarchive.csv_report); returns the row count."""
    from photoarchive.csv_report import write_csv as write

    return write(path, columns, rows)


def _day(value: object) -> str:
    return value.isoformat() if value is not None else ""  # type: ignore[attr-defined]


def _time(value: object) -> str:
    if value is None:
        return ""
    return value.isoformat(sep=" ", timespec="seconds")  # type: ignore[attr-defined]
