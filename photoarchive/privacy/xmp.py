"""XMP packets: every top-level property is classified; nothing but the press fields the app writes is clean."""

from __future__ import annotations

import logging
import xml.etree.ElementTree as ET

from photoarchive.privacy.collect import Collector
from photoarchive.privacy.findings import FindingKind as K

log = logging.getLogger(__name__)

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
XML_NS = "http://www.w3.org/XML/1998/namespace"
XML_LANG = f"{{{XML_NS}}}lang"

# Usual prefixes, for readable tag names in reports.
PREFIXES = {
    "http://purl.org/dc/elements/1.1/": "dc",
    "http://ns.adobe.com/photoshop/1.0/": "photoshop",
    "http://ns.adobe.com/xap/1.0/rights/": "xmpRights",
    "http://ns.adobe.com/xap/1.0/": "xmp",
    "http://ns.adobe.com/xap/1.0/mm/": "xmpMM",
    "http://ns.adobe.com/exif/1.0/": "exif",
    "http://cipa.jp/exif/1.0/": "exifEX",
    "http://ns.adobe.com/tiff/1.0/": "tiff",
    "http://ns.adobe.com/exif/1.0/aux/": "aux",
    "http://ns.adobe.com/camera-raw-settings/1.0/": "crs",
    "http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/": "Iptc4xmpCore",
    "http://iptc.org/std/Iptc4xmpExt/2008-02-29/": "Iptc4xmpExt",
    "http://www.metadataworkinggroup.com/schemas/regions/": "mwg-rs",
    "http://ns.microsoft.com/photo/1.2/": "MP",
    "http://ns.microsoft.com/photo/1.0/": "MicrosoftPhoto",
    "http://ns.adobe.com/xmp/note/": "xmpNote",
    "http://ns.google.com/photos/1.0/image/": "GImage",
    "http://ns.google.com/photos/1.0/depthmap/": "GDepth",
    "http://ns.google.com/photos/1.0/container/": "Container",
    "http://ns.google.com/photos/1.0/camera/": "GCamera",
    "http://ns.google.com/photos/1.0/panorama/": "GPano",
    "http://ns.adobe.com/hdr-gain-map/1.0/": "hdrgm",
    "http://ns.apple.com/faceinfo/1.0/": "apple-fi",
    "http://ns.useplus.org/ldf/xmp/1.0/": "plus",
    "http://ns.adobe.com/lightroom/1.0/": "lr",
    "http://www.digikam.org/ns/1.0/": "digiKam",
    "http://ns.adobe.com/pdf/1.3/": "pdf",
}

_PREFIXES_LOOSE = {uri.rstrip("/#"): prefix for uri, prefix in PREFIXES.items()}

