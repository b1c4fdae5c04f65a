"""Times and JSON details as the catalog stores them (one definition for every store in the package)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any


def utcnow() -> datetime:
    """Naive UTC, as the catalog stores it."""
    return datetime.now(UTC).replace(tzinfo=None)


def jsonable(value: Any) -> Any:
    """Event details go into a JSON column; dates and sets become text/lists."""
    return json.loads(json.dumps(value, default=str, ensure_ascii=False))
