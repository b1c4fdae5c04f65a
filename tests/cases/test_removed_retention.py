"""Retention of removed/ itself: after `[retention] removed_days` an editor may delete a removed photo
for good; a short note of which file it was stays, the catalog record's copy goes."""

from __future__ import annotations

from datetime import date, timedelta

import pytest


def test_removed_photos_are_deleted_for_good_only_after_their_time(catalog, home, settings, make_photos):
    from photoarchive.cases.service import CaseService
    from photoarchive.ingest.removal import remove_photos
    from photoarchive.people.editors import NotAnEditor

    [photo] = make_photos(1)
    sha = catalog.photos.get(photo).sha256
    [removal] = remove_photos(home, catalog, [photo], reason="Feil fil", actor="kari")
    assert removal.done
    removed_on = date.fromisoformat(removal.removed_to.split("/")[0])
    day = {"today": removed_on + timedelta(days=29)}
    settings.retention.removed_days = 30
    settings.sets.approvers = ["kari"]

    def service(actor: str) -> CaseService:
        return CaseService.for_home(catalog, home, settings, actor=actor, today=lambda: day["today"])

    editor = service("kari")
    assert editor.removed_due() == []
    [refused] = editor.purge_removed([removal.removed_to], "Oppbevaringstiden er ute")
    assert not refused.done and (home.removed / removal.removed_to).exists()

    day["today"] = removed_on + timedelta(days=30)
    [waiting] = editor.removed_due()
    assert (waiting.relative, waiting.photo_id) == (removal.removed_to, photo)
    with pytest.raises(NotAnEditor):
        service("ola").purge_removed([removal.removed_to], "Oppbevaringstiden er ute")

    [purged] = editor.purge_removed([removal.removed_to], "Oppbevaringstiden er ute")
    assert purged.done
    gone = home.removed / removal.removed_to
    assert not gone.exists()
    assert not gone.with_name(gone.name + ".removed.txt").exists()  # it held the catalog record
    left = gone.with_name(gone.name + ".deleted.txt").read_text(encoding="utf-8")
    assert sha in left and "Oppbevaringstiden er ute" in left and "kari" in left
    [entry] = [e for e in catalog.sets.audit_entries() if e.action == "purge_removed"]
    assert (entry.target_id, entry.detail["sha256"]) == (photo, sha)
    assert editor.removed_due() == []


def test_removed_photos_are_kept_for_good_by_default(catalog, home, settings, make_photos):
    from photoarchive.cases.service import CaseService
    from photoarchive.ingest.removal import remove_photos

    [photo] = make_photos(1)
    [removal] = remove_photos(home, catalog, [photo], reason="Feil fil", actor="kari")
    cases = CaseService.for_home(catalog, home, settings, actor="kari", today=lambda: date(2199, 1, 1))
    assert cases.removed_due() == []
    [refused] = cases.purge_removed([removal.removed_to], "x")
    assert not refused.done and (home.removed / removal.removed_to).exists()


def test_removed_and_purge_from_the_command_line(catalog, home, settings, make_photos, capsys):
    from photoarchive.cli import main
    from photoarchive.ingest.removal import remove_photos

    [photo] = make_photos(1)
    [removal] = remove_photos(home, catalog, [photo], reason="Feil fil", actor="kari")
    assert main(["--home", str(home.root), "case", "removed", "--all"]) == 0
    assert f"{removal.removed_to}  (photo {photo}," in capsys.readouterr().out
    assert main(["--home", str(home.root), "case", "purge", removal.removed_to, "--reason", "x"]) == 1
    assert "kept" in capsys.readouterr().out
    assert (home.removed / removal.removed_to).exists()
