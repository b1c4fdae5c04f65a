"""Published copies get neutral names from `[privacy] published_name` / `published_name_other`: the case
number and a running number, never the camera's or phone's name (capture time, a person's name)."""

from __future__ import annotations

import json
from pathlib import Path

import factory
import pytest

from photoarchive.cli import main
from photoarchive.errors import SettingsError
from photoarchive.privacy.names import NamePatternError, PublishedNames, check_pattern
from photoarchive.settings import Settings


def test_case_photos_are_numbered_per_case_and_others_neutrally() -> None:
    names = PublishedNames()
    assert names.name_for(case="2026-123456", suffix=".jpg") == "2026-123456-001.jpg"
    assert names.name_for(case="2026-123456", suffix=".JPG") == "2026-123456-002.jpg"
    assert names.name_for(case="2026-777", suffix=".png") == "2026-777-001.png"
    assert names.name_for(suffix=".jpg") == "foto-001.jpg"
    assert names.name_for(case="  ", suffix=".tif") == "foto-002.tif"


def test_taken_names_are_skipped_in_any_letter_case(tmp_path: Path) -> None:
    (tmp_path / "FOTO-001.JPG").write_bytes(b"x")
    (tmp_path / "foto-002.jpg").write_bytes(b"x")
    names = PublishedNames(folder=tmp_path)
    assert names.name_for(suffix=".jpg") == "foto-003.jpg"
    assert names.name_for(suffix=".png") == "foto-004.png"  # n runs on across suffixes: no "001" twice
    flickr = PublishedNames("{case}-{n}", "politiet-{id}", taken=lambda name: name == "politiet-7.jpg")
    assert flickr.name_for(photo_id=7, suffix=".jpg") != "politiet-7.jpg"


def test_case_numbers_cannot_break_out_of_the_folder() -> None:
    names = PublishedNames()
    for case in ("../../etc", "C:\\Windows", "2026/123", "CON", "a\x00b"):
        name = names.name_for(case=case, suffix=".jpg")
        assert "/" not in name and "\\" not in name and ":" not in name and "\x00" not in name
        assert not name.lower().startswith("con.") and name != ".jpg"


@pytest.mark.parametrize(
    ("pattern", "why"),
    [("{date}-{n}", "{date}"), ("{original}", "{original}"), ("foto", "{n} or {id}"), ("{n:zz}", "valid"),
     ("{case}-{n}", "case number")],
)  # fmt: skip
def test_bad_patterns_are_refused_with_a_reason(pattern: str, why: str) -> None:
    with pytest.raises(NamePatternError, match="published name|valid|every copy|case number"):
        check_pattern(pattern, case_photos=False)
    with pytest.raises(SettingsError, match="privacy.published_name_other"):
        Settings.from_dict({"privacy": {"published_name_other": pattern}})


def test_settings_patterns_are_used(tmp_path: Path) -> None:
    settings = Settings.from_dict(
        {"privacy": {"published_name": "sak-{case}-{n:02}", "published_name_other": "politiet-{id}"}}
    )
    names = PublishedNames.from_settings(settings.privacy, folder=tmp_path)
    assert names.name_for(case="2026-5555", photo_id=3, suffix=".jpg") == "sak-2026-5555-01.jpg"
    assert names.name_for(photo_id=41, suffix=".jpg") == "politiet-41.jpg"


def _ingest(home, capsys, source: Path) -> int:  # type: ignore[no-untyped-def]
    assert main(["--home", str(home.root), "ingest", str(source), "--no-faces"]) == 0
    capsys.readouterr()
    assert main(["--home", str(home.root), "list", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    return next(r["id"] for r in rows if r["original_name"] == source.name)


def test_export_names_carry_no_capture_time_or_person(home, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    phone = factory.make_photo(tmp_path / "PXL_20240501_131415.jpg", owner=True)
    named = factory.make_photo(tmp_path / "Kari_Nordmann_bursdag.jpg", seed=2)
    heic_like = factory.make_photo(tmp_path / "IMG_20240502_101010.png", fmt="PNG", seed=3)
    ids = [_ingest(home, capsys, p) for p in (phone, named, heic_like)]
    assert main(["--home", str(home.root), "tag", str(ids[0]), "--case", "2026-123456"]) == 0
    out = tmp_path / "til NRK"
    code = main(["--home", str(home.root), "export", *map(str, ids), "--to", str(out)])
    printed = capsys.readouterr()
    assert code == 0, printed.err
    got = sorted(p.name for p in out.iterdir())
    assert got == ["2026-123456-001.jpg", "foto-001.jpg", "foto-002.png"]
    for copy in out.iterdir():
        assert "20240501" not in copy.name and "Kari" not in copy.name
    # A second export into the same folder never overwrites the first.
    assert main(["--home", str(home.root), "export", str(ids[1]), "--to", str(out)]) == 0
    assert "foto-003.jpg" in {p.name for p in out.iterdir()}
