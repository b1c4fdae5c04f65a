"""The six press fields that IPTC-IIM, XMP, the catalog's photos and the app's published copies all carry
alike, and the one way keywords typed as text become a list."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

PRESS_FIELDS = ("caption", "headline", "keywords", "byline", "credit", "copyright")


@dataclass
class PressText:
    """Caption, headline, keywords, byline, credit and copyright: one shape for every reader and writer.

    The catalog's photo types (`NewPhoto`, `PhotoRecord`), the metadata read from a file and the press
    fields written into a published copy all extend it, so the six fields pass from one to the next with
    `press_values()` instead of being copied one by one."""

    caption: str = ""
    headline: str = ""
    keywords: list[str] = field(default_factory=list)
    byline: str = ""
    credit: str = ""
    copyright: str = ""

    def press_values(self) -> dict[str, Any]:
        """The six fields as keyword arguments for another PressText type (keywords as a new list)."""
        values: dict[str, Any] = {name: getattr(self, name) for name in PRESS_FIELDS}
        values["keywords"] = list(self.keywords)
        return values

    def press_text(self) -> PressText:
        """Only the six fields, as a plain PressText."""
        return PressText(**self.press_values())


def clean_keywords(keywords: Iterable[str]) -> list[str]:
    """Keywords trimmed, empty ones dropped, each kept once (the first spelling wins, case aside)."""
    seen: dict[str, str] = {}
    for keyword in keywords:
        keyword = keyword.strip()
        if keyword and keyword.casefold() not in seen:
            seen[keyword.casefold()] = keyword
    return list(seen.values())


def parse_keywords(text: str) -> list[str]:
    """Keywords as a person types them: separated by commas ("brann, Storgata , Skien")."""
    return clean_keywords(text.split(","))
