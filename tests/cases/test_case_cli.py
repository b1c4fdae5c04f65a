"""`photoarchive case …` as the office types it: list, close, report with CSV, retention."""

from __future__ import annotations

import csv
import json

from photoarchive.cli import main

CASE = "2026-123456"


def run(capsys, home, *argv):
    code = main(["--home", str(home.root), *[str(a) for a in argv]])
    out, err = capsys.readouterr()
    return code, out, err


def test_close_a_case_and_see_none_of_its_photos_public(
    home, catalog, settings, emulator, signed_in, case_photos, set_service, make_syncer, capsys, tmp_path
):
    from photoarchive.sets.service import SetService

    ids = case_photos(2, CASE)
    s = set_service.create("Etterlyst bil", visibility="public")
    set_service.add(s.id, ids)
    SetService.for_home(catalog, home, settings, actor="ola").submit(s.id)
    set_service.approve(s.id, override_reason="Etterlysning")
    make_syncer().run()

    assert run(capsys, home, "case", "title", CASE, "Stjålet bil, Årnes")[0] == 0
    code, out, _ = run(capsys, home, "case", "list", "--json")
    [case] = json.loads(out)
    assert (case["state"], sorted(case["public"]), case["title"]) == ("open", ids, "Stjålet bil, Årnes")

    code, out, err = run(capsys, home, "case", "close", CASE)
    assert code == 0, err
    assert "2 public photo(s) come off Flickr at the next sync" in out
    assert run(capsys, home, "case", "report", CASE)[0] == 1  # closed and still public: attention

    make_syncer().run()
    report_csv = tmp_path / "saker.csv"
    code, out, _ = run(capsys, home, "case", "report", CASE, "--csv", report_csv)
    assert code == 0 and "public on Flickr: none" in out
    with report_csv.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["photo_id"], r["public_now"], r["state"]) for r in rows] == [
        (str(i), "no", "closed") for i in ids
    ]
    assert all(r["taken_down_at"] for r in rows)

    # No retention period configured: nobody is asked, nothing is deleted.
    code, out, _ = run(capsys, home, "case", "retention")
    assert code == 0 and "No case photos wait" in out
    code, out, _ = run(capsys, home, "case", "keep", CASE, ids[0], "--reason", "Kan gjenopptas")
    assert code == 0
    code, out, _ = run(capsys, home, "case", "retention", "--all")
    assert "keep (Kan gjenopptas" in out
