"""The press fields the app stamps on a published copy, the publishing policy, and the metadata blocks
(XMP packet, IPTC-IIM record) built from them. Nothing here is ever copied from the camera."""

from __future__ import annotations

import struct
from dataclasses import dataclass, fields
from datetime import datetime

from photoarchive.media.press_text import PressText

# Namespaces written into our XMP packet.
NS_X = "adobe:ns:meta/"
NS_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
NS_DC = "http://purl.org/dc/elements/1.1/"
NS_PHOTOSHOP = "http://ns.adobe.com/photoshop/1.0/"
NS_XMP_RIGHTS = "http://ns.adobe.com/xap/1.0/rights/"
NS_IPTC_CORE = "http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/"

# IPTC-IIM "coded character set" value ESC % G: the record is UTF-8 (what Photo Mechanic and ExifTool expect).
IIM_UTF8 = b"\x1b%G"


_CONTROL = dict.fromkeys(c for c in range(32) if c not in (9, 10))


def clean_text(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").translate(_CONTROL).strip()


@dataclass
class PressFields(PressText):
    """What the press office says about a photo; written into XMP and IPTC-IIM of every published copy."""

    usage_terms: str = ""

    def cleaned(self) -> PressFields:
        """The fields as they are written: Windows line breaks made plain, control characters that XML and
        IPTC cannot hold removed, surrounding blanks and empty keywords dropped."""
        values = {f.name: clean_text(getattr(self, f.name)) for f in fields(self) if f.name != "keywords"}
        keywords = [k for k in (clean_text(k) for k in self.keywords) if k]
        return PressFields(keywords=keywords, **values)

    def is_empty(self) -> bool:
        return not any(getattr(self, f.name) for f in fields(self))

    @classmethod
    def from_settings(cls, press_settings: object, **per_photo: object) -> PressFields:
        """Defaults from `settings.press` (byline, credit, copyright, usage terms), per-photo values on top."""
        fields = cls(
            byline=getattr(press_settings, "byline", ""),
            credit=getattr(press_settings, "credit", ""),
            copyright=getattr(press_settings, "copyright", ""),
            usage_terms=getattr(press_settings, "usage_terms", ""),
        )
        for name, value in per_photo.items():
            if not hasattr(fields, name):
                raise TypeError(f"PressFields has no field {name!r}")
            if value not in (None, "", []):
                setattr(fields, name, value)
        return fields


@dataclass
class PublishPolicy:
    """What a published copy may keep besides pixels, orientation and colour profile."""

    keep_capture_date: bool = False
    # Long edge in pixels for a web-size copy; only this path re-encodes (None: full size, lossless).
    max_size: int | None = None
    # Decode the written copy fully as part of its check. The lossless paths already prove the image data is
    # byte-identical to the source's and the structure is whole, so this only adds time; the export of a few
    # files may want it, a batch of thousands does not.
    decode_check: bool = False
    # Flush each copy to disk before it is renamed into place, so a power cut never leaves a renamed but
    # empty file. Batch tools that re-run on failure may turn it off for speed.
    fsync: bool = True
    # Quality of the JPEG written when a copy must be re-encoded (HEIC source, or max_size).
    jpeg_quality: int = 90

    def __post_init__(self) -> None:
        if self.max_size is not None and self.max_size < 16:
            raise ValueError("max_size must be at least 16 pixels")
        if not 50 <= self.jpeg_quality <= 100:
            raise ValueError("jpeg_quality must be between 50 and 100")


def escape(text: str) -> str:
    """XML character escaping (xml.sax.saxutils would pull in urllib and cost 100 ms of start-up)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# -- XMP -----------------------------------------------------------------------------------------------


def _alt(text: str) -> str:
    return f'<rdf:Alt><rdf:li xml:lang="x-default">{escape(text)}</rdf:li></rdf:Alt>'


def build_xmp(press: PressFields, capture_date: datetime | None = None) -> bytes:
    """An XMP packet with the press fields (IPTC Core mapping), or b"" when there is nothing to say."""
    props: list[str] = []
    if press.caption:
        props.append(f"<dc:description>{_alt(press.caption)}</dc:description>")
    if press.byline:
        props.append(f"<dc:creator><rdf:Seq><rdf:li>{escape(press.byline)}</rdf:li></rdf:Seq></dc:creator>")
    if press.copyright:
        props.append(f"<dc:rights>{_alt(press.copyright)}</dc:rights>")
    if press.keywords:
        items = "".join(f"<rdf:li>{escape(k)}</rdf:li>" for k in press.keywords)
        props.append(f"<dc:subject><rdf:Bag>{items}</rdf:Bag></dc:subject>")
    if press.headline:
        props.append(f"<photoshop:Headline>{escape(press.headline)}</photoshop:Headline>")
    if press.credit:
        props.append(f"<photoshop:Credit>{escape(press.credit)}</photoshop:Credit>")
    if capture_date is not None:
        props.append(
            f"<photoshop:DateCreated>{capture_date.isoformat(timespec='seconds')}</photoshop:DateCreated>"
        )
    if press.usage_terms:
        props.append(f"<xmpRights:UsageTerms>{_alt(press.usage_terms)}</xmpRights:UsageTerms>")
    if press.copyright:
        props.append("<xmpRights:Marked>True</xmpRights:Marked>")
    if not props:
        return b""
    body = "\n   ".join(props)
    packet = (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
        f'<x:xmpmeta xmlns:x="{NS_X}">\n'
        f' <rdf:RDF xmlns:rdf="{NS_RDF}">\n'
        f'  <rdf:Description rdf:about="" xmlns:dc="{NS_DC}" xmlns:photoshop="{NS_PHOTOSHOP}"'
        f' xmlns:xmpRights="{NS_XMP_RIGHTS}" xmlns:Iptc4xmpCore="{NS_IPTC_CORE}">\n'
        f"   {body}\n"
        "  </rdf:Description>\n"
        " </rdf:RDF>\n"
        "</x:xmpmeta>\n"
        '<?xpacket end="w"?>'
    )
    return packet.encode("utf-8")


# -- IPTC-IIM ------------------------------------------------------------------------------------------


def _dataset(record: int, number: int, value: bytes) -> bytes:
    if len(value) > 0x7FFF:
        raise ValueError(f"IPTC field {record}:{number} is longer than 32767 bytes")
    return struct.pack(">BBBH", 0x1C, record, number, len(value)) + value


def build_iim(press: PressFields, capture_date: datetime | None = None) -> bytes:
    """An IPTC-IIM record (UTF-8, marked by 1:90) with the press fields, or b"" when there is nothing to say."""
    out: list[bytes] = []

    def text(number: int, value: str) -> None:
        if value:
            out.append(_dataset(2, number, value.encode("utf-8")))

    for keyword in press.keywords:
        text(25, keyword)
    if capture_date is not None:
        out.append(_dataset(2, 55, capture_date.strftime("%Y%m%d").encode("ascii")))
        offset = capture_date.strftime("%z") or "+0000"
        out.append(_dataset(2, 60, (capture_date.strftime("%H%M%S") + offset).encode("ascii")))
    text(80, press.byline)
    text(105, press.headline)
    text(110, press.credit)
    text(116, press.copyright)
    text(120, press.caption)
    if not out:
        return b""
    head = _dataset(1, 0, b"\x00\x04") + _dataset(1, 90, IIM_UTF8) + _dataset(2, 0, b"\x00\x04")
    return head + b"".join(out)


def photoshop_iptc_resource(iim: bytes) -> bytes:
    """Photoshop image resource block 0x0404 (IPTC-NAA) holding an IIM record."""
    block = b"8BIM" + struct.pack(">H", 0x0404) + b"\x00\x00" + struct.pack(">I", len(iim)) + iim
    if len(iim) % 2:
        block += b"\x00"
    return block
