"""JUMBF boxes (ISO 19566-5) and the C2PA content credentials inside them (JPEG APP11, PNG caBX, …).

A C2PA manifest names the author (a schema.org CreativeWork assertion), the editing actions, the software
that signed it, often the place and an EXIF copy with GPS, and a thumbnail. Each is reported; the whole
store is dropped from a published copy.
"""

from __future__ import annotations

import json
import struct
from collections.abc import Iterator
from typing import Any

from photoarchive.privacy.collect import Collector
from photoarchive.privacy.findings import FindingKind as K
from photoarchive.privacy.findings import Note

MAX_DEPTH = 16
MAX_LEAVES = 500


def boxes(data: bytes, start: int = 0, end: int | None = None) -> Iterator[tuple[bytes, int, int]]:
    """(type, payload start, payload end) of the ISO boxes in data[start:end]; stops at a malformed one."""
    end = len(data) if end is None else end
    pos = start
    while pos + 8 <= end:
        (size,) = struct.unpack(">I", data[pos : pos + 4])
        kind = data[pos + 4 : pos + 8]
        head = 8
        if size == 1:
            if pos + 16 > end:
                return
            (size,) = struct.unpack(">Q", data[pos + 8 : pos + 16])
            head = 16
        elif size == 0:
            size = end - pos
        if size < head or pos + size > end:
            return
        yield kind, pos + head, pos + size
        pos += size


def _description(data: bytes, start: int, end: int) -> tuple[bytes, str]:
    """(content type, label) of a 'jumd' box."""
    content_type = data[start : start + 4]
    toggles = data[start + 16] if start + 16 < end else 0
    label = ""
    if toggles & 0x02:
        raw = data[start + 17 : end].split(b"\x00", 1)[0]
        label = raw.decode("utf-8", "replace")
    return content_type, label


def scan_jumbf(data: bytes, where: str, col: Collector) -> None:
    """Report what a JUMBF box stream (one or more 'jumb' superboxes) holds."""
    state = _State(col, where)
    for kind, a, b in boxes(data):
        if kind == b"jumb":
            state.superbox(data, a, b, [], 0)
        else:
            col.note(K.UNKNOWN_SEGMENT, where, kind.decode("latin-1"), Note.BYTES, count=b - a)
    if state.manifests:
        col.note(K.XMP_HISTORY, where, "C2PA", Note.C2PA, count=state.manifests)


class _State:
    def __init__(self, col: Collector, where: str) -> None:
        self.col = col
        self.where = where
        self.manifests = 0
        self.leaves = 0

    def superbox(self, data: bytes, start: int, end: int, labels: list[str], depth: int) -> None:
        if depth > MAX_DEPTH:
            return
        content_type, label = b"", ""
        children = list(boxes(data, start, end))
        if children and children[0][0] == b"jumd":
            content_type, label = _description(data, children[0][1], children[0][2])
            children = children[1:]
        path = [*labels, label] if label else labels
        if depth == 1 and content_type in (b"c2ma", b"cast", b"c2um"):
            self.manifests += 1
        elif depth == 1 and content_type not in (b"c2as", b"caas"):
            self.manifests += 1  # some writers use other types for the manifest level
        low = label.lower()
        where = f"{self.where} {'/'.join(path)}".rstrip()
        if "thumbnail" in low:
            size = sum(b - a for _, a, b in children)
            self.col.note(K.THUMBNAIL, where, label, Note.BYTES, count=size)
            return
        if low.endswith("actions") or ".actions" in low:
            self.col.add(K.XMP_HISTORY, where, label, self._summary(data, children))
            return
        for kind, a, b in children:
            if kind == b"jumb":
                self.superbox(data, a, b, path, depth + 1)
            elif kind == b"json":
                try:
                    self.walk(json.loads(data[a:b].decode("utf-8")), where, [])
                except (ValueError, UnicodeDecodeError):
                    self.col.note(K.UNKNOWN_SEGMENT, where, label or "json", Note.BYTES, count=b - a)
            elif kind == b"cbor":
                try:
                    self.walk(CborReader(data, a, b).read(), where, [])
                except (ValueError, IndexError, struct.error, RecursionError):
                    self.col.note(K.UNKNOWN_SEGMENT, where, label or "cbor", Note.BYTES, count=b - a)
            elif kind == b"xml ":
                from photoarchive.privacy.xmp import scan_xmp

                scan_xmp(data[a:b], f"{where} XMP", self.col)
            elif kind in (b"bidb", b"bfdb"):
                if kind == b"bidb":
                    self.col.note(K.EMBEDDED_IMAGE, where, label or "embedded file", Note.BYTES, count=b - a)
            elif kind == b"uuid":
                continue  # the claim signature (COSE) or vendor data: removed with the store
            else:
                self.col.note(K.UNKNOWN_SEGMENT, where, kind.decode("latin-1"), Note.BYTES, count=b - a)

    def _summary(self, data: bytes, children: list[tuple[bytes, int, int]]) -> str:
        """The action names of a c2pa.actions assertion; the software agents are reported on the way."""
        names: list[str] = []
        for kind, a, b in children:
            value = _decode(data, kind, a, b)
            if not isinstance(value, dict):
                continue
            for action in value.get("actions", []) or []:
                if isinstance(action, dict) and isinstance(action.get("action"), str):
                    names.append(action["action"])
                    agent = action.get("softwareAgent")
                    if isinstance(agent, dict):
                        agent = agent.get("name")
                    if isinstance(agent, str):
                        self.col.add(K.SOFTWARE, self.where, "softwareAgent", agent)
        return ", ".join(names) or "editing actions"

    def walk(self, value: object, where: str, path: list[str]) -> None:
        """Classify every leaf of a JSON/CBOR assertion by its key (and the keys above it)."""
        from photoarchive.privacy.xmp import classify_name, is_position_name

        if self.leaves > MAX_LEAVES or len(path) > MAX_DEPTH:
            return
        if isinstance(value, dict):
            for key, item in value.items():
                if isinstance(key, str) and not key.startswith("@"):
                    self.walk(item, where, [*path, key])
            return
        if isinstance(value, list):
            for item in value:
                self.walk(item, where, path)
            return
        if not path or isinstance(value, bytes | bytearray) or value is None or isinstance(value, bool):
            return
        self.leaves += 1
        key = path[-1]
        kind = classify_name(key)
        if kind in (None, "other"):
            # "name" under "author": the author's name; a leaf takes the kind of a personal key above it.
            for above in reversed(path[:-1]):
                up = classify_name(above)
                if up in (K.OWNER, K.CONTACT, K.LOCATION, K.GPS, K.SERIAL):
                    kind = up
                    break
        tag = "/".join(path)
        if kind is None:
            return
        if kind == "other":
            self.col.other(where, tag)
            return
        assert isinstance(kind, K)
        if kind is K.GPS and not is_position_name(key):
            kind = K.GPS_FIELDS
        self.col.add(kind, where, tag, str(value))


