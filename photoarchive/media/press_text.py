"""The six press fields that IPTC-IIM, XMP and the app's published copies all carry alike."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class PressText:
    """Caption, headline, keywords, byline, credit and copyright: one shape for every reader and writer."""

    caption: str = ""
    headline: str = ""
    keywords: list[str] = field(default_factory=list)
    byline: str = ""
    credit: str = ""
    copyright: str = ""
