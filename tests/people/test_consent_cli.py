"""`photoarchive consent …` as the office types it: record, withdraw, list, report with CSV."""

from __future__ import annotations

import csv
import json

from photoarchive.cli import main


def run(capsys, home, *argv):
    code = main(["--home", str(home.root), *[str(a) for a in argv]])
    out, err = capsys.readouterr()
    return code, out, err


def test_record_list_and_report_a_published_colleague(
    home, catalog, emulator, signed_in, make_photos, approve_set, make_syncer, capsys, tmp_path
):
    ids = make_photos(2)
    code, out, err = run(capsys, home, "consent", "add-person", "Kari Nordmann", "--employee-id", "A123")
    assert code == 0, err
    assert run(capsys, home, "consent", "link", "A123", *ids)[0] == 0
    scan = tmp_path / "samtykke.txt"
    scan.write_text("Jeg samtykker til publisering på Flickr.", encoding="utf-8")
    code, out, err = run(
        capsys, home, "consent", "set", "A123", "--status", "given", "--uses", "flickr,internal",
        "--expires", "2030-01-01", "--document", scan,
    )  # fmt: skip
    assert code == 0, err
    assert "given for flickr, internal, until 2030-01-01" in out
    approve_set("Nye kolleger", ids, visibility="public")
    make_syncer().run()

    code, out, _ = run(capsys, home, "consent", "list", "--json")
    [kari] = json.loads(out)
    assert (kari["consent"], kari["flickr"], kari["press"]) == ("given", "ok", "use_not_given")
    assert sorted(kari["published"]) == ids and code == 0

    code, out, _ = run(capsys, home, "consent", "withdraw", "Kari Nordmann")
    assert code == 0 and "2 published photo(s) come off Flickr at the next sync" in out
    code, out, _ = run(capsys, home, "consent", "report")
    assert code == 1 and "the next sync takes these down" in out  # still published: attention

    make_syncer().run()
    report_csv = tmp_path / "samtykke æøå.csv"
    code, out, _ = run(capsys, home, "consent", "report", "--csv", report_csv)
    assert code == 0
    assert out.count("taken down: photo") == 2
    with report_csv.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["photo_id"] for r in rows] == [str(i) for i in ids]
    assert all(
        r["consent"] == "withdrawn" and r["published_now"] == "no" and r["taken_down_at"] for r in rows
    )
    assert all(r["taken_down_how"] == "private" for r in rows)


def test_only_editors_record_consent_from_the_command_line(home, settings, capsys):
    settings.sets.approvers = ["someone-else"]
    settings.save(home)
    assert run(capsys, home, "consent", "add-person", "Per Ås")[0] == 0
    code, _out, err = run(capsys, home, "consent", "set", "Per Ås", "--status", "given", "--uses", "flickr")
    assert code == 2 and "Only editors (someone-else) may change consent" in err
    code, out, _ = run(capsys, home, "consent", "expiring")
    assert code == 0 and "No consent ends within 30 days." in out