# prefix:name → (kind, press field the app writes there)
_EXACT: dict[str, tuple[K | None, str | None]] = {
    "dc:description": (K.COMMENT, "caption"),
    "dc:title": (K.COMMENT, None),
    "dc:subject": (K.COMMENT, "keywords"),
    "dc:creator": (K.OWNER, "byline"),
    "dc:rights": (K.OWNER, "copyright"),
    "dc:contributor": (K.OWNER, None),
    "dc:publisher": (K.OWNER, None),
    "photoshop:Headline": (K.COMMENT, "headline"),
    "photoshop:Credit": (K.OWNER, "credit"),
    "photoshop:Source": (K.OWNER, None),
    "photoshop:AuthorsPosition": (K.OWNER, None),
    "photoshop:CaptionWriter": (K.OWNER, None),
    "photoshop:Instructions": (K.COMMENT, None),
    "photoshop:TransmissionReference": (K.DOCUMENT_ID, None),
    "photoshop:DocumentAncestors": (K.DOCUMENT_ID, None),
    "photoshop:History": (K.XMP_HISTORY, None),
    "photoshop:City": (K.LOCATION, None),
    "photoshop:State": (K.LOCATION, None),
    "photoshop:Country": (K.LOCATION, None),
    "photoshop:DateCreated": (K.CAPTURE_DATE, None),
    "xmpRights:UsageTerms": (K.OWNER, "usage_terms"),
    "xmpRights:Owner": (K.OWNER, None),
    "xmpRights:WebStatement": (K.OWNER, None),
    "xmpRights:Certificate": (K.OWNER, None),
    "xmpMM:History": (K.XMP_HISTORY, None),
    "xmpMM:DerivedFrom": (K.XMP_HISTORY, None),
    "xmpMM:Ingredients": (K.XMP_HISTORY, None),
    "xmpMM:Pantry": (K.XMP_HISTORY, None),
    "xmpMM:Manifest": (K.XMP_HISTORY, None),
    "xmpMM:Versions": (K.XMP_HISTORY, None),
    "xmpMM:DocumentID": (K.DOCUMENT_ID, None),
    "xmpMM:InstanceID": (K.DOCUMENT_ID, None),
    "xmpMM:OriginalDocumentID": (K.DOCUMENT_ID, None),
    "xmpMM:PreservedFileName": (K.DOCUMENT_ID, None),
    "xmp:Thumbnails": (K.THUMBNAIL, None),
    "xmp:CreatorTool": (K.SOFTWARE, None),
    "tiff:Software": (K.SOFTWARE, None),
    "tiff:Artist": (K.OWNER, None),
    "tiff:Copyright": (K.OWNER, None),
    "tiff:ImageDescription": (K.COMMENT, None),
    "exif:UserComment": (K.COMMENT, None),
    "aux:OwnerName": (K.OWNER, None),
    "exifEX:CameraOwnerName": (K.OWNER, None),
    "exifEX:ImageUniqueID": (K.SERIAL, None),
    "exif:ImageUniqueID": (K.SERIAL, None),
    "Iptc4xmpCore:CreatorContactInfo": (K.CONTACT, None),
    "Iptc4xmpCore:Location": (K.LOCATION, None),
    "Iptc4xmpCore:CountryCode": (K.LOCATION, None),
    "Iptc4xmpExt:PersonInImage": (K.OWNER, None),
    "Iptc4xmpExt:PersonInImageWDetails": (K.OWNER, None),
    "Iptc4xmpExt:ImageRegion": (K.FACE_REGION, None),
    "mwg-rs:Regions": (K.FACE_REGION, None),
    "MP:RegionInfo": (K.FACE_REGION, None),
    "lr:hierarchicalSubject": (K.COMMENT, None),
    "MicrosoftPhoto:LastKeywordXMP": (K.COMMENT, None),
    "digiKam:TagsList": (K.COMMENT, None),
    "xmpNote:HasExtendedXMP": (K.EMBEDDED_IMAGE, None),
    # Written by the app and harmless: orientation, layout, colour space, the "rights marked" flag.
    "xmpRights:Marked": (None, None),
    "tiff:Orientation": (None, None),
    "tiff:ImageWidth": (None, None),
    "tiff:ImageLength": (None, None),
    "tiff:XResolution": (None, None),
    "tiff:YResolution": (None, None),
    "tiff:ResolutionUnit": (None, None),
    "tiff:BitsPerSample": (None, None),
    "tiff:PhotometricInterpretation": (None, None),
    "tiff:SamplesPerPixel": (None, None),
    "tiff:YCbCrPositioning": (None, None),
    "exif:PixelXDimension": (None, None),
    "exif:PixelYDimension": (None, None),
    "exif:ColorSpace": (None, None),
    "exif:ExifVersion": (None, None),
    "exif:FlashpixVersion": (None, None),
    "dc:format": (None, None),
    "photoshop:ColorMode": (None, None),
    "photoshop:ICCProfile": (None, None),
}

_EXACT_LOWER = {key.lower(): kind for key, (kind, _) in _EXACT.items()}

_BY_PREFIX: dict[str, K] = {
    "crs": K.SOFTWARE,
    "GImage": K.EMBEDDED_IMAGE,
    "GDepth": K.EMBEDDED_IMAGE,
    "Container": K.EMBEDDED_IMAGE,
    "hdrgm": K.EMBEDDED_IMAGE,
    "apple-fi": K.FACE_REGION,
    "plus": K.CONTACT,
}

# Name fragments (lower case) for properties not listed above; plain substring tests, so that no regular
# expression is compiled at start-up. "$" marks a fragment the name must end with.
_FRAGMENTS: list[tuple[tuple[str, ...], K]] = [
    (("gps", "latitude", "longitude", "altitude"), K.GPS),
    (("serial", "uniqueid", "uniquecameramodel"), K.SERIAL),
    (("owner", "author", "artist", "creator", "photographer", "copyright", "byline"), K.OWNER),
    (("makernote",), K.MAKER_NOTE),
    (("region", "face"), K.FACE_REGION),
    (("city", "state", "country", "location", "province", "worldregion"), K.LOCATION),
    (("contact", "email", "phone", "address", "url"), K.CONTACT),
    (("date", "timezone", "timecreated", "timestamp"), K.CAPTURE_DATE),
    (("thumbnail", "preview", "image$", "data$"), K.EMBEDDED_IMAGE),
    (("lens", "make$", "model$", "camera"), K.DEVICE),
    (("software", "tool", "history", "firmware", "generator"), K.SOFTWARE),
    (("comment", "description", "caption", "keyword", "title", "label", "subject"), K.COMMENT),
]

