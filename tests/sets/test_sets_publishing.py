"""The real privacy gate of approval: clean copies made into the home's cache, refusals for files that
cannot be made clean."""

from __future__ import annotations

import hashlib

import factory
import pytest

from photoarchive.sets.errors import ApprovalRefused
from photoarchive.sets.publishing import CleanCopies, publish_cache_dir
from photoarchive.sets.service import SetService
from photoarchive.settings import Settings


def archived(home, catalog, name: str, data: bytes | None = None, **kw) -> int:
    from photoarchive.catalog.photos import NewPhoto

    rel = f"2024/{name}"
    path = home.originals / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    if data is None:
        factory.make_photo(path, gps=True, serial=True, owner=True, thumbnail=True, **kw)
    else:
        path.write_bytes(data)
    data = path.read_bytes()
    return catalog.photos.add(
        NewPhoto(
            sha256=hashlib.sha256(data).hexdigest(),
            original_name=name,
            archive_path=rel,
            size_bytes=len(data),
            format="JPEG",
            width=640,
            height=480,
            headline="Overskrift æøå",
        ),
        actor="test",
    )


def test_approval_makes_clean_copies_and_refuses_broken_files(home, catalog):
    from photoarchive.privacy import scan

    settings = Settings()
    good = archived(home, catalog, "god.jpg")
    whole = (home.originals / "2024/god.jpg").read_bytes()
    broken = archived(home, catalog, "ødelagt.jpg", data=whole[: len(whole) // 3])
    service = SetService.for_home(catalog, home, settings, actor="kari")
    s = service.create("Test")
    service.add(s.id, [good, broken])
    SetService.for_home(catalog, home, settings, actor="ola").submit(s.id)
    with pytest.raises(ApprovalRefused) as refused:
        service.approve(s.id)
    assert [r.photo_id for r in refused.value.refusals] == [broken]
    # The scanner cannot read the truncated file: "could not be checked", never "clean".
    assert "ødelagt.jpg could not be checked for personal data" in str(refused.value)
    assert "truncated" in str(refused.value)

    service.remove(s.id, [broken])
    approved = service.approve(s.id)
    copies = CleanCopies(home, settings)
    [content] = approved.approved_content.photos
    path = copies.path_for(content)
    assert path.parent == publish_cache_dir(home) and path.is_file()
    report = scan(path)
    kinds = {f.kind.value for f in report.findings}
    assert not kinds & {"gps", "serial", "thumbnail", "maker_note"}
    assert factory.OWNER_NAME.encode() not in path.read_bytes()
    assert "Overskrift æøå".encode() in path.read_bytes()
    # Made once: the sync reuses the very file.
    mtime = path.stat().st_mtime_ns
    assert copies.make(content) == path and path.stat().st_mtime_ns == mtime


def test_fingerprint_follows_what_is_stamped(home, catalog):
    settings = Settings()
    photo_id = archived(home, catalog, "a.jpg")
    service = SetService(catalog, clean_check=lambda p: None)
    s = service.create("F")
    service.add(s.id, [photo_id])
    [content] = service.content_of(service.find(s.id)).photos
    copies = CleanCopies(home, settings)
    before = copies.fingerprint(content)
    settings.press.byline = "Politiet i Øst"
    assert copies.fingerprint(content) != before  # the default byline is stamped into the file
    settings.press.byline = Settings().press.byline
    settings.privacy.keep_capture_date = True
    assert copies.fingerprint(content) != before
