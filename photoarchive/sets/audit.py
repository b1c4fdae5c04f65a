"""Exporting the audit log (who did what to which set or photo, when)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from photoarchive.sets.model import AuditEntry

CSV_COLUMNS = ("id", "at", "actor", "action", "target_kind", "target_id", "detail")


def write_csv(entries: Iterable[AuditEntry], path: Path) -> int:
    """Write the entries as CSV (photoarchive.csv_report); returns the row count."""
    from photoarchive.csv_report import write_csv as write

    def rows():
        for entry in entries:
            row = entry.to_json()
            row["detail"] = json.dumps(entry.detail, ensure_ascii=False, sort_keys=True)
            yield [row[c] for c in CSV_COLUMNS]

    return write(path, CSV_COLUMNS, rows(), what="The audit log")


def format_line(entry: AuditEntry) -> str:
    detail = ", ".join(f"{k}={v}" for k, v in sorted(entry.detail.items()))
    return (
        f"{entry.at:%Y-%m-%d %H:%M:%S}Z  {entry.actor:<12} {entry.action:<10} "
        f"{entry.target_kind} {entry.target_id}" + (f"  ({detail})" if detail else "")
    )
