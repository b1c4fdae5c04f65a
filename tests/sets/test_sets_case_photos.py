"""Issue 10's scenario through the real ingest: photos dropped into a case folder, or named like a case,
never reach a public (or friends/family) album without a person's decision."""

from __future__ import annotations

import pytest
from factory import make_photo

from photoarchive.catalog.photos import Category, CategoryState
from photoarchive.sets.errors import ApprovalRefused
from photoarchive.sets.model import SetState
from photoarchive.sets.notices import Code
from photoarchive.sets.service import SetService
from photoarchive.settings import Settings


@pytest.fixture
def dropped(home, catalog):
    """Drop files into the inbox (sub-folders as given) and archive them; returns {file name: photo id}."""
    from photoarchive.ingest.pipeline import Ingestor, Outcome, SourceFile

    ingestor = Ingestor(home, Settings(), catalog, find_faces=False)
    inbox = home.default_inbox

    def drop(*relative: str) -> dict[str, int]:
        ids = {}
        for seed, rel in enumerate(relative):
            path = inbox / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            make_photo(path, seed=seed, gps=True)
            result = ingestor.ingest(SourceFile.under(path, inbox), remove_source=True)
            assert result.outcome is Outcome.ARCHIVED, result.describe()
            ids[path.name] = result.photo_id
        return ids

    return drop


def test_case_folder_and_case_named_files_block_a_public_set_until_decided(home, catalog, dropped):
    ids = dropped(
        "2026-123456/IMG_0001.jpg",
        "2026-123456/IMG_0002.jpg",
        "2026-123456/Ransaking_Bodø_åsted.jpg",
        "Ransaking_Bodø_åsted_2.jpg",
        "Pressekonferanse.jpg",
    )
    records = {r.original_name: r for r in catalog.photos.get_many(list(ids.values()))}
    # Ingest suggests "case" for the case folder, and for case words in a name outside one.
    assert records["IMG_0001.jpg"].categories[Category.CASE].source == "folder"
    assert records["Ransaking_Bodø_åsted_2.jpg"].categories[Category.CASE].source == "words"
    assert Category.CASE not in records["Pressekonferanse.jpg"].categories

    settings = Settings()
    staff = SetService.for_home(catalog, home, settings, actor="ola")
    editor = SetService.for_home(catalog, home, settings, actor="kari")
    s = staff.create("Innbrudd i Bodø", visibility="public", description="Politiet etterlyser vitner")
    staff.add(s.id, list(ids.values()))
    staff.submit(s.id)

    with pytest.raises(ApprovalRefused) as refused:
        editor.approve(s.id, override_reason="Etterlysning")
    undecided = [r.name for r in refused.value.refusals if r.code is Code.CASE_UNDECIDED]
    assert undecided == [
        "IMG_0001.jpg",
        "IMG_0002.jpg",
        "Ransaking_Bodø_åsted.jpg",
        "Ransaking_Bodø_åsted_2.jpg",
    ]
    assert editor.find(s.id).state is SetState.SUBMITTED

    # Decided: two really are case photos (the override reason covers them), the rest are not.
    editor.decide_case([ids["IMG_0001.jpg"], ids["Ransaking_Bodø_åsted.jpg"]], is_case=True)
    editor.decide_case([ids["IMG_0002.jpg"], ids["Ransaking_Bodø_åsted_2.jpg"]], is_case=False)
    with pytest.raises(ApprovalRefused) as refused:
        editor.approve(s.id)
    assert {r.code for r in refused.value.refusals} == {Code.CASE_NEEDS_REASON, Code.REDACTION_UNREVIEWED}
    from photoarchive.redaction import RedactionService

    redaction = RedactionService(catalog, home)
    for name in ("IMG_0001.jpg", "Ransaking_Bodø_åsted.jpg"):
        redaction.nothing_to_redact(ids[name], "kari")
    approved = editor.approve(s.id, override_reason="Etterlysning godkjent av påtaleansvarlig")
    assert approved.state is SetState.APPROVED
    states = {
        r.original_name: r.categories[Category.CASE].state
        for r in catalog.photos.get_many(list(ids.values()))
        if Category.CASE in r.categories
    }
    assert states["IMG_0002.jpg"] is CategoryState.REJECTED


def test_a_private_set_of_case_photos_needs_no_decision(home, catalog, dropped):
    ids = dropped("2026-654321/IMG_0101.jpg")
    staff = SetService.for_home(catalog, home, Settings(), actor="ola")
    s = staff.create("Beslag", visibility="private")
    staff.add(s.id, list(ids.values()))
    staff.submit(s.id)
    editor = SetService.for_home(catalog, home, Settings(), actor="kari")
    assert editor.check(s.id).undecided_case_photos == []  # nothing for the dialog to ask
    assert editor.approve(s.id).state is SetState.APPROVED