_PACKET_STARTS = (b"<x:xmpmeta", b"<x:xapmeta", b"<rdf:RDF")


def _name(tag: str) -> tuple[str, str]:
    """'{uri}Local' → ('prefix', 'Local')."""
    if tag.startswith("{"):
        uri, local = tag[1:].split("}", 1)
        prefix = PREFIXES.get(uri) or _PREFIXES_LOOSE.get(uri.rstrip("/#"))
        return prefix or uri.rstrip("/#").rsplit("/", 1)[-1] or uri, local
    return "", tag


def classify(prefix: str, local: str) -> K | None | str:
    """The kind of a property; None when harmless; 'other' for unlisted metadata."""
    key = f"{prefix}:{local}"
    if key in _EXACT:
        return _EXACT[key][0]
    if key.lower() in _EXACT_LOWER:  # some writers lower-case names (xmp:creatortool)
        return _EXACT_LOWER[key.lower()]
    if prefix in _BY_PREFIX:
        return _BY_PREFIX[prefix]
    name = local.lower()
    for fragments, kind in _FRAGMENTS:
        for fragment in fragments:
            if name.endswith(fragment[:-1]) if fragment.endswith("$") else fragment in name:
                return kind
    return "other"


# Names of GPS fields that say nothing about where (GPSVersionID, GPSMapDatum, GPSAltitude …); any other GPS
# field is taken as a position, so that a new or odd name errs on the side of the GPS badge.
_GPS_NOT_POSITION = ("version", "altitude", "datum", "timestamp", "datestamp", "datetime", "speed", "track",
                     "imgdirection", "satellites", "status", "measuremode", "dop", "processingmethod",
                     "differential", "positioningerror", "latituderef", "longituderef", "ref")  # fmt: skip


def is_position_name(name: str) -> bool:
    """Whether a GPS-looking field name holds a position (GPSLatitude) rather than GPS bookkeeping."""
    low = name.rsplit(":", 1)[-1].lower()
    if "latitude" in low or "longitude" in low:
        return not low.endswith("ref")
    return not any(low.endswith(word) or word in low for word in _GPS_NOT_POSITION)


def classify_name(name: str) -> K | None | str:
    """The kind of a field known only by its name ("exif:GPSLatitude", "Author", "claim_generator")."""
    prefix, _, local = name.rpartition(":")
    return classify(prefix, local)


def _nested(element: ET.Element) -> list[tuple[str, str, str]]:
    """(prefix, local, value) of the fields inside a structured property (a LocationCreated's GPSLatitude)."""
    out: list[tuple[str, str, str]] = []
    for sub in element.iter():
        if sub is not element and not sub.tag.startswith(f"{{{RDF}}}"):
            prefix, local = _name(sub.tag)
            out.append((prefix, local, " ".join(t.strip() for t in sub.itertext() if t.strip())))
        for attr, value in sub.attrib.items():
            if not attr.startswith((f"{{{RDF}}}", f"{{{XML_NS}}}")):
                prefix, local = _name(attr)
                out.append((prefix, local, value))
    return out


def property_values(element: ET.Element) -> list[str]:
    """Every value an XMP property element holds: the items of its rdf:Alt/Bag/Seq (a language
    alternative's x-default first, the rest in order), else its text with the fields of a structure
    written as attributes. The privacy scan reports them all; a caption or headline is the first."""
    items = list(element.iter(f"{{{RDF}}}li"))
    if items:
        items.sort(key=lambda li: li.get(XML_LANG) != "x-default")  # stable: the others keep their order
        return ["".join(li.itertext()).strip() for li in items]
    text = " ".join(t.strip() for t in element.itertext() if t.strip())
    attrs = [
        v
        for k, v in element.attrib.items()
        if not k.startswith(f"{{{RDF}}}") and not k.startswith(f"{{{XML_NS}}}")
    ]
    return [" ".join([text, *attrs]).strip()]


def descriptions(root: ET.Element) -> list[ET.Element]:
    """The packet's top-level rdf:Description elements, where its properties are (a nested one, a
    contact record or a face region, belongs to its property); a bare Description is its own."""
    if root.tag == f"{{{RDF}}}Description":
        return [root]
    rdf_roots = [root] if root.tag == f"{{{RDF}}}RDF" else list(root.iter(f"{{{RDF}}}RDF"))
    return [d for rdf in rdf_roots for d in rdf.findall(f"{{{RDF}}}Description")]


