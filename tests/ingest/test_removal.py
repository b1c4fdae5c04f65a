"""Taking photos out of the archive: the original is moved (never deleted) with a note, the catalog
forgets it, the audit log keeps it; photos in a set are kept; a failed catalog write changes nothing."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import factory
import pytest
from sqlalchemy.exc import OperationalError

from photoarchive.catalog import Catalog
from photoarchive.cli import main
from photoarchive.errors import PhotoarchiveError
from photoarchive.ingest.pipeline import Ingestor, Outcome, SourceFile
from photoarchive.ingest.removal import NOTE_SUFFIX, remove_photos
from photoarchive.media.thumbnails import ThumbSize, thumbnail_path
from photoarchive.settings import Settings


@pytest.fixture
def catalog(home):
    cat = Catalog.for_home(home)
    yield cat
    cat.close()


@pytest.fixture
def archived(home, catalog, tmp_path):
    """archived(name, **photo options) -> (photo id, the bytes that were dropped)"""
    ingestor = Ingestor(home, Settings(), catalog, find_faces=False)
    inbox = tmp_path / "innboks"
    inbox.mkdir(exist_ok=True)
    seeds = iter(range(1000))

    def make(name: str, **options):
        path = factory.make_photo(inbox / name, seed=next(seeds), **options)
        data = path.read_bytes()
        result = ingestor.ingest(SourceFile.under(path, inbox), remove_source=True)
        assert result.outcome is Outcome.ARCHIVED, result.describe()
        return result.photo_id, data

    return make


def test_a_removed_photo_is_moved_with_a_note_and_leaves_the_catalog(home, catalog, archived):
    photo_id, data = archived("Privat bilde æøå.jpg", gps=True, iptc={"caption": "Feil bilde i innboksen"})
    keep_id, _ = archived("Pressebilde.jpg")
    record = catalog.photos.get(photo_id)
    original = home.originals / record.archive_path

    (result,) = remove_photos(
        home, catalog, [photo_id], reason="Privat bilde lagt i feil mappe", actor="kari"
    )

    assert result.done and result.original_name == "Privat bilde æøå.jpg"
    moved = home.removed / result.removed_to
    assert not original.exists()
    assert moved.read_bytes() == data  # the very bytes that were dropped, nothing lost
    note = moved.with_name(moved.name + NOTE_SUFFIX).read_text(encoding="utf-8")
    assert "kari" in note and "Privat bilde lagt i feil mappe" in note
    held = json.loads(note[note.index("{") :])
    assert held["photo"]["sha256"] == hashlib.sha256(data).hexdigest()
    assert held["photo"]["caption"] == "Feil bilde i innboksen"
    assert [e["kind"] for e in held["history"]] == ["ingested"]

    assert catalog.photos.get(photo_id) is None
    assert catalog.photos.ids() == [keep_id]
    assert not thumbnail_path(home.thumbnails, record.sha256, ThumbSize.GRID).exists()
    (entry,) = [e for e in catalog.sets.audit_entries() if e.action == "remove_photo"]
    assert (entry.actor, entry.target_kind, entry.target_id) == ("kari", "photo", photo_id)
    assert entry.detail["reason"] == "Privat bilde lagt i feil mappe"
    assert entry.detail["sha256"] == record.sha256 and entry.detail["removed_to"] == result.removed_to


def test_a_removed_photo_can_be_dropped_in_again(home, catalog, archived, tmp_path):
    photo_id, data = archived("IMG_0001.jpg")
    remove_photos(home, catalog, [photo_id], reason="feil", actor="kari")
    again = tmp_path / "igjen" / "IMG_0001.jpg"
    again.parent.mkdir()
    again.write_bytes(data)
    result = Ingestor(home, Settings(), catalog, find_faces=False).ingest(
        SourceFile.under(again, again.parent), remove_source=False
    )
    assert result.outcome is Outcome.ARCHIVED  # no longer a duplicate of anything


def test_same_name_removed_twice_a_day_keeps_both(home, catalog, archived):
    first, _ = archived("IMG_0001.jpg")
    (a,) = remove_photos(home, catalog, [first], reason="feil", actor="kari")
    second, _ = archived("IMG_0001.jpg", size=(300, 200))
    (b,) = remove_photos(home, catalog, [second], reason="feil igjen", actor="kari")
    assert a.removed_to != b.removed_to and b.removed_to.endswith("IMG_0001 (2).jpg")
    assert (home.removed / a.removed_to).exists() and (home.removed / b.removed_to).exists()


def test_a_photo_in_a_set_is_kept(home, catalog, archived):
    photo_id, _ = archived("IMG_0002.jpg")
    other_id, _ = archived("IMG_0003.jpg")
    photo_set = catalog.sets.create("Trafikkulykke E18")
    catalog.sets.add_photos(photo_set.id, [photo_id])
    record = catalog.photos.get(photo_id)

    kept, removed = remove_photos(home, catalog, [photo_id, other_id], reason="rydding", actor="kari")

    assert not kept.done and "Trafikkulykke E18" in kept.refused
    assert (home.originals / record.archive_path).exists() and catalog.photos.get(photo_id) is not None
    assert removed.done and catalog.photos.get(other_id) is None  # the others still go


def test_a_reason_is_required_and_unknown_ids_are_reported(home, catalog, archived):
    photo_id, _ = archived("IMG_0004.jpg")
    with pytest.raises(PhotoarchiveError, match="Say why"):
        remove_photos(home, catalog, [photo_id], reason="  ", actor="kari")
    assert catalog.photos.get(photo_id) is not None
    (unknown,) = remove_photos(home, catalog, [9999], reason="feil", actor="kari")
    assert not unknown.done and "no such photo" in unknown.refused


def test_a_failed_catalog_write_puts_the_original_back(home, catalog, archived, monkeypatch):
    photo_id, data = archived("IMG_0005.jpg")
    original = home.originals / catalog.photos.get(photo_id).archive_path

    def locked(*_args, **_kwargs):
        raise OperationalError("DELETE", {}, Exception("database is locked"))

    monkeypatch.setattr(catalog.photos, "withdraw", locked)
    with pytest.raises(OperationalError):
        remove_photos(home, catalog, [photo_id], reason="feil", actor="kari")
    assert original.read_bytes() == data
    assert catalog.photos.get(photo_id) is not None
    assert not any(p.is_file() for p in home.removed.rglob("*"))  # no file or note left behind


def test_remove_command(home, tmp_path, capsys):
    inbox = tmp_path / "innboks"
    inbox.mkdir()
    factory.make_photo(inbox / "a.jpg")
    factory.make_photo(inbox / "b.jpg", seed=2)
    assert main(["--home", str(home.root), "ingest", str(inbox), "--no-faces"]) == 0
    capsys.readouterr()
    ids = Catalog.for_home(home).photos.ids()

    code = main(["remove", "--home", str(home.root), str(ids[0]), "--reason", "Feil bilde"])
    out, err = capsys.readouterr()
    assert code == 0 and "removed to removed/" in out

    code = main(["remove", "--home", str(home.root), str(ids[0]), str(ids[1]), "--reason", "Feil"])
    out, err = capsys.readouterr()
    assert code == 1 and "no such photo" in err and "removed to" in out


def test_missing_original_still_leaves_the_catalog_with_a_note(home, catalog, archived):
    photo_id, _ = archived("IMG_0006.jpg")
    original = home.originals / catalog.photos.get(photo_id).archive_path
    original.chmod(0o644)
    original.unlink()  # someone deleted it by hand
    (result,) = remove_photos(home, catalog, [photo_id], reason="borte", actor="kari")
    assert result.done and result.removed_to == ""
    assert catalog.photos.get(photo_id) is None
    notes = list(home.removed.rglob(f"*{NOTE_SUFFIX}"))
    assert len(notes) == 1 and "already missing" in notes[0].read_text(encoding="utf-8")


def test_removed_folder_keeps_a_path_layout_by_day(home, catalog, archived):
    photo_id, _ = archived("IMG_0007.jpg")
    (result,) = remove_photos(home, catalog, [photo_id], reason="feil", actor="kari")
    day, name = Path(result.removed_to).parts
    assert len(day) == 10 and day[4] == "-" and name == "IMG_0007.jpg"


def test_a_photo_still_published_by_an_approved_set_is_kept(home, catalog, archived):
    """Taken out of an approved set, a photo is still what the approved version publishes on Flickr."""
    from photoarchive.sets.service import SetService

    photo_id, _ = archived("IMG_0008.jpg")
    other_id, _ = archived("IMG_0009.jpg")
    service = SetService(catalog, clean_check=lambda _photo: None, actor="kari")
    photo_set = service.create("Etterlysning")
    service.add(photo_set.id, [photo_id, other_id])
    SetService(catalog, clean_check=lambda _photo: None, actor="ola").submit(photo_set.id)  # four eyes
    service.approve(photo_set.id)
    service.remove(photo_set.id, [photo_id])  # changed since approval; the approved version still has it

    (kept,) = remove_photos(home, catalog, [photo_id], reason="feil", actor="kari")
    assert not kept.done and "approved version" in kept.refused and "Etterlysning" in kept.refused
    assert catalog.photos.get(photo_id) is not None

    service.approve(photo_set.id)  # approved again without it
    (removed,) = remove_photos(home, catalog, [photo_id], reason="feil", actor="kari")
    assert removed.done


def test_an_original_that_cannot_be_moved_is_kept_with_a_clear_reason(home, catalog, archived, monkeypatch):
    """On Windows a file open in another program cannot be moved; the photo stays, nothing half done."""
    import os as os_module

    photo_id, data = archived("IMG_0010.jpg")
    original = home.originals / catalog.photos.get(photo_id).archive_path
    real_replace = os_module.replace

    def refuse(src, dst):
        if Path(src) == original:
            raise PermissionError(13, "The process cannot access the file because it is being used")
        return real_replace(src, dst)

    monkeypatch.setattr("photoarchive.ingest.removal.os.replace", refuse)
    (kept,) = remove_photos(home, catalog, [photo_id], reason="feil", actor="kari")
    assert not kept.done and "could not be moved" in kept.refused and "being used" in kept.refused
    assert original.read_bytes() == data and catalog.photos.get(photo_id) is not None
    assert not any(p.is_file() for p in home.removed.rglob("*"))
