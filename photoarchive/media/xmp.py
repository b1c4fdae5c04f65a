"""XMP packets (Adobe's RDF/XML metadata): the press fields and a few camera facts, from the packet as the\nprivacy scan parses it."""

from __future__ import annotations

import logging
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from photoarchive.media.press_text import PressText
from photoarchive.privacy.xmp import descriptions, parse_packet, property_values

log = logging.getLogger(__name__)

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
DC = "http://purl.org/dc/elements/1.1/"
PHOTOSHOP = "http://ns.adobe.com/photoshop/1.0/"
XMP = "http://ns.adobe.com/xap/1.0/"
EXIF = "http://ns.adobe.com/exif/1.0/"
EXIF_EX = "http://cipa.jp/exif/1.0/"
TIFF = "http://ns.adobe.com/tiff/1.0/"
AUX = "http://ns.adobe.com/exif/1.0/aux/"

# A packet is rarely larger; refusing bigger ones keeps a hostile file from costing much.
MAX_PACKET = 4 * 1024 * 1024


@dataclass
class XmpFields(PressText):
    date_original: str = ""  # ISO 8601 as written
    camera_make: str = ""
    camera_model: str = ""
    lens: str = ""


def _values(found: list[ET.Element], ns: str, name: str) -> list[str]:
    """All values of property ns:name: an attribute, or what `property_values` finds in the element (a
    language alternative's x-default first)."""
    tag = f"{{{ns}}}{name}"
    out: list[str] = []
    for desc in found:
        if tag in desc.attrib:
            out.append(desc.attrib[tag].strip())
        for prop in desc.findall(tag):
            out.extend(property_values(prop))
    return [v for v in out if v]


def read_xmp(packet: bytes | str | None) -> XmpFields:
    """The fields we use from an XMP packet; empty fields when it is missing or not parseable."""
    fields = XmpFields()
    if not packet:
        return fields
    if isinstance(packet, str):
        packet = packet.encode("utf-8")
    if len(packet) > MAX_PACKET:
        log.warning("ignoring an XMP packet of %d bytes", len(packet))
        return fields
    # The privacy scan's packet parser (one reader): finds the packet in its wrapper and padding, takes
    # UTF-16/32 packets, and leaves external entities unresolved (expat guards against entity expansion).
    root = parse_packet(packet)
    if root is None:
        log.warning("unreadable XMP packet")
        return fields
    found = descriptions(root)

    def first(ns: str, name: str) -> str:
        values = _values(found, ns, name)
        return values[0] if values else ""

    fields.caption = first(DC, "description")
    fields.headline = first(PHOTOSHOP, "Headline")
    fields.keywords = _values(found, DC, "subject")
    fields.byline = ", ".join(_values(found, DC, "creator"))
    fields.credit = first(PHOTOSHOP, "Credit")
    fields.copyright = first(DC, "rights")
    fields.date_original = (
        first(EXIF, "DateTimeOriginal") or first(PHOTOSHOP, "DateCreated") or first(XMP, "CreateDate")
    )
    fields.camera_make = first(TIFF, "Make")
    fields.camera_model = first(TIFF, "Model")
    fields.lens = first(EXIF_EX, "LensModel") or first(AUX, "Lens")
    return fields
