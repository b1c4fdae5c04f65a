"""The press fields of IPTC-IIM (the press industry's record format), as JPEG APP13 and TIFF tag 33723 carry
it. The stream itself is read by the privacy scan's parser (`photoarchive.privacy.iptc`): one reader."""

from __future__ import annotations

from dataclasses import dataclass

from photoarchive.media.press_text import PressText
from photoarchive.privacy.iptc import iim_datasets, iim_decoder

# Record 2 ("application record") datasets we read.
OBJECT_NAME = 5
KEYWORDS = 25
DATE_CREATED = 55
TIME_CREATED = 60
BYLINE = 80
HEADLINE = 105
CREDIT = 110
COPYRIGHT = 116
CAPTION = 120
PHOTOSHOP_IPTC_RESOURCE = 0x0404

_SINGLES = {
    CAPTION: "caption",
    HEADLINE: "headline",
    CREDIT: "credit",
    COPYRIGHT: "copyright",
    OBJECT_NAME: "object_name",
    DATE_CREATED: "date_created",
    TIME_CREATED: "time_created",
}


@dataclass
class IptcFields(PressText):
    object_name: str = ""
    date_created: str = ""  # CCYYMMDD
    time_created: str = ""  # HHMMSS±HHMM


def read_iim(data: bytes) -> IptcFields:
    """Press fields from an IIM stream, decoded per its 1:90 character set; a dataset cut short is left out."""
    datasets = iim_datasets(data, whole_only=True)
    decode = iim_decoder(datasets)
    fields = IptcFields()
    bylines: list[str] = []
    for record, number, value in datasets:
        if record != 2:
            continue
        if number in (KEYWORDS, BYLINE):
            text = decode(value).strip()
            if text:
                (fields.keywords if number == KEYWORDS else bylines).append(text)
        elif number in _SINGLES and not getattr(fields, _SINGLES[number]):
            setattr(fields, _SINGLES[number], decode(value).strip())
    fields.byline = ", ".join(bylines)
    return fields


def iim_from_photoshop(resources: dict | None) -> bytes | None:
    """The IIM block inside Pillow's parsed Photoshop resources (``im.info["photoshop"]``)."""
    if not resources:
        return None
    value = resources.get(PHOTOSHOP_IPTC_RESOURCE)
    return bytes(value) if value else None
