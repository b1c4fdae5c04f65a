"""Small things every store in the package does with rows."""

from __future__ import annotations

from sqlalchemy.engine import CursorResult


def inserted_id(result: CursorResult) -> int:
    """The primary key of the row a single-row INSERT just wrote."""
    key = result.inserted_primary_key
    if key is None:  # only for an executemany or a statement that is no INSERT
        raise ValueError("the statement inserted no single row")
    return int(key[0])
