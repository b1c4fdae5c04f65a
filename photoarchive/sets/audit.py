"""Exporting the audit log (who did what to which set or photo, when)."""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterable
from pathlib import Path

from photoarchive.errors import PhotoarchiveError
from photoarchive.sets.model import AuditEntry

CSV_COLUMNS = ("id", "at", "actor", "action", "target_kind", "target_id", "detail")


def write_csv(entries: Iterable[AuditEntry], path: Path) -> int:
    """Write the entries as CSV (UTF-8 with BOM so Excel shows æøå right); returns the row count."""
    path = Path(path)
    tmp = path.with_name(path.name + ".tmp")
    count = 0
    try:
        with tmp.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(CSV_COLUMNS)
            for entry in entries:
                row = entry.to_json()
                row["detail"] = json.dumps(entry.detail, ensure_ascii=False, sort_keys=True)
                writer.writerow([row[c] for c in CSV_COLUMNS])
                count += 1
        os.replace(tmp, path)
    except OSError as exc:
        if tmp.exists():
            tmp.unlink()
        raise PhotoarchiveError(f"The audit log cannot be written to {path}: {exc.strerror or exc}") from exc
    return count


def format_line(entry: AuditEntry) -> str:
    detail = ", ".join(f"{k}={v}" for k, v in sorted(entry.detail.items()))
    return (
        f"{entry.at:%Y-%m-%d %H:%M:%S}Z  {entry.actor:<12} {entry.action:<10} "
        f"{entry.target_kind} {entry.target_id}" + (f"  ({detail})" if detail else "")
    )
