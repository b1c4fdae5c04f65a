"""One way to write a report as CSV for the office's spreadsheets (audit log, consent and case reports)."""

from __future__ import annotations

import csv
import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from photoarchive.errors import PhotoarchiveError


def write_csv(path: Path, columns: Sequence[str], rows: Iterable[Sequence[object]], what: str = "The report") -> int:
    """UTF-8 with BOM (Excel shows æøå right), written to a temporary file first so a failed write never
    leaves half a report; returns the row count."""
    path = Path(path)
    tmp = path.with_name(path.name + ".tmp")
    count = 0
    try:
        with tmp.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(columns)
            for row in rows:
                writer.writerow(row)
                count += 1
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise PhotoarchiveError(f"{what} cannot be written to {path}: {exc.strerror or exc}") from exc
    return count
