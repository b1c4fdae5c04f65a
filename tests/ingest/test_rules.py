"""Pure decisions of ingest: which files to take, where they go, which categories to suggest."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path, PurePath

import pytest

from photoarchive.catalog.photos import Category
from photoarchive.ingest.archive_paths import choose_archive_path, safe_file_name
from photoarchive.ingest.categories import find_case_number, suggest_categories
from photoarchive.ingest.files import describe_non_image, is_ignored
from photoarchive.ingest.watcher import SettleTracker
from photoarchive.settings import CategorySettings


@pytest.mark.parametrize(
    "name",
    ["photo.jpg.part", "x.tmp", "~$report.docx", "Thumbs.db", "desktop.ini", ".DS_Store", ".hidden.jpg"],
)
def test_temporary_and_system_files_are_ignored(name):
    assert is_ignored(Path(name))


@pytest.mark.parametrize("name", ["IMG_0042.JPG", "Politihuset på Ørsta.jpg", "portrett 1.heic"])
def test_photos_are_not_ignored(name):
    assert not is_ignored(Path(name))


def test_archive_path_is_by_capture_date_and_never_overwrites():
    taken = {"2026/2026-11-24/IMG_0042.jpg", "2026/2026-11-24/IMG_0042 (2).jpg"}
    when = datetime(2026, 11, 24, 9, 30)
    assert choose_archive_path("IMG_0001.JPG", when, taken.__contains__) == "2026/2026-11-24/IMG_0001.jpg"
    assert choose_archive_path("IMG_0042.jpg", when, taken.__contains__) == "2026/2026-11-24/IMG_0042 (3).jpg"


def test_file_names_keep_norwegian_letters_and_lose_windows_forbidden_characters():
    assert safe_file_name("Bjørnøya «åsted» 1.JPG") == "Bjørnøya «åsted» 1.jpg"
    assert safe_file_name("a:b*c?.jpg") == "a_b_c_.jpg"
    assert safe_file_name("CON.jpg") == "_CON.jpg"
    assert len(safe_file_name("x" * 400 + ".jpg")) <= 120


def test_case_number_from_drop_folder_or_file_name():
    pattern = CategorySettings().case_pattern
    assert find_case_number(PurePath("2026-123456/IMG_1.jpg"), pattern) == "2026-123456"
    assert find_case_number(PurePath("drop/sak 2025-9876543 åsted.jpg"), pattern) == "2025-9876543"
    assert find_case_number(PurePath("2026/IMG_20261124.jpg"), pattern) == ""


def test_suggestions_from_size_folder_and_face():
    settings = CategorySettings()
    result = suggest_categories(
        width=6000,
        height=4000,
        relative_source=PurePath("2026-123456/a.jpg"),
        portrait=True,
        settings=settings,
    )
    assert {s.category for s in result.categories} == {Category.MEDIA, Category.CASE, Category.PORTRAIT}
    assert result.case_number == "2026-123456"
    small = suggest_categories(
        width=2999, height=2000, relative_source=PurePath("x/a.jpg"), portrait=False, settings=settings
    )
    assert small.categories == [] and small.case_number == ""


def test_non_images_get_a_human_name():
    assert "PDF" in describe_non_image(b"%PDF-1.7", ".pdf")
    assert "Office" in describe_non_image(b"PK\x03\x04", ".docx")
    assert "RAW" in describe_non_image(b"II*\x00", ".CR2")
    assert "video" in describe_non_image(b"\x00\x00\x00\x18ftypmp42", ".mp4")


def test_settle_tracker_waits_for_size_and_mtime_to_rest():
    now = [0.0]
    tracker = SettleTracker(2.0, clock=lambda: now[0])
    path = Path("big.jpg")
    assert not tracker.observe(path, 100, 1)
    now[0] = 1.5
    assert not tracker.observe(path, 200, 2)  # still growing: the clock restarts
    now[0] = 3.0
    assert not tracker.observe(path, 200, 2)
    now[0] = 3.6
    assert tracker.observe(path, 200, 2)
