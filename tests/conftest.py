"""Shared fixtures: the real-camera corpus (skipped where absent) and a fresh archive home."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO_ROOT = Path(__file__).resolve().parent.parent
CORPUS_DIR = Path(os.environ.get("PHOTOARCHIVE_CORPUS", REPO_ROOT.parent / "shared" / "corpus"))


def corpus_available() -> bool:
    return (CORPUS_DIR / "exif-samples").is_dir()


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """The real camera files of ../shared/corpus; tests using it skip on a clone without it."""
    if not corpus_available():
        pytest.skip(f"real-camera corpus not found at {CORPUS_DIR} (only present beside the main checkout)")
    return CORPUS_DIR


@pytest.fixture
def home(tmp_path: Path):
    """A fresh, empty archive home."""
    from photoarchive.home import Home

    return Home(tmp_path / "home æøå").ensure()
