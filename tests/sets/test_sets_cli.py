"""`photoarchive set …` and `photoarchive audit` end to end, in-process."""

from __future__ import annotations

import csv
import json

import pytest

from photoarchive.cli import main


@pytest.fixture
def run(home, capsys):
    def run(*argv: str) -> tuple[int, str, str]:
        code = main(["--home", str(home.root), *argv])
        out, err = capsys.readouterr()
        return code, out, err

    return run


@pytest.fixture
def clean_gate(monkeypatch):
    """Approval's privacy gates without real originals: every photo counts as clean, and its privacy
    state is what ingest recorded."""
    from photoarchive.privacy_state import decide
    from photoarchive.sets import service
    from photoarchive.sets.publishing import CleanCopies

    monkeypatch.setattr(CleanCopies, "problem", lambda self, photo: None)
    monkeypatch.setattr(service, "check_original", lambda _path, kinds: decide(kinds))


def submit_as(catalog, ref, actor: str = "ola") -> None:
    """Another person submits the set (on another desk), so that this one may approve it."""
    from photoarchive.sets.service import SetService

    SetService(catalog, clean_check=lambda _p: None, actor=actor).submit(ref)


def test_set_commands(run, catalog, photo_ids, add_photo, clean_gate, tmp_path):
    code, out, _ = run(
        "set", "create", "Ulykke på E6", "--visibility", "public", "--licence", "4", "--tag", "politiet"
    )
    assert code == 0 and "Created set 1" in out
    assert run("set", "add", "Ulykke på E6", *map(str, photo_ids[:2]))[0] == 0
    code, out, _ = run("set", "show", "1", "--json")
    shown = json.loads(out)
    assert shown["photo_ids"] == photo_ids[:2] and shown["state"] == "draft" and shown["tags"] == ["politiet"]

    code, _, err = run("set", "approve", "1")
    assert code == 2 and "submit" in err
    submit_as(catalog, 1)

    case_id = add_photo("sak.jpg", case=True)
    run("set", "add", "1", str(case_id))
    code, _, err = run("set", "approve", "1")
    assert code == 2 and "sak.jpg is a case photo" in err
    code, _, err = run("set", "approve", "1", "--override-reason", "Etterlysning")
    assert code == 2 and "redaction" in err  # the override still needs the redaction reviewed
    assert run("redact", str(case_id), "--nothing-to-redact")[0] == 0
    code, out, _ = run("set", "approve", "1", "--override-reason", "Etterlysning")
    assert code == 0 and "Approved" in out
    # What approval went ahead with, said by photo name: no caption, no byline of their own.
    assert "warning: The album has no description." in out
    assert "warning: sak.jpg has no caption or headline." in out

    run("set", "remove", "1", str(photo_ids[0]))
    code, out, _ = run("set", "list")
    assert "changed since approval" in out and "Ulykke på E6" in out
    listed = json.loads(run("set", "list", "--json")[1])
    assert listed[0]["changed_since_approval"] is True
    assert listed[0]["approved_photo_ids"] == [*photo_ids[:2], case_id]

    assert run("set", "revoke", "Ulykke på E6")[0] == 0
    assert run("set", "show", "404")[0] == 2

    code, out, _ = run("audit", "--json")
    entries = json.loads(out)
    assert [e["action"] for e in entries] == ["create", "submit", "approve", "override", "override", "revoke"]
    assert all(e["actor"] for e in entries)
    assert entries[1]["actor"] == "ola" and entries[2]["actor"] != "ola"

    csv_path = tmp_path / "revisjon æøå.csv"
    code, out, _ = run("audit", "--csv", str(csv_path))
    assert code == 0
    with csv_path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["action"] for r in rows] == [e["action"] for e in entries]
    assert json.loads(rows[3]["detail"])["reason"] == "Etterlysning"
    code, out, _ = run("audit")
    assert "override" in out and "revoke" in out


def test_bad_values_are_refused_with_a_message(run, tmp_path):
    code, _, err = run("set", "create", "X", "--licence", "42")
    assert code == 2 and "no licence 42" in err
    assert run("set", "create", "X", "--licence", "11")[0] == 0
    code, _, err = run("set", "edit", "X", "--licence", "99")
    assert code == 2 and "no licence 99" in err
    code, _, err = run("audit", "--csv", str(tmp_path / "missing folder" / "a.csv"))
    assert code == 2 and "cannot be written" in err


