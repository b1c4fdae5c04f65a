"""Shared fixtures: the real-camera corpus (skipped where absent), a fresh archive home, and the catalog
backend it uses (SQLite always; PostgreSQL too, on a throwaway server, for the suites listed in
PG_SUITES or everywhere with PHOTOARCHIVE_TEST_BACKENDS=sqlite,postgresql)."""

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


# Test folders whose tests run against both catalog backends.
PG_SUITES = ("catalog", "sets", "cli")


def _backends_for(path: Path) -> list[str]:
    forced = os.environ.get("PHOTOARCHIVE_TEST_BACKENDS", "")
    if forced:
        return [b.strip() for b in forced.split(",") if b.strip()]
    try:
        parts = path.resolve().relative_to(REPO_ROOT / "tests").parts
    except ValueError:
        return ["sqlite"]
    return ["sqlite", "postgresql"] if parts and parts[0] in PG_SUITES else ["sqlite"]


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "catalog_backend" in metafunc.fixturenames:
        metafunc.parametrize("catalog_backend", _backends_for(Path(metafunc.definition.path)), indirect=True)


@pytest.fixture
def catalog_backend(request) -> str:
    """The catalog backend, "sqlite" or "postgresql": the `home` fixture's Catalog.for_home opens."""
    return getattr(request, "param", "sqlite")


@pytest.fixture(scope="session")
def pg_cluster():
    """A PostgreSQL server of our own for the whole session (skips with the reason where none can start)."""
    from postgres import ServerUnavailable, start_cluster

    try:
        cluster = start_cluster()
    except ServerUnavailable as exc:
        pytest.skip(f"no PostgreSQL test server: {exc}")
    yield cluster
    cluster.stop()


@pytest.fixture(scope="session")
def pg_template(pg_cluster) -> str:
    """A database migrated to the newest schema once, copied for each test (CREATE DATABASE … TEMPLATE)."""
    from photoarchive.catalog import Catalog

    name = "photoarchive_template"
    pg_cluster.execute(f"CREATE DATABASE {name}")
    Catalog.open(pg_cluster.url(name)).close()
    return name


_pg_counter = iter(range(1, 1_000_000))


@pytest.fixture
def pg_database(pg_cluster, pg_template):
    """(cluster, database name) of a fresh, migrated, empty catalog database; dropped afterwards."""
    name = f"t{os.getpid()}_{next(_pg_counter)}"
    pg_cluster.execute(f"CREATE DATABASE {name} TEMPLATE {pg_template}")
    yield pg_cluster, name
    pg_cluster.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture
def pg_url(pg_database) -> str:
    """The superuser URL of a fresh catalog database."""
    cluster, name = pg_database
    return cluster.url(name)


@pytest.fixture
def home(tmp_path: Path, catalog_backend: str, request, monkeypatch):
    """A fresh, empty archive home (its catalog on the backend under test)."""
    from photoarchive.home import Home

    if catalog_backend == "postgresql":
        # The environment wins over settings.toml, and child processes (CLI tests) inherit it.
        monkeypatch.setenv("PHOTOARCHIVE_CATALOG_URL", request.getfixturevalue("pg_url"))
    else:
        monkeypatch.delenv("PHOTOARCHIVE_CATALOG_URL", raising=False)
    return Home(tmp_path / "home æøå").ensure()
