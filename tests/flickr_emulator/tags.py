"""Flickr's tag rules: splitting a tag string, normalising tags, machine tags and their search syntax.

Flickr keeps two forms of every tag: the ``raw`` form as the user typed it and the ``clean`` form used
for search (lower case, spaces and punctuation removed). A machine tag ``namespace:predicate=value``
keeps its structure in the clean form: namespace and predicate lower-cased, the value lower-cased with
surrounding quotes removed, so ``Photoarchive:SHA256=ABC`` and ``photoarchive:sha256=abc`` are the same tag.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Namespaces and predicates must start with a letter and contain only [A-Za-z0-9_] (Flickr's rule).
_MACHINE_TAG = re.compile(r"^([A-Za-z][A-Za-z0-9_]*):([A-Za-z][A-Za-z0-9_]*)=(.+)$", re.DOTALL)

MAX_TAGS_PER_PHOTO = 75


@dataclass(frozen=True)
class MachineTag:
    namespace: str
    predicate: str
    value: str


@dataclass(frozen=True)
class ParsedTag:
    raw: str
    clean: str
    machine: MachineTag | None

    @property
    def is_machine(self) -> bool:
        return self.machine is not None


def split_tag_string(text: str) -> list[str]:
    """Split a space-separated tag string; double quotes group words (``a "b c" ns:p="x y"``)."""
    tokens: list[str] = []
    current: list[str] = []
    in_quotes = False
    for ch in text or "":
        if ch == '"':
            in_quotes = not in_quotes
            current.append(ch)
        elif ch.isspace() and not in_quotes:
            if current:
                tokens.append("".join(current))
                current = []
        else:
            current.append(ch)
    if current:
        tokens.append("".join(current))
    result = []
    for token in tokens:
        if len(token) >= 2 and token.startswith('"') and token.endswith('"'):
            token = token[1:-1]
        token = token.strip()
        if token:
            result.append(token)
    return result


def _strip_quotes(value: str) -> str:
    if len(value) >= 2 and value.startswith('"') and value.endswith('"'):
        return value[1:-1]
    return value


def clean_plain_tag(raw: str) -> str:
    """Flickr's clean form of an ordinary tag: lower case, only letters and digits (any script)."""
    return "".join(ch for ch in raw.lower() if ch.isalnum())


def parse_tag(raw: str) -> ParsedTag | None:
    """Parse one raw tag; None when nothing searchable is left (e.g. only punctuation)."""
    raw = raw.strip()
    match = _MACHINE_TAG.match(raw)
    if match:
        namespace, predicate, value = (
            match.group(1).lower(),
            match.group(2).lower(),
            _strip_quotes(match.group(3)),
        )
        if value:
            machine = MachineTag(namespace, predicate, value.lower())
            return ParsedTag(raw=raw, clean=f"{namespace}:{predicate}={value.lower()}", machine=machine)
    clean = clean_plain_tag(raw)
    if not clean:
        return None
    return ParsedTag(raw=raw, clean=clean, machine=None)


def parse_tag_string(text: str) -> list[ParsedTag]:
    """Parse a tag string as the upload and setTags/addTags methods receive it, dropping duplicates."""
    seen: set[str] = set()
    result: list[ParsedTag] = []
    for token in split_tag_string(text):
        tag = parse_tag(token)
        if tag is None or tag.clean in seen:
            continue
        seen.add(tag.clean)
        result.append(tag)
    return result


@dataclass(frozen=True)
class MachineTagQuery:
    """One term of photos.search's ``machine_tags``; None parts are wildcards."""

    namespace: str | None
    predicate: str | None
    value: str | None

    def matches(self, tag: MachineTag) -> bool:
        return (
            (self.namespace is None or self.namespace == tag.namespace)
            and (self.predicate is None or self.predicate == tag.predicate)
            and (self.value is None or self.value == tag.value)
        )


def _wild(part: str) -> str | None:
    part = part.strip()
    return None if part in ("", "*") else part


def parse_machine_tag_query(term: str) -> MachineTagQuery | None:
    """Parse ``ns:pred=value`` with Flickr's wildcards (``ns:``, ``ns:pred=``, ``*:pred=v``, ``=v``).

    None when the term is not machine-tag syntax at all (Flickr then reports "No valid machine tags").
    """
    term = term.strip()
    if not term or (":" not in term and "=" not in term):
        return None
    if "=" in term:
        left, value = term.split("=", 1)
        value = _strip_quotes(value.strip())
    else:
        left, value = term, ""
    if ":" in left:
        namespace, predicate = left.split(":", 1)
    elif left.strip() in ("", "*"):
        namespace, predicate = "", ""
    else:
        return None
    ns, pred, val = _wild(namespace), _wild(predicate), _wild(value)
    for part in (ns, pred):
        if part is not None and not re.fullmatch(r"[A-Za-z][A-Za-z0-9_]*", part):
            return None
    if ns is None and pred is None and val is None:
        return None
    return MachineTagQuery(
        ns.lower() if ns else None, pred.lower() if pred else None, val.lower() if val else None
    )
