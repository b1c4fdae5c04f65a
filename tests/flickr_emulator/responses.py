"""Flickr's response envelopes: REST XML (``<rsp stat="ok">``) and JSON, built from one tree.

A response body is a list of :class:`Node`. XML renders attributes and text as Flickr does; JSON follows
Flickr's mapping: attributes become keys, element text becomes ``_content``, and children that Flickr
always returns as arrays (``photo`` inside ``photos``, ``tag`` inside ``tags`` ...) are lists even
when there is only one.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from xml.sax.saxutils import escape, quoteattr

AttrValue = str | int


@dataclass
class Node:
    tag: str
    attrs: dict[str, AttrValue] = field(default_factory=dict)
    children: list[Node] = field(default_factory=list)
    text: str | None = None
    # Child tags rendered as JSON arrays even with zero or one element.
    list_children: tuple[str, ...] = ()

    def add(self, child: Node) -> Node:
        self.children.append(child)
        return child


class ApiError(Exception):
    """A Flickr API failure: rendered as ``<rsp stat="fail"><err code=… msg=…/></rsp>``."""

    def __init__(self, code: int, message: str, extra: dict[str, str] | None = None):
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message
        # Further attributes of <err> (upload error 9 names the photo it duplicates).
        self.extra = extra or {}


def _xml_node(node: Node, indent: str) -> str:
    attrs = "".join(f" {key}={quoteattr(str(value))}" for key, value in node.attrs.items())
    if not node.children and node.text is None:
        return f"{indent}<{node.tag}{attrs} />"
    if not node.children:
        return f"{indent}<{node.tag}{attrs}>{escape(node.text or '')}</{node.tag}>"
    inner = "\n".join(_xml_node(child, indent + "\t") for child in node.children)
    text = escape(node.text) if node.text else ""
    return f"{indent}<{node.tag}{attrs}>{text}\n{inner}\n{indent}</{node.tag}>"


def render_xml_ok(body: list[Node]) -> bytes:
    inner = "\n".join(_xml_node(node, "\t") for node in body)
    text = (
        '<?xml version="1.0" encoding="utf-8" ?>\n<rsp stat="ok">\n'
        + (inner + "\n" if inner else "")
        + "</rsp>\n"
    )
    return text.encode("utf-8")


def render_xml_fail(error: ApiError) -> bytes:
    extra = "".join(f" {key}={quoteattr(value)}" for key, value in error.extra.items())
    text = (
        '<?xml version="1.0" encoding="utf-8" ?>\n<rsp stat="fail">\n'
        f"\t<err code={quoteattr(str(error.code))} msg={quoteattr(error.message)}{extra} />\n</rsp>\n"
    )
    return text.encode("utf-8")


def _json_node(node: Node) -> object:
    if not node.attrs and not node.children:
        return {"_content": node.text or ""}
    result: dict[str, object] = dict(node.attrs)
    if node.text is not None and node.text.strip():
        result["_content"] = node.text
    groups: dict[str, list[object]] = {name: [] for name in node.list_children}
    for child in node.children:
        groups.setdefault(child.tag, []).append(_json_node(child))
    for name, items in groups.items():
        result[name] = items if (name in node.list_children or len(items) > 1) else items[0]
    return result


def _json_body(body: list[Node], list_tags: tuple[str, ...] = ()) -> dict[str, object]:
    result: dict[str, object] = {}
    groups: dict[str, list[object]] = {}
    for node in body:
        groups.setdefault(node.tag, []).append(_json_node(node))
    for name, items in groups.items():
        result[name] = items if (name in list_tags or len(items) > 1) else items[0]
    return result


def _wrap_json(payload: dict[str, object], callback: str | None) -> bytes:
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    if callback:
        text = f"{callback}({text})"
    return text.encode("utf-8")


def render_json_ok(body: list[Node], callback: str | None, list_tags: tuple[str, ...] = ()) -> bytes:
    payload = _json_body(body, list_tags)
    payload["stat"] = "ok"
    return _wrap_json(payload, callback)


def render_json_fail(error: ApiError, callback: str | None) -> bytes:
    return _wrap_json({"stat": "fail", "code": error.code, "message": error.message, **error.extra}, callback)
