"""The office's case report as rows (one per case and photo), for the CLI's table and CSV."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from photoarchive.cases.service import CaseReport
    from photoarchive.catalog import Catalog

CASE_COLUMNS = (
    "case_number",
    "title",
    "state",
    "closed_at",
    "closed_by",
    "takedown_on",
    "photo_id",
    "photo",
    "public_now",
    "public_since",
    "public_days",
    "taken_down_at",
    "due_since",
    "taken_down_how",
)


def case_rows(catalog: Catalog, reports: Iterable[CaseReport], now: datetime) -> list[list[str]]:
    rows: list[list[str]] = []
    for r in reports:
        c = r.case
        head = [
            c.case_number,
            c.title,
            c.state,
            _time(c.closed_at),
            c.closed_by,
            c.takedown_on.isoformat() if c.takedown_on else "",
        ]
        down = {t.photo_id: t for t in r.takedowns}
        ids = list(dict.fromkeys([*r.photo_ids, *down]))
        names = {p.id: p.original_name for p in catalog.photos.get_many(ids)}
        if not ids:
            rows.append(head + [""] * 8)
        for pid in ids:
            t = down.get(pid)
            since = r.public_since.get(pid)
            rows.append(
                head
                + [
                    str(pid),
                    names.get(pid, t.name if t else ""),
                    "yes" if pid in r.public_ids else "no",
                    _time(since),
                    str((now - since).days) if since is not None else "",
                    _time(t.honoured_at) if t else "",
                    _time(t.due_since) if t else "",
                    t.how if t else "",
                ]
            )
    return rows


def _time(value: datetime | None) -> str:
    return "" if value is None else value.isoformat(sep=" ", timespec="seconds")