def _as_utf8(data: bytes) -> bytes:
    """XMP may be written in UTF-16 or UTF-32 (the packet wrapper's BOM says which): re-encoded as UTF-8."""
    head = data[:256]
    if b"<?xpacket" in head or any(tag in head for tag in _PACKET_STARTS):
        return data  # UTF-8, the usual case
    head = head[:64]
    for encoding, probe in (("utf-32-be", b"<\x00\x00\x00"[::-1]), ("utf-32-le", b"<\x00\x00\x00"),
                            ("utf-16-be", b"\x00<"), ("utf-16-le", b"<\x00")):  # fmt: skip
        if probe in head:
            step = 4 if "32" in encoding else 2
            start = head.index(probe)
            raw = data[start - (start % step) :]
            text = raw[: len(raw) - len(raw) % step].decode(encoding, "replace")
            return text.lstrip("\ufeff").replace("\x00", "").encode("utf-8")
    return data


def parse_packet(data: bytes) -> ET.Element | None:
    """The packet's XML root, or None when it is not well-formed (the caller reports that)."""
    data = _as_utf8(data)
    starts = [i for i in (data.find(tag) for tag in _PACKET_STARTS) if i >= 0]
    body = data[min(starts) :] if starts else data
    end = body.rfind(b"<?xpacket end")
    if end > 0:
        body = body[:end]
    body = body.strip(b"\x00 \r\n\t")
    # Some writers end the packet with the closing tag and then padding; cut after the last '>'.
    body = body[: body.rfind(b">") + 1]
    if not body:
        return None
    try:
        return ET.fromstring(body)
    except ET.ParseError as exc:
        # A wrapper the start list does not know (<xmp:xmpmeta>) leaves its closing tag behind: the RDF
        # element alone is the packet's content.
        start, end = body.find(b"<rdf:RDF"), body.rfind(b"</rdf:RDF>")
        if 0 <= start < end:
            try:
                return ET.fromstring(body[start : end + len(b"</rdf:RDF>")])
            except ET.ParseError:
                pass
        log.debug("XMP not well-formed: %s", exc)
        return None


def scan_xmp(data: bytes, where: str, col: Collector) -> None:
    if not data.strip(b"\x00 \r\n\t"):
        return
    root = parse_packet(data)
    if root is None:
        col.add(K.UNKNOWN_SEGMENT, where, "unreadable XMP", data[:200])
        return
    for description in descriptions(root):
        for attr, value in description.attrib.items():
            prefix, local = _name(attr)
            if attr.startswith(f"{{{RDF}}}") or attr.startswith(f"{{{XML_NS}}}"):
                continue
            _report(prefix, local, [value], where, col)
        for child in description:
            prefix, local = _name(child.tag)
            kind = _report(prefix, local, property_values(child), where, col)
            if len(child):
                _report_nested(f"{prefix}:{local}", kind, child, where, col)


def _report_nested(key: str, outer: object, element: ET.Element, where: str, col: Collector) -> None:
    """A position or serial number inside a structure (IPTC Extension LocationCreated/LocationShown with
    exif:GPSLatitude, an ArtworkOrObject's serial) is reported as such, not only as the structure."""
    positions: list[str] = []
    for prefix, local, value in _nested(element):
        kind = classify(prefix, local)
        if kind is K.GPS and is_position_name(local) and value:
            positions.append(f"{local} {value}")
        elif kind is K.SERIAL and kind is not outer and value:
            col.add(K.SERIAL, where, f"{key}/{prefix}:{local}", value)
    if positions:
        col.add(K.GPS, where, key, "; ".join(positions))


def _report(prefix: str, local: str, values: list[str], where: str, col: Collector) -> object:
    key = f"{prefix}:{local}"
    kind = classify(prefix, local)
    if kind is None:
        return None
    if kind == "other":
        col.other(where, key)
        return kind
    assert isinstance(kind, K)
    press = _EXACT.get(key, (None, None))[1]
    if kind is K.GPS:
        if not is_position_name(local):
            kind = K.GPS_FIELDS
        col.add(kind, where, key, "; ".join(values))
    elif press == "keywords":
        for value in values:
            col.add(kind, where, key, value, press=press)
    else:
        col.add(kind, where, key, "; ".join(values), press=press)
    return kind
