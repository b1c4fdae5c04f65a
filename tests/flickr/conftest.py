"""Flickr fixtures: the emulator on 127.0.0.1, a home whose settings point at it, a stored sign-in, and
catalog photos made from synthetic camera files that carry GPS, serials and an owner name."""

from __future__ import annotations

import hashlib

import pytest

KEY, SECRET = "test-key-0123", "test-secret-4567"


@pytest.fixture(autouse=True)
def no_os_keyring(monkeypatch):
    """Never touch the real OS keyring: the 'fail' backend makes the token store use its file."""
    import keyring.core
    from keyring.backends import fail

    # Read the private slot rather than get_keyring(), which would probe the system's backends.
    previous = getattr(keyring.core, "_keyring_backend", None)
    keyring.core.set_keyring(fail.Keyring())
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    yield
    keyring.core._keyring_backend = previous


@pytest.fixture
def emulator():
    from flickr_emulator import FlickrEmulator

    with FlickrEmulator() as emu:
        emu.register_app(KEY, SECRET)
        yield emu
        assert emu.errors == [], emu.errors


@pytest.fixture
def settings(home, emulator, monkeypatch):
    from photoarchive.settings import Settings

    for var in ("PHOTOARCHIVE_FLICKR_KEY", "PHOTOARCHIVE_FLICKR_SECRET", "PHOTOARCHIVE_FLICKR_BASE"):
        monkeypatch.delenv(var, raising=False)
    s = Settings()
    s.flickr.api_key = KEY
    s.flickr.api_secret = SECRET
    s.flickr.base_url = emulator.base_url
    s.flickr.calls_per_second = 0
    s.flickr.timeout_seconds = 5
    s.save(home)
    return s


@pytest.fixture
def signed_in(home, settings, emulator):
    """A stored 'delete' sign-in (in the file fallback); returns the token string."""
    from flickrapi.auth import FlickrAccessToken

    from photoarchive.flickr.tokens import TokenStore

    token, secret = emulator.grant_token("delete")
    user = emulator.default_user
    TokenStore(home, KEY).save(
        FlickrAccessToken(token, secret, "delete", user.fullname, user.username, user.nsid)
    )
    return token


@pytest.fixture
def catalog(home):
    from photoarchive.catalog import Catalog

    cat = Catalog.for_home(home)
    yield cat
    cat.close()


def make_archived_photo(home, catalog, index: int, *, case: bool = False, fmt: str = "JPEG") -> int:
    """A synthetic camera JPEG with GPS, serial and owner placed in originals/ and added to the catalog."""
    import factory

    from photoarchive.catalog.photos import Category, CategoryState, NewPhoto

    name = f"IMG_{index:04d}{'.png' if fmt == 'PNG' else '.jpg'}"
    rel = f"2024/05/{name}"
    dest = home.originals / rel
    dest.parent.mkdir(parents=True, exist_ok=True)
    factory.make_photo(
        dest, size=(64, 48), fmt=fmt, gps=True, serial=True, owner=True, seed=index, thumbnail=fmt == "JPEG"
    )
    data = dest.read_bytes()
    photo_id = catalog.photos.add(
        NewPhoto(
            sha256=hashlib.sha256(data).hexdigest(),
            original_name=name,
            archive_path=rel,
            size_bytes=len(data),
            format=fmt,
            width=64,
            height=48,
            headline=f"Bilde {index} æøå",
            caption=f"Politiet på stedet, bilde {index}",
            keywords=["politi", "Oslo sentrum"],
            has_gps=True,
            has_serial=True,
        ),
        actor="test",
    )
    if case:
        catalog.photos.set_category([photo_id], Category.CASE, CategoryState.CONFIRMED, actor="test")
    return photo_id


@pytest.fixture
def make_photos(home, catalog):
    counter = {"next": 1}

    def make(count: int, **kw) -> list[int]:
        ids = []
        for _ in range(count):
            ids.append(make_archived_photo(home, catalog, counter["next"], **kw))
            counter["next"] += 1
        return ids

    return make


@pytest.fixture
def set_service(catalog, home, settings):
    from photoarchive.sets.service import SetService

    return SetService.for_home(catalog, home, settings, actor="kari")


@pytest.fixture
def approve_set(set_service, catalog, home, settings):
    from photoarchive.sets.service import SetService

    # Four eyes: a colleague submits, the editor ("kari") approves.
    staff = SetService.for_home(catalog, home, settings, actor="ola")

    def approve(title: str, photo_ids: list[int], **kw) -> int:
        s = set_service.create(title, **kw)
        set_service.add(s.id, photo_ids)
        staff.submit(s.id)
        set_service.approve(s.id)
        return s.id

    return approve


@pytest.fixture
def make_syncer(home, settings, catalog):
    from photoarchive.flickr.retry import RetryPolicy
    from photoarchive.flickr.sync import Syncer

    def make(workers: int = 1, control=None, **kw):
        syncer = Syncer.for_home(
            catalog, home, settings, workers=workers, control=control, actor="kari", **kw
        )
        assert syncer.client is not None
        syncer.client.policy = RetryPolicy(max_attempts=8, base_delay=0.01, max_delay=0.05)
        return syncer

    return make
