"""What the set service reads from the catalog for the rules: a set's content as it is now (the form
approval freezes, redaction included) and the facts about each of its photos."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import TYPE_CHECKING

from photoarchive.privacy_state import PrivacyStatus
from photoarchive.sets.model import PhotoContent, PhotoSet, SetContent
from photoarchive.sets.workflow import CaseDecision, PhotoFacts, case_status

if TYPE_CHECKING:
    from photoarchive.catalog import Catalog
    from photoarchive.catalog.photos import PhotoRecord


def current_content(catalog: Catalog, photo_set: PhotoSet) -> tuple[SetContent, list[int]]:
    """The set as it is now, and the ids of its photos no longer in the catalog. Each photo carries
    the digest of its redaction regions, so a region edit changes the content like a caption edit."""
    from photoarchive.redaction import region_digests

    records = {r.id: r for r in catalog.photos.get_many(photo_set.photo_ids)}
    missing = [pid for pid in photo_set.photo_ids if pid not in records]
    digests = region_digests(catalog, list(records))
    photos = tuple(
        PhotoContent(
            photo_id=r.id,
            sha256=r.sha256,
            archive_path=r.archive_path,
            case_number=r.case_number,
            redaction=digests.get(r.id, ""),
            **{**r.press_values(), "keywords": tuple(r.keywords)},
        )
        for r in (records[pid] for pid in photo_set.photo_ids if pid in records)
    )
    content = SetContent(
        title=photo_set.title,
        description=photo_set.description,
        visibility=photo_set.visibility,
        licence_id=photo_set.licence_id,
        group_id=photo_set.group_id,
        tags=tuple(photo_set.tags),
        cover_photo_id=photo_set.cover_photo_id,
        photos=photos,
    )
    return content, missing


def photo_facts(
    catalog: Catalog,
    content: SetContent,
    *,
    privacy_check: Callable[[PhotoRecord], PrivacyStatus],
    clean_check: Callable[[PhotoContent], str | None],
    case_pattern: str,
) -> dict[int, PhotoFacts]:
    """What the rules need about each photo of the content (runs the privacy gates: scans files)."""
    from photoarchive.catalog.photos import Category
    from photoarchive.catalog.redactions import RedactionStore
    from photoarchive.redaction import Review, ReviewState, unreviewed_case_photos

    records = {r.id: r for r in catalog.photos.get_many([p.photo_id for p in content.photos])}
    store = RedactionStore(catalog.engine)
    regions = store.regions_of(list(records))
    reviews = store.reviews(list(records))
    facts: dict[int, PhotoFacts] = {}
    for photo in content.photos:
        record = records.get(photo.photo_id)
        if record is None:
            continue
        mark = record.categories.get(Category.CASE)
        privacy = privacy_check(record)
        row = reviews.get(record.id)
        facts[photo.photo_id] = PhotoFacts(
            photo_id=record.id,
            name=record.original_name,
            case=case_status(
                mark=mark.state.value if mark else None,
                mark_source=mark.source if mark else "",
                case_number=record.case_number,
                source_path=record.source_path,
                name=record.original_name,
                case_pattern=case_pattern,
            ),
            privacy=privacy,
            # A photo that could not be checked is refused as such; no clean copy is tried.
            unclean=clean_check(photo) if privacy.publishable else None,
            regions=len(regions.get(record.id, ())),
            redaction_review=(
                None
                if row is None
                else Review(ReviewState(row.state), row.actor, row.at, row.regions_digest)
            ),
        )
    # A confirmed case photo also needs a person's word on what its pixels show (photoarchive.redaction).
    case_ids = sorted(pid for pid, f in facts.items() if f.case.decision is CaseDecision.CASE)
    for photo_id in unreviewed_case_photos(catalog, case_ids):
        facts[photo_id] = dataclasses.replace(facts[photo_id], redaction_unreviewed=True)
    return facts
