"""One keyword parser for every place a person types keywords, and the six press fields passed whole
from a file's metadata to the catalog's photo types."""

from __future__ import annotations

from photoarchive.catalog.photos import NewPhoto, PhotoRecord
from photoarchive.media.formats import ImageFormat
from photoarchive.media.metadata import PhotoMetadata
from photoarchive.media.press_text import PRESS_FIELDS, PressText, clean_keywords, parse_keywords


def test_keywords_typed_with_commas_are_trimmed_and_kept_once():
    assert parse_keywords(" brann, Storgata ,, skien,BRANN ,Skien") == ["brann", "Storgata", "skien"]
    assert parse_keywords("") == [] and parse_keywords(" , ") == []
    assert parse_keywords("Ørsta,ørsta, Øst") == ["Ørsta", "Øst"]  # case folding beyond ASCII
    assert clean_keywords(["a", "A", " b "]) == ["a", "b"]


def test_the_photo_types_share_the_press_fields_and_pass_them_whole():
    for kind in (NewPhoto, PhotoRecord, PhotoMetadata):
        assert issubclass(kind, PressText)
        assert set(PRESS_FIELDS) <= set(kind.__dataclass_fields__)
    meta = PhotoMetadata(
        format=ImageFormat.JPEG,
        width=1,
        height=1,
        caption="Brann",
        headline="Storgata",
        keywords=["brann"],
        byline="F",
        credit="C",
    )
    new = NewPhoto(
        **meta.press_values(),
        sha256="0" * 64,
        original_name="a.jpg",
        archive_path="a.jpg",
        size_bytes=1,
        format="jpeg",
        width=1,
        height=1,
    )
    assert new.press_text() == meta.press_text()
    new.keywords.append("endret")
    assert meta.keywords == ["brann"]  # a copy, not the same list
