"""Regions kept in the catalog, the face search, the review rule, the clean-copy identity and the CLI."""

from __future__ import annotations

import json

import pytest

from photoarchive.catalog.photos import Category
from photoarchive.cli import main
from photoarchive.redaction import (
    Fill,
    RedactionError,
    RedactionService,
    Region,
    ReviewState,
    public_set_problems,
    review_needed,
)
from photoarchive.redaction.model import InvalidRegion, parse_box
from photoarchive.sets.model import PhotoContent
from photoarchive.sets.publishing import CleanCopies
from photoarchive.settings import Settings


def _run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_case_photo_needs_review_until_confirmed_and_again_after_a_change(home, catalog, archive) -> None:
    pid = archive("bil.jpg", folder="2026-123456")
    assert catalog.photos.get(pid).has_category(Category.CASE)
    service = RedactionService(catalog, home)
    assert review_needed(catalog, home, pid)
    rid = service.add(pid, (0.1, 0.1, 0.2, 0.1), "kari")
    with pytest.raises(RedactionError):
        service.nothing_to_redact(pid, "kari")
    review = service.confirm(pid, "ola")
    assert review.state is ReviewState.CONFIRMED and review.actor == "ola"
    assert all(r.confirmed_by == "ola" for r in service.regions(pid))
    assert not review_needed(catalog, home, pid)
    service.move(rid, (0.15, 0.1, 0.2, 0.1), "kari")
    assert review_needed(catalog, home, pid)  # the regions the review saw are not the ones now
    assert service.regions(pid)[0].confirmed_by == ""
    kinds = [e.kind for e in catalog.events.for_photo(pid)]
    assert "redaction_reviewed" in kinds and "redaction_changed" in kinds


def test_nothing_to_redact_and_non_case_photos(home, catalog, archive) -> None:
    case = archive("tom.jpg", folder="2026-654321")
    plain = archive("vanlig.jpg", seed=7)
    service = RedactionService(catalog, home)
    assert not review_needed(catalog, home, plain)
    review = service.nothing_to_redact(case, "kari")
    assert review.state is ReviewState.NOTHING
    assert not review_needed(catalog, home, case)
    assert public_set_problems(catalog, home, [case, plain], public=True) == []
    service.add(case, (0.5, 0.5, 0.1, 0.1), "kari")
    assert public_set_problems(catalog, home, [case, plain], public=True) == [case]
    assert public_set_problems(catalog, home, [case, plain], public=False) == []


def test_detect_suggests_padded_face_regions_once(home, catalog, archive) -> None:
    pid = archive("vitne.jpg", folder="2026-1", size=(1200, 800), pattern="group")
    service = RedactionService(catalog, home)
    found = service.detect(pid)
    assert len(found) == 3
    assert all(r.kind == "face" and r.fill is Fill.MOSAIC and r.source == "detector" for r in found)
    assert service.detect(pid) == []  # the same faces are not suggested twice
    assert len(service.regions(pid)) == 3


def test_replace_all_keeps_unchanged_regions_and_their_confirmation(home, catalog, archive) -> None:
    pid = archive("x.jpg", folder="2026-2")
    service = RedactionService(catalog, home)
    a = service.add(pid, (0.1, 0.1, 0.1, 0.1), "kari")
    service.add(pid, (0.5, 0.5, 0.1, 0.1), "kari")
    service.confirm(pid, "ola")
    kept, gone = service.regions(pid)
    service.replace_all(pid, [kept, Region(0.7, 0.7, 0.2, 0.2)], "kari")
    now = service.regions(pid)
    assert [r.id for r in now][0] == a and now[0].confirmed_by == "ola"
    assert len(now) == 2 and (gone.x, gone.y) not in {(r.x, r.y) for r in now}
    assert (now[1].x, now[1].y, now[1].confirmed_by) == (0.7, 0.7, "")


def test_changed_region_changes_the_clean_copy_identity(home, catalog, archive) -> None:
    pid = archive("y.jpg", folder="2026-3")
    record = catalog.photos.get(pid)
    content = PhotoContent(photo_id=pid, sha256=record.sha256, archive_path=record.archive_path)
    copies = CleanCopies(home, Settings())
    plain = copies.fingerprint(content)
    service = RedactionService(catalog, home)
    rid = service.add(pid, (0.2, 0.2, 0.2, 0.2), "kari")
    with_region = copies.fingerprint(content)
    assert with_region != plain
    service.set_fill(rid, Fill.MOSAIC, "kari")
    assert copies.fingerprint(content) != with_region
    path = copies.make(content)
    assert path.is_file() and path.name.startswith(copies.fingerprint(content))
    service.clear(pid, "kari")
    assert copies.fingerprint(content) == plain


def test_parse_box() -> None:
    assert parse_box("0.1, 0.2,0.3,0.4") == (0.1, 0.2, 0.3, 0.4)
    for bad in ("1,2", "0.9,0.1,0.2,0.2", "a,b,c,d", "0.1,0.1,0,0.1"):
        with pytest.raises(InvalidRegion):
            parse_box(bad)