def test_the_person_who_submitted_a_set_cannot_approve_it(run, catalog, photo_ids, clean_gate):
    run("set", "create", "Egen sak")
    run("set", "add", "1", str(photo_ids[0]))
    assert run("set", "submit", "1")[0] == 0
    code, _, err = run("set", "approve", "1")
    # Named as the catalog knows them: the OS account on SQLite, the server's login on PostgreSQL.
    assert code == 2 and f"You ({catalog.actor}) submitted this set" in err
    assert json.loads(run("set", "show", "1", "--json")[1])["state"] == "submitted"


def test_an_empty_set_cannot_be_submitted(run):
    run("set", "create", "Tom")
    code, _, err = run("set", "submit", "1")
    assert code == 2 and "add photos before submitting" in err


def test_a_photo_that_may_be_a_case_photo_is_named_with_how_to_decide(run, catalog, add_photo, clean_gate):
    from photoarchive.catalog.photos import Category, CategorySuggestion

    maybe = add_photo(
        "Ransaking_Bodø_åsted.jpg",
        source_path="2026-123456/Ransaking_Bodø_åsted.jpg",
        suggestions=[CategorySuggestion(Category.CASE, "folder")],
    )
    run("set", "create", "Innbrudd", "--visibility", "friends")
    run("set", "add", "1", str(maybe))
    submit_as(catalog, 1)
    code, out, _ = run("set", "check", "1")
    assert code == 1 and "Ransaking_Bodø_åsted.jpg: personal data found" not in out
    assert "refused: Ransaking_Bodø_åsted.jpg may be a case photo" in out
    checked = json.loads(run("set", "check", "1", "--json")[1])
    assert checked["may_approve"] is False and checked["refusals"][0]["code"] == "case_undecided"
    assert checked["photos"][0]["case"] == "undecided" and checked["photos"][0]["privacy"] == "clean"
    code, _, err = run("set", "approve", "1", "--override-reason", "trengs ikke")
    assert code == 2 and "Ransaking_Bodø_åsted.jpg may be a case photo" in err
    assert f"photoarchive tag {maybe} --confirm case" in err
    assert run("tag", str(maybe), "--reject", "case")[0] == 0
    code, out, _ = run("set", "check", "1")
    assert code == 0 and "May be approved." in out
    assert "warning: Ransaking_Bodø_åsted.jpg has no caption or headline." in out
    assert run("set", "approve", "1")[0] == 0


def test_set_check_names_a_redaction_edited_after_approval(run, catalog, add_photo, clean_gate):
    """A region added to an approved set's case photo is a change like a caption edit: `set check`,
    `set show` and `set list --json` name it, and approving again is offered."""
    case_id = add_photo("sak.jpg", case=True, caption="Bilen etter ulykken")
    run("set", "create", "Ulykke på E6", "--visibility", "public", "--description", "Vitner søkes")
    run("set", "add", "1", str(case_id))
    submit_as(catalog, 1)
    assert run("redact", str(case_id), "--nothing-to-redact")[0] == 0
    assert run("set", "approve", "1", "--override-reason", "Etterlysning")[0] == 0
    code, out, _ = run("set", "check", "1", "--override-reason", "Etterlysning")
    assert "changed since approval" not in out

    assert run("redact", str(case_id), "--add", "0.1,0.1,0.2,0.2")[0] == 0
    code, out, _ = run("set", "check", "1", "--override-reason", "Etterlysning")
    assert "approved (changed since approval: the redaction of sak.jpg)" in out
    # The new region is not reviewed yet: that refuses the new approval until someone looks.
    assert code == 1 and "redaction" in out
    code, out, _ = run("set", "show", "1")
    assert "changed since approval: the redaction of sak.jpg" in out
    listed = json.loads(run("set", "list", "--json")[1])
    assert listed[0]["changes"] == [{"kind": "redaction", "photo_id": case_id, "name": "sak.jpg"}]

    assert run("redact", str(case_id), "--confirm")[0] == 0
    code, out, _ = run("set", "check", "1", "--override-reason", "Etterlysning")
    assert code == 0 and "May be approved." in out
    assert run("set", "approve", "1", "--override-reason", "Etterlysning")[0] == 0
    code, out, _ = run("set", "show", "1")
    assert "changed since approval" not in out