def _decode(data: bytes, kind: bytes, start: int, end: int) -> object:
    """The value of a 'json' or 'cbor' content box; None for other boxes or an undecodable one."""
    try:
        if kind == b"json":
            return json.loads(data[start:end].decode("utf-8"))
        if kind == b"cbor":
            return CborReader(data, start, end).read()
    except (ValueError, IndexError, struct.error, UnicodeDecodeError, RecursionError):
        return None
    return None


class CborReader:
    """A bounded decoder for the CBOR (RFC 8949) that C2PA assertions use: maps, arrays, text, numbers."""

    def __init__(self, data: bytes, start: int, end: int) -> None:
        self.data, self.pos, self.end = data, start, end
        self.items = 0

    def _take(self, n: int) -> bytes:
        if n < 0 or self.pos + n > self.end:
            raise ValueError("CBOR item runs past its box")
        out = self.data[self.pos : self.pos + n]
        self.pos += n
        return out

    def _length(self, info: int) -> int | None:
        if info < 24:
            return info
        if info in (24, 25, 26, 27):
            return int.from_bytes(self._take(1 << (info - 24)), "big")
        if info == 31:
            return None  # indefinite
        raise ValueError("bad CBOR length")

    def read(self, depth: int = 0) -> object:
        self.items += 1
        if depth > MAX_DEPTH or self.items > 100_000:
            raise ValueError("CBOR nested too deep")
        first = self._take(1)[0]
        major, info = first >> 5, first & 0x1F
        if major == 7:
            if info in (20, 21):
                return info == 21
            if info in (22, 23):
                return None
            if info == 25:
                return struct.unpack(">e", self._take(2))[0]
            if info == 26:
                return struct.unpack(">f", self._take(4))[0]
            if info == 27:
                return struct.unpack(">d", self._take(8))[0]
            if info == 31:
                raise ValueError("unexpected CBOR break")
            return None
        n = self._length(info)
        if major == 0:
            return n
        if major == 1:
            return -1 - (n or 0)
        if major == 6:
            return self.read(depth + 1)  # a tagged item: the tag does not change what it says
        if major in (2, 3):
            if n is None:
                parts = []
                while self.data[self.pos] != 0xFF:
                    parts.append(self.read(depth + 1))
                self.pos += 1
                return (
                    b"".join(p for p in parts if isinstance(p, bytes))
                    if major == 2
                    else "".join(p for p in parts if isinstance(p, str))
                )
            raw = self._take(n)
            return raw if major == 2 else raw.decode("utf-8", "replace")
        if major == 4:
            out: list[Any] = []
            while (n is None and self.data[self.pos] != 0xFF) or (n is not None and len(out) < n):
                out.append(self.read(depth + 1))
            if n is None:
                self.pos += 1
            return out
        if major == 5:
            result: dict[object, object] = {}
            count = 0
            while (n is None and self.data[self.pos] != 0xFF) or (n is not None and count < n):
                key = self.read(depth + 1)
                result[key if isinstance(key, str | int) else str(key)] = self.read(depth + 1)
                count += 1
            if n is None:
                self.pos += 1
            return result
        raise ValueError("bad CBOR item")
