"""Settings: defaults for everything, a readable file, and clear messages that name the bad key."""

from __future__ import annotations

import pytest

from photoarchive.errors import SettingsError
from photoarchive.home import HOME_ENV, Home, resolve_home_dir
from photoarchive.settings import Settings


def test_missing_file_means_defaults(home):
    settings = Settings.load(home)
    assert settings.press.byline == "Politiet"
    assert settings.categories.media_min_long_edge == 3000
    assert settings.inbox_folders(home) == [home.default_inbox]


def test_save_and_reload_round_trips_norwegian_text(home):
    settings = Settings()
    settings.press.copyright = "© Politiet i Sør-Øst «Pressetjenesten»"
    settings.inbox.folders = [r"\\server\presse\innboks"]
    settings.privacy.keep_capture_date = True
    settings.sets.approvers = ["kari.nordmann", "pål"]
    settings.save(home)
    again = Settings.load(home)
    assert again.press.copyright == "© Politiet i Sør-Øst «Pressetjenesten»"
    assert again.inbox.folders == [r"\\server\presse\innboks"]
    assert again.privacy.keep_capture_date is True
    assert again.sets.approvers == ["kari.nordmann", "pål"]
    assert "[press]" in home.settings_file.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("[categories]\nmedia_min_long_edge = 'big'\n", "categories.media_min_long_edge"),
        ("[categories]\ncase_pattern = '(unclosed'\n", "categories.case_pattern"),
        ("[inbox]\nsettle_seconds = -1\n", "inbox.settle_seconds"),
        ("[flickr]\nremoved_photos = 'shred'\n", "flickr.removed_photos"),
        ("[press]\nbylin = 'typo'\n", "press.bylin"),
        ("[nonsense]\nx = 1\n", "[nonsense]"),
        ("[sets]\napprovers = 'kari'\n", "sets.approvers"),
        ("[sets]\napprovers = ['kari', ' ']\n", "sets.approvers"),
    ],
)
def test_invalid_settings_name_the_key(home, text, key):
    home.settings_file.write_text(text, encoding="utf-8")
    with pytest.raises(SettingsError) as info:
        Settings.load(home)
    assert key in str(info.value)


def test_broken_toml_is_a_settings_error(home):
    home.settings_file.write_text("[press\nbyline=", encoding="utf-8")
    with pytest.raises(SettingsError, match="not valid TOML"):
        Settings.load(home)


def test_environment_wins_for_flickr_credentials(monkeypatch):
    settings = Settings()
    settings.flickr.api_key = "from-file"
    monkeypatch.setenv("PHOTOARCHIVE_FLICKR_KEY", "from-env")
    monkeypatch.setenv("PHOTOARCHIVE_FLICKR_BASE", "http://127.0.0.1:9")
    assert settings.flickr_api_key() == "from-env"
    assert settings.flickr_base_url() == "http://127.0.0.1:9"


def test_home_resolution_order(tmp_path, monkeypatch):
    monkeypatch.setenv(HOME_ENV, str(tmp_path / "env-home"))
    assert resolve_home_dir(tmp_path / "explicit") == tmp_path / "explicit"
    assert resolve_home_dir(None) == tmp_path / "env-home"
    monkeypatch.delenv(HOME_ENV)
    default = resolve_home_dir(None)
    assert default.name == "photoarchive" and default.is_absolute()


def test_home_layout_is_created(tmp_path):
    home = Home(tmp_path / "a").ensure()
    for folder in (home.originals, home.thumbnails, home.quarantine, home.logs):
        assert folder.is_dir()
