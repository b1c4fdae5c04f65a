"""Flickr's tag string parsing, normalisation and machine-tag query syntax."""

from __future__ import annotations

import pytest

from flickr_emulator.tags import (
    MachineTag,
    parse_machine_tag_query,
    parse_tag,
    parse_tag_string,
    split_tag_string,
)


def test_split_respects_quotes_and_whitespace() -> None:
    assert split_tag_string('  a "b c"\tgeo:quartier="plateau mont royal" d ') == [
        "a",
        "b c",
        'geo:quartier="plateau mont royal"',
        "d",
    ]
    assert split_tag_string("") == []


@pytest.mark.parametrize(
    ("raw", "clean", "machine"),
    [
        ("Oslo Sentrum", "oslosentrum", None),
        ("Ærlig-Øl_å!", "ærligølå", None),
        (
            "Photoarchive:SHA256=ABCdef",
            "photoarchive:sha256=abcdef",
            MachineTag("photoarchive", "sha256", "abcdef"),
        ),
        ('geo:quartier="Plateau Mont Royal"', "geo:quartier=plateau mont royal", None),
        ("1ns:pred=v", "1nspredv", None),  # a namespace must start with a letter: an ordinary tag
    ],
)
def test_parse_tag(raw: str, clean: str, machine: MachineTag | None) -> None:
    tag = parse_tag(raw)
    assert tag is not None and tag.raw == raw and tag.clean == clean
    if machine is not None:
        assert tag.machine == machine
    assert tag.is_machine == (":" in clean and "=" in clean)


def test_parse_tag_string_drops_duplicates_and_punctuation_only_tags() -> None:
    tags = parse_tag_string('Politi politi "!!" ns:p=V NS:P=v')
    assert [t.raw for t in tags] == ["Politi", "ns:p=V"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("ns:pred=value", ("ns", "pred", "value")),
        ("NS:Pred=Value", ("ns", "pred", "value")),
        ("ns:", ("ns", None, None)),
        ("ns:*", ("ns", None, None)),
        ("ns:pred=", ("ns", "pred", None)),
        ("*:pred=value", (None, "pred", "value")),
        (":pred=", (None, "pred", None)),
        ("=value", (None, None, "value")),
        ('ns:pred="two words"', ("ns", "pred", "two words")),
        ("plain", None),
        ("*:*=", None),
        ("1x:pred=v", None),
    ],
)
def test_machine_tag_query(query: str, expected: tuple | None) -> None:
    parsed = parse_machine_tag_query(query)
    if expected is None:
        assert parsed is None
    else:
        assert parsed is not None and (parsed.namespace, parsed.predicate, parsed.value) == expected
