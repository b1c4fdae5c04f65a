"""`photoarchive inspect` and `photoarchive strip`: output, exit codes, lean start-up."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import factory
import pytest

from photoarchive.cli import main
from photoarchive.privacy import FindingKind, scan


@pytest.fixture
def home_arg(tmp_path: Path) -> list[str]:
    return ["--home", str(tmp_path / "ingen home")]


def test_inspect_exit_codes(tmp_path: Path, home_arg: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    dirty = factory.make_photo(tmp_path / "skitten.jpg", gps=True, owner=True)
    clean = tmp_path / "ren.jpg"
    factory.make_pixels((32, 32)).save(clean, "JPEG")
    broken = factory.truncate(factory.make_photo(tmp_path / "brutt.jpg"), 0.5)
    assert main([*home_arg, "inspect", str(dirty)]) == 1
    text = capsys.readouterr().out
    assert "GPS position 59.2° N 9.6° E" in text and "Name of a person or owner" in text
    assert main([*home_arg, "inspect", str(clean)]) == 0
    assert "no personal data" in capsys.readouterr().out
    assert main([*home_arg, "inspect", str(broken)]) == 2
    assert "truncated" in capsys.readouterr().err
    assert main([*home_arg, "inspect", str(tmp_path / "borte.jpg")]) == 2
    assert main([*home_arg, "inspect", "--json", str(dirty)]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["clean"] is False and "gps" in {f["kind"] for f in report["findings"]}


def test_strip_one_and_many(tmp_path: Path, home_arg: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    a = factory.make_photo(tmp_path / "å.jpg", gps=True, capture_time=factory.DEFAULT_TIME)
    b = factory.make_photo(tmp_path / "b.png", fmt="PNG", owner=True)
    assert main([*home_arg, "strip", str(a), str(tmp_path / "ut.jpg")]) == 0
    assert scan(tmp_path / "ut.jpg").kinds <= {FindingKind.OWNER}  # the settings' byline/copyright only
    # Inspect knows the organisation's own press stamp.
    assert main([*home_arg, "inspect", str(tmp_path / "ut.jpg")]) == 0
    assert main([*home_arg, "strip", str(a), str(tmp_path / "dato.jpg"), "--keep-date"]) == 0
    assert FindingKind.CAPTURE_DATE in scan(tmp_path / "dato.jpg").kinds
    junk = factory.make_not_an_image(tmp_path / "c.jpg", "pdf")
    out_dir = tmp_path / "ut mappe"
    assert main([*home_arg, "strip", str(a), str(junk), str(b), "--out-dir", str(out_dir)]) == 2
    captured = capsys.readouterr()
    assert "c.jpg" in captured.err
    # Neutral names: the photo's own name can carry a time or a person's name (numbers follow the inputs).
    assert sorted(p.name for p in out_dir.iterdir()) == ["foto-001.jpg", "foto-003.png"]
    assert main([*home_arg, "strip", str(a)]) == 2  # IN without OUT


def test_strip_reads_press_defaults_from_settings(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    (home / "settings.toml").write_text('[press]\nbyline = "Politiet i Øst"\n', encoding="utf-8")
    src = factory.make_photo(tmp_path / "a.jpg", owner=True)
    assert main(["--home", str(home), "strip", str(src), str(tmp_path / "ut.jpg")]) == 0
    assert "Politiet i Øst".encode() in (tmp_path / "ut.jpg").read_bytes()


def test_strip_starts_lean(tmp_path: Path) -> None:
    """The strip path must not load Qt, the database, the face detector, exifread or even Pillow (lossless JPEG)."""
    src = factory.make_photo(tmp_path / "a.jpg", gps=True)
    code = (
        "import sys; from photoarchive.cli import main; "
        f"rc = main(['--home', {str(tmp_path / 'h')!r}, 'strip', {str(src)!r}, {str(tmp_path / 'ut.jpg')!r}]); "
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in "
        "{'PIL', 'PySide6', 'sqlalchemy', 'cv2', 'onnxruntime', 'exifread', 'numpy', 'alembic', 'pillow_heif'}); "
        "print(rc, heavy)"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.strip().endswith("0 []"), run.stdout + run.stderr


def test_heic_and_jpeg_of_the_same_name_do_not_overwrite_each_other(
    tmp_path: Path, home_arg: list[str]
) -> None:
    pytest.importorskip("pillow_heif")
    heic = factory.make_photo(tmp_path / "IMG_1.heic", fmt="HEIF", gps=True)
    jpg = factory.make_photo(tmp_path / "IMG_1.jpg", gps=True, seed=3)
    out_dir = tmp_path / "ut"
    assert main([*home_arg, "strip", str(heic), str(jpg), "--out-dir", str(out_dir), "--keep-names"]) == 0
    assert sorted(p.name for p in out_dir.iterdir()) == ["IMG_1-2.jpg", "IMG_1.jpg"]
    # Under neutral names too, and a second batch into the same folder never overwrites the first.
    neutral = tmp_path / "nøytral"
    assert main([*home_arg, "strip", str(heic), str(jpg), "--out-dir", str(neutral)]) == 0
    assert main([*home_arg, "strip", str(jpg), "--out-dir", str(neutral)]) == 0
    assert sorted(p.name for p in neutral.iterdir()) == ["foto-001.jpg", "foto-002.jpg", "foto-003.jpg"]


def test_strip_out_dir_names_carry_no_capture_time_or_name(tmp_path: Path, home_arg: list[str]) -> None:
    phone = factory.make_photo(tmp_path / "PXL_20240501_131415.jpg", gps=True)
    named = factory.make_photo(tmp_path / "Kari Nordmann.jpg", seed=2)
    out_dir = tmp_path / "til pressen"
    assert main([*home_arg, "strip", str(phone), str(named), "--out-dir", str(out_dir)]) == 0
    names = sorted(p.name for p in out_dir.iterdir())
    assert names == ["foto-001.jpg", "foto-002.jpg"]
    assert not any("2024" in n or "Kari" in n for n in names)
