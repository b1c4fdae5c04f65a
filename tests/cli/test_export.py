"""`photoarchive export`: clean, press-stamped copies of catalog photos; the original never changes."""

from __future__ import annotations

import hashlib
import json

import factory
from PIL import Image

from photoarchive.catalog import Catalog
from photoarchive.cli import main
from photoarchive.privacy import scan
from photoarchive.publish import press_fields_for
from photoarchive.settings import Settings


def _clean(home, photo_id, copy) -> bool:
    """Nothing found but the press stamp the app itself wrote from the catalog and settings."""
    record = Catalog.for_home(home).photos.get(photo_id)
    return scan(copy, expected=press_fields_for(record, Settings.load(home))).clean


def _ingest_one(home, tmp_path, capsys, **kw):
    source = factory.make_photo(
        tmp_path / "Pressebilde.jpg",
        gps=True,
        serial=True,
        owner=True,
        thumbnail=True,
        comment="Kari sin kamera",
        **kw,
    )
    assert main(["--home", str(home.root), "ingest", str(source), "--no-faces"]) == 0
    capsys.readouterr()
    assert main(["--home", str(home.root), "list", "--json"]) == 0
    return json.loads(capsys.readouterr().out)[0]


def test_export_writes_a_clean_stamped_copy_and_leaves_the_original(home, tmp_path, capsys):
    photo = _ingest_one(home, tmp_path, capsys, size=(1200, 900))
    original = home.originals / photo["archive_path"]
    before = hashlib.sha256(original.read_bytes()).hexdigest()
    main(
        [
            "--home",
            str(home.root),
            "tag",
            str(photo["id"]),
            "--caption",
            "Politiet på åstedet «i natt»",
            "--keywords",
            "politi, Ørsta",
        ]
    )
    out = tmp_path / "til journalist"
    code = main(["--home", str(home.root), "export", str(photo["id"]), "--to", str(out)])
    printed = capsys.readouterr()
    assert code == 0, printed.err
    (copy,) = out.iterdir()
    assert _clean(home, photo["id"], copy)
    data = copy.read_bytes()
    for secret in (factory.BODY_SERIAL, factory.OWNER_NAME, "Kari sin kamera"):
        assert secret.encode() not in data
    assert "Politiet på åstedet «i natt»".encode() in data  # caption, from the catalog
    assert b"Politiet" in data  # default byline from settings
    with Image.open(copy) as a, Image.open(original) as b:
        assert a.size == b.size and a.tobytes() == b.tobytes()
    assert hashlib.sha256(original.read_bytes()).hexdigest() == before


def test_export_web_size_and_unknown_ids(home, tmp_path, capsys):
    photo = _ingest_one(home, tmp_path, capsys, size=(2400, 1600))
    out = tmp_path / "web"
    code = main(
        ["--home", str(home.root), "export", str(photo["id"]), "4242", "--to", str(out), "--max-size", "800"]
    )
    printed = capsys.readouterr()
    assert code == 2
    assert "4242" in printed.err and "no such photo" in printed.err
    (copy,) = out.iterdir()
    with Image.open(copy) as im:
        assert max(im.size) == 800
    assert _clean(home, photo["id"], copy)


def test_a_photo_whose_privacy_scan_failed_at_ingest_is_never_exported(home, tmp_path, capsys, monkeypatch):
    """Issue 10: the catalog recorded `unreadable_metadata`, and the copy still went out as if clean."""
    import photoarchive.privacy
    from photoarchive.privacy.errors import PrivacyError

    def failing_scan(path, **_kw):
        raise PrivacyError(f"{path.name} is damaged: the EXIF block cannot be read")

    with monkeypatch.context() as patched:
        patched.setattr(photoarchive.privacy, "scan", failing_scan)
        photo = _ingest_one(home, tmp_path, capsys)
    assert photo["privacy_findings"] == ["unreadable_metadata"]
    assert main(["--home", str(home.root), "show", str(photo["id"])]) == 0
    assert "personal data: could not be checked (the scan at ingest failed)" in capsys.readouterr().out

    out = tmp_path / "til journalist"
    code = main(["--home", str(home.root), "export", str(photo["id"]), "--to", str(out)])
    printed = capsys.readouterr()
    assert code == 2
    assert "could not be checked for personal data" in printed.err
    assert "metadata could not be read when it was archived" in printed.err
    assert not out.exists() or not list(out.iterdir())
