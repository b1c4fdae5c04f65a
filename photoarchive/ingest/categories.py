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


# Words in a drop path that say "case photo" in the press office's language (Norwegian police terms,
# a few English ones): whole words, or the start of a compound ("åstedsbilde", "beslaglagt").
CASE_WORDS = frozenset({"sak", "saksnr", "saksnummer", "bevis", "evidence", "crime"})
CASE_WORD_STEMS = (
    "åsted",
    "gjerningssted",
    "ransak",
    "beslag",
    "obduks",
    "avhør",
    "mistenkt",
    "fornærmet",
    "siktet",
    "krimtek",
    "kriminaltekn",
    "etterforsk",
    "drap",
    "voldtekt",
    "innbrudd",
)
_WORD_SPLIT = re.compile(r"[\W_]+")


def case_words_in(relative_source: PurePath) -> list[str]:
    """The case words in the drop path's folders and file name (its suffix left out), as written."""
    found = []
    parts = [*relative_source.parts[:-1], relative_source.stem] if relative_source.parts else []
    for part in parts:
        for word in _WORD_SPLIT.split(part):
            folded = word.casefold()
            if folded and (folded in CASE_WORDS or folded.startswith(CASE_WORD_STEMS)):
                found.append(word)
    return found


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
    elif case_words_in(relative_source):
        # "Ransaking_Bodø_åsted.jpg": no case number, but the name says what the photo is.
        categories.append(CategorySuggestion(Category.CASE, "words"))
    if portrait:
        categories.append(CategorySuggestion(Category.PORTRAIT, "face"))
    return Suggestions(categories, case_number)
