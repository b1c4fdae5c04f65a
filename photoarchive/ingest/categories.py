"""Which categories to suggest for a new photo. Pure: the same inputs always give the same answer."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import PurePath

from photoarchive.catalog.photos import Category, CategorySuggestion
from photoarchive.settings import CategorySettings


@dataclass(frozen=True)
class Suggestions:
    categories: list[CategorySuggestion] = field(default_factory=list)
    case_number: str = ""


def find_case_number(relative_source: PurePath, pattern: str) -> str:
    """The first case reference in the drop path, folders first (photographers drop into inbox/<case>/)."""
    regex = re.compile(pattern)
    for part in relative_source.parts:
        match = regex.search(part)
        if match:
            return match.group(1) if regex.groups else match.group(0)
    return ""


def suggest_categories(
    *,
    width: int,
    height: int,
    relative_source: PurePath,
    portrait: bool,
    settings: CategorySettings,
) -> Suggestions:
    categories: list[CategorySuggestion] = []
    if max(width, height) >= settings.media_min_long_edge:
        categories.append(CategorySuggestion(Category.MEDIA, "size"))
    case_number = find_case_number(relative_source, settings.case_pattern)
    if case_number:
        categories.append(CategorySuggestion(Category.CASE, "folder"))
    if portrait:
        categories.append(CategorySuggestion(Category.PORTRAIT, "face"))
    return Suggestions(categories, case_number)
