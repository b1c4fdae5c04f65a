"""Findings as message codes with parameters: what the window translates, never the English sentence."""

from __future__ import annotations

import json
import string
from pathlib import Path

import factory
import pytest
from conftest import CORPUS_DIR

from photoarchive.cli import main
from photoarchive.privacy import FindingKind, scan
from photoarchive.privacy.findings import _NOTES, _TEMPLATES, Note, note_text

_SUFFIXES = {".jpg", ".jpeg", ".png", ".tif", ".tiff", ".webp", ".heic"}


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_kind_and_note_has_an_english_wording() -> None:
    assert set(_TEMPLATES) == set(FindingKind)
    assert set(_NOTES) == set(Note)
    for kind in FindingKind:
        assert kind.label and _fields(_TEMPLATES[kind]) <= {"tag", "excerpt"}


def test_a_statement_of_the_scan_is_a_code_with_parameters(tmp_path: Path) -> None:
    photo = factory.make_photo(tmp_path / "a.jpg", gps=True, serial=True, owner=True, thumbnail=True)
    report = scan(photo)
    by_note = {f.note: f for f in report.findings if f.note}
    position = by_note["position"]
    assert position.kind is FindingKind.GPS and position.value == ""
    assert dict(position.params) == {"lat": "59.2", "ns": "N", "lon": "9.6", "ew": "E"}
    assert "thumbnail_image" in by_note
    # A quoted value is not a statement: no code, the value as it is in the file.
    [owner] = [f for f in report.findings if f.kind is FindingKind.OWNER]
    assert owner.note == "" and owner.value == factory.OWNER_NAME
    code, params = owner.message
    assert code == "owner" and params["excerpt"] == factory.OWNER_NAME and params["tag"] == "CameraOwnerName"


def test_inspect_json_carries_codes_and_the_badges(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    photo = factory.make_photo(tmp_path / "b.jpg", gps=True)
    assert main(["--home", str(tmp_path / "home"), "inspect", "--json", str(photo)]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["has_gps"] is True and report["has_serial"] is False
    [gps] = [f for f in report["findings"] if f["kind"] == "gps"]
    assert gps["note"] == "position" and gps["params"]["ns"] == "N"
    assert gps["description"] == "GPS position 59.2° N 9.6° E"


@pytest.mark.corpus
def test_every_corpus_statement_is_its_code_worded(corpus_dir: Path) -> None:
    """No finding carries English the scan wrote itself without a code for it."""
    seen: set[str] = set()
    for path in sorted(p for p in CORPUS_DIR.rglob("*") if p.suffix.lower() in _SUFFIXES):
        try:
            report = scan(path)
        except Exception:  # noqa: BLE001 - damaged or unsupported samples have no findings to check
            continue
        for finding in report.findings:
            if finding.note:
                seen.add(finding.note)
                assert finding.excerpt == note_text(finding.note, dict(finding.params)), (path.name, finding)
    assert {"position", "gps_no_position", "bytes", "thumbnail_image", "fields"} <= seen


def test_inspect_says_which_badges_the_photo_gets(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    version_only = factory.build_exif(
        {0x010F: (factory.ASCII, "Canon")}, gps={0: (factory.BYTE, [2, 2, 0, 0])}
    )
    path = tmp_path / "tom gps.jpg"
    buf = factory.make_photo(tmp_path / "x.jpg", exif=False).read_bytes()
    path.write_bytes(buf[:2] + factory.app_segment(0xE1, b"Exif\x00\x00" + version_only) + buf[2:])
    assert main(["--home", str(tmp_path / "home"), "inspect", str(path)]) == 1
    out = capsys.readouterr().out
    assert "GPS position: no · serial number: no · person's name: no" in out
    assert "GPS fields without a position" in out


def test_english_wording_counts_properly() -> None:
    assert note_text(Note.GPS_NO_POSITION, {"count": "1"}) == "GPS directory with 1 field, no position"
    assert note_text(Note.GPS_NO_POSITION, {"count": "2"}) == "GPS directory with 2 fields, no position"
    assert note_text(Note.BYTES, {"count": "1"}) == "1 byte"