def test_cli_add_list_confirm_clear_and_show(home, catalog, archive, capsys) -> None:
    pid = archive("z.jpg", folder="2026-444444")
    code, out, _ = _run(capsys, "--home", home.root, "redact", pid, "--add", "0.1,0.1,0.2,0.2", "--add", "0.5,0.5,0.3,0.2", "--fill", "mosaic")
    assert code == 0 and out.count("added") == 2
    code, out, _ = _run(capsys, "--home", home.root, "redact", pid, "--list")
    assert code == 1 and "2 region(s)" in out and "review needed" in out
    code, out, _ = _run(capsys, "--home", home.root, "redact", pid, "--confirm")
    assert code == 0
    code, out, _ = _run(capsys, "--home", home.root, "redact", pid, "--json")
    data = json.loads(out)
    assert code == 0 and data["review"]["state"] == "regions_confirmed" and len(data["regions"]) == 2
    assert data["regions"][0]["fill"] == "mosaic" and data["review_needed"] is False
    code, out, _ = _run(capsys, "--home", home.root, "show", pid)
    assert code == 0 and "2 region(s)" in out and "x=0.100" in out
    code, out, _ = _run(capsys, "--home", home.root, "show", pid, "--json")
    shown = json.loads(out)["redaction"]
    assert len(shown["regions"]) == 2 and shown["review"]["state"] == "regions_confirmed"
    code, out, _ = _run(capsys, "--home", home.root, "redact", pid, "--clear")
    assert code == 0 and "2 region(s) removed" in out
    code, out, _ = _run(capsys, "--home", home.root, "redact", pid, "--nothing-to-redact", "--list")
    assert code == 0 and "nothing_to_redact" in out
    code, out, err = _run(capsys, "--home", home.root, "redact", pid, "--add", "2,2,1,1")
    assert code == 2
    code, out, err = _run(capsys, "--home", home.root, "redact", 9999, "--list")
    assert code == 2 and "9999" in err


def test_cli_detect(home, archive, capsys) -> None:
    pid = archive("gruppe.jpg", folder="2026-5", size=(1200, 800), pattern="group")
    code, out, _ = _run(capsys, "--home", home.root, "redact", pid, "--detect")
    assert code == 0 and "3 face(s) suggested" in out  # the group picture pastes the real face three times


def test_unreviewed_case_photos_is_what_approval_asks(home, catalog, archive) -> None:
    from photoarchive.redaction import unreviewed_case_photos

    case = archive("a.jpg", folder="2026-888888")
    other = archive("b.jpg", seed=3)
    assert unreviewed_case_photos(catalog, [case, other]) == [case]
    service = RedactionService(catalog, home)
    rid = service.add(case, (0.1, 0.1, 0.3, 0.3), "kari")
    service.confirm(case, "ola")
    assert unreviewed_case_photos(catalog, [case, other]) == []
    service.set_fill(rid, Fill.MOSAIC, "kari")  # changed after the review: asked again
    assert unreviewed_case_photos(catalog, [case, other]) == [case]


def test_case_photos_are_searched_in_the_background_once(home, catalog, archive) -> None:
    import threading

    from photoarchive.redaction.background import BackgroundSuggester

    case = archive("vitner.jpg", folder="2026-999999", size=(1200, 800), pattern="group")
    archive("pressebilde.jpg", size=(1200, 800), pattern="group", seed=4)
    service = RedactionService(catalog, home)
    assert service.pending_searches() == [case]
    seen: list[tuple[int, int]] = []
    done = threading.Event()

    def suggested(photo_id: int, added: int) -> None:
        seen.append((photo_id, added))
        done.set()

    suggester = BackgroundSuggester(catalog, home, interval=0.05, on_suggested=suggested)
    suggester.start()
    try:
        assert done.wait(120)
    finally:
        suggester.stop()
    assert seen == [(case, 3)]
    assert service.pending_searches() == []
    assert len(service.regions(case)) == 3
    assert "redaction_searched" in [e.kind for e in catalog.events.for_photo(case)]


def test_cli_pending_searches_each_case_photo_once(home, archive, capsys) -> None:
    archive("en.jpg", folder="2026-111111", size=(1200, 800), pattern="group")
    code, out, _ = _run(capsys, "--home", home.root, "redact", "--pending")
    assert code == 0 and "3 face(s) suggested" in out and "1 case photo(s) searched" in out
    code, out, _ = _run(capsys, "--home", home.root, "redact", "--pending")
    assert code == 0 and "0 case photo(s) searched" in out
    assert _run(capsys, "--home", home.root, "redact")[0] == 2


def test_inspect_lists_the_regions_of_a_catalogued_original(home, catalog, archive, original_of, capsys, tmp_path) -> None:
    """`inspect` on an original in the archive also says what its published copies hide; any other
    file (here a copy outside originals/) is inspected as a plain file, without the catalog."""
    pid = archive("åsted.jpg", folder="2026-444444", gps=True)
    _run(capsys, "--home", home.root, "redact", pid, "--add", "0.1,0.1,0.2,0.2", "--fill", "mosaic")
    original = original_of(pid)
    code, out, _ = _run(capsys, "--home", home.root, "inspect", original)
    assert code == 1 and "GPS position: yes" in out  # the scan's findings, as before
    assert f"Photo {pid} in the archive: 1 redaction region(s)" in out and "mosaic" in out and "x=0.100" in out
    data = json.loads(_run(capsys, "--home", home.root, "inspect", original, "--json")[1])
    assert data["redaction"]["photo_id"] == pid and data["redaction"]["regions"][0]["fill"] == "mosaic"

    elsewhere = tmp_path / "kopi.jpg"
    elsewhere.write_bytes(original.read_bytes())
    code, out, _ = _run(capsys, "--home", home.root, "inspect", elsewhere)
    assert code == 1 and "redaction" not in out
    assert "redaction" not in json.loads(_run(capsys, "--home", home.root, "inspect", elsewhere, "--json")[1])
