"""Which catalog a home opens: its SQLite file on a local disk, never on a network path, else the shared
PostgreSQL catalog that [catalog] url or PHOTOARCHIVE_CATALOG_URL names."""

from __future__ import annotations

import pytest

from photoarchive.catalog.db import DRIVE_REMOTE, SQLiteOnNetworkPath, network_path_reason

DRIVE_FIXED = 3


@pytest.mark.parametrize(
    "path",
    [
        r"\\fil01\presse\arkiv\catalog.sqlite",
        r"\\?\UNC\fil01\presse\catalog.sqlite",
        "//fil01/presse/catalog.sqlite",
        r"\\fil01.politiet.no\Fotoarkiv æøå\catalog.sqlite",
    ],
)
def test_unc_paths_are_network_paths(path):
    assert network_path_reason(path) == "UNC path"


def test_a_mapped_drive_that_windows_reports_remote_is_a_network_path():
    assert (
        network_path_reason(r"P:\arkiv\catalog.sqlite", drive_type=DRIVE_REMOTE) == "mapped network drive P:"
    )
    assert network_path_reason(r"C:\Users\kari\catalog.sqlite", drive_type=DRIVE_FIXED) is None


@pytest.mark.parametrize("fs_type", ["cifs", "smb3", "nfs4", "fuse.sshfs"])
def test_network_file_systems_on_linux_are_network_paths(fs_type):
    assert (
        network_path_reason("/mnt/presse/catalog.sqlite", fs_type=fs_type) == f"{fs_type} network file system"
    )


@pytest.mark.parametrize(
    "path, drive_type, fs_type",
    [
        (r"C:\Users\kari\AppData\Local\photoarchive\catalog.sqlite", DRIVE_FIXED, None),
        (r"\\?\C:\Users\kari\catalog.sqlite", DRIVE_FIXED, None),  # extended-length local path
        ("/home/kari/.local/share/photoarchive/catalog.sqlite", None, "ext4"),
        ("/tmp/x/catalog.sqlite", None, "tmpfs"),
    ],
)
def test_local_paths_are_not_network_paths(path, drive_type, fs_type):
    assert network_path_reason(path, drive_type=drive_type, fs_type=fs_type) is None


def test_the_refusal_names_the_path_and_points_to_the_shared_catalog_setup():
    error = SQLiteOnNetworkPath(r"\\fil01\presse\catalog.sqlite", "UNC path")
    assert error.code == "catalog.sqlite_on_network_path"
    assert error.params["path"] == r"\\fil01\presse\catalog.sqlite"
    assert error.params["help"] == "docs/it-setup.md"
    assert "[catalog] url" in str(error) and "corrupted" in str(error)


def test_a_local_home_keeps_its_sqlite_catalog(tmp_path, monkeypatch):
    from photoarchive.catalog import Catalog
    from photoarchive.home import Home

    monkeypatch.delenv("PHOTOARCHIVE_CATALOG_URL", raising=False)
    home = Home(tmp_path / "skrivebord").ensure()
    catalog = Catalog.for_home(home)
    assert catalog.engine.dialect.name == "sqlite"
    catalog.close()
    assert home.catalog_file.exists()


def test_catalog_url_in_the_settings_opens_the_shared_catalog(tmp_path, monkeypatch, pg_url):
    from photoarchive.catalog import Catalog
    from photoarchive.home import Home

    monkeypatch.delenv("PHOTOARCHIVE_CATALOG_URL", raising=False)
    home = Home(tmp_path / "skrivebord").ensure()
    plain_url = pg_url.replace("postgresql+psycopg://", "postgresql://")
    home.settings_file.write_text(f'[catalog]\nurl = "{plain_url}"\n', encoding="utf-8")
    catalog = Catalog.for_home(home)
    try:
        assert catalog.engine.dialect.name == "postgresql"
        assert catalog.photos.count() == 0
    finally:
        catalog.close()
    assert not home.catalog_file.exists()


def test_a_bad_catalog_url_is_refused_with_the_key_named(tmp_path):
    from photoarchive.errors import SettingsError
    from photoarchive.settings import Settings

    with pytest.raises(SettingsError, match="catalog.url"):
        Settings.from_dict({"catalog": {"url": "mysql://server/db"}})


def test_an_archive_root_moves_the_archive_files_but_not_the_desk_files(tmp_path, monkeypatch):
    from photoarchive.home import Home

    monkeypatch.delenv("PHOTOARCHIVE_ARCHIVE_ROOT", raising=False)
    desk = tmp_path / "desk"
    desk.mkdir()
    shared = tmp_path / "delt arkiv æøå"
    (desk / "settings.toml").write_text(f"[archive]\nroot = '{shared}'\n", encoding="utf-8")
    home = Home.resolve(desk)
    assert home.originals == shared / "originals"
    assert home.thumbnails == shared / "thumbnails"
    assert home.quarantine == shared / "quarantine"
    assert home.logs == desk / "logs" and home.settings_file == desk / "settings.toml"
    # Each desk stages in its own folder on the share, so its crash clean-up leaves others' files alone.
    other = Home(tmp_path / "desk2", shared)
    assert home.staging.parent == other.staging.parent == shared / "originals" / ".incoming"
    assert home.staging != other.staging


def test_test_connection_says_who_the_server_takes_us_for(pg_cluster, pg_url):
    from photoarchive.catalog.db import probe

    me = probe(pg_url)
    assert (me.backend, me.login, me.superuser) == ("postgresql", "postgres", True)
    assert me.server_version.startswith("15")


def test_a_wrong_password_or_a_server_that_is_down_is_a_clear_error_without_the_password(pg_cluster, pg_url):
    import socket

    from photoarchive.catalog import Catalog
    from photoarchive.catalog.db import CatalogUnreachable, probe

    wrong = pg_cluster.url(pg_url.rsplit("/", 1)[1], password="feil-passord-123")
    with pytest.raises(CatalogUnreachable) as refused:
        probe(wrong)
    assert refused.value.code == "catalog.unreachable"
    assert "password authentication failed" in refused.value.params["reason"]
    assert "feil-passord-123" not in str(refused.value)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        nobody_port = s.getsockname()[1]
    down = f"postgresql://kari:hemmelig@127.0.0.1:{nobody_port}/photoarchive"
    with pytest.raises(CatalogUnreachable) as unreachable:
        Catalog.open(down)
    assert unreachable.value.params["server"] == f"127.0.0.1:{nobody_port}/photoarchive"
    assert "hemmelig" not in str(unreachable.value)
