"""Sync 500 photos in 10 sets to the local Flickr emulator and print what it cost.

Prints calls per photo for the first sync, calls for a no-op re-sync, and photos/s with the rate limit
switched off (parallel uploads, one HTTP session per worker). Run from the repository root:

    .venv/bin/python benchmarks/sync.py [--photos 500] [--sets 10] [--workers 1 4] [--latency 0 0.05]

Against the in-process emulator (no network) the sync is bound by Python and SQLite on this machine's
cores, so parallel uploads gain little there; `--latency` adds a per-call delay like a real network
round trip, which is where more workers pay off.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "tests")]

KEY, SECRET = "bench-key", "bench-secret"


def build_home(root: Path, base_url: str, photos: int, sets: int):
    """A home with `photos` synthetic camera JPEGs (GPS, serials, owner) in `sets` approved sets."""
    import factory
    from keyring.backends import fail

    from photoarchive.catalog import Catalog
    from photoarchive.catalog.photos import NewPhoto
    from photoarchive.home import Home
    from photoarchive.sets.service import SetService
    from photoarchive.settings import Settings

    home = Home(root).ensure()
    settings = Settings()
    settings.flickr.api_key, settings.flickr.api_secret = KEY, SECRET
    settings.flickr.base_url = base_url
    settings.flickr.calls_per_second = 0
    settings.save(home)
    catalog = Catalog.for_home(home)
    ids = []
    for i in range(photos):
        rel = f"2024/{i // 100:02d}/IMG_{i:05d}.jpg"
        dest = home.originals / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        factory.make_photo(dest, size=(160, 120), gps=True, serial=True, owner=True, thumbnail=True, seed=i)
        data = dest.read_bytes()
        ids.append(
            catalog.photos.add(
                NewPhoto(
                    sha256=hashlib.sha256(data).hexdigest(),
                    original_name=dest.name,
                    archive_path=rel,
                    size_bytes=len(data),
                    format="JPEG",
                    width=160,
                    height=120,
                    headline=f"Bilde {i}",
                    caption="Politiet på stedet",
                    keywords=["politi"],
                ),
                actor="bench",
            )
        )
    service = SetService.for_home(catalog, home, settings, actor="bench")
    # Four eyes: the sets are submitted by someone other than the one who approves them.
    staff = SetService.for_home(catalog, home, settings, actor="bench-staff")
    per_set = photos // sets
    for n in range(sets):
        s = service.create(f"Sak {n + 1}", visibility="public", licence_id=4, tags=["politiet"])
        service.add(s.id, ids[n * per_set : (n + 1) * per_set])
        staff.submit(s.id)
        service.approve(s.id)
    return home, settings, catalog, fail.Keyring()


def run(photos: int, sets: int, workers: int, latency: float) -> None:
    from flickr_emulator import FlickrEmulator
    from flickrapi.auth import FlickrAccessToken

    from photoarchive.flickr.sync import Syncer
    from photoarchive.flickr.tokens import TokenStore

    with tempfile.TemporaryDirectory(prefix="photoarchive-bench-") as tmp, FlickrEmulator() as emu:
        emu.register_app(KEY, SECRET)
        started = time.perf_counter()
        home, settings, catalog, backend = build_home(Path(tmp) / "home", emu.base_url, photos, sets)
        prepared = time.perf_counter() - started
        token, secret = emu.grant_token("delete")
        user = emu.default_user
        TokenStore(home, KEY, backend).save(
            FlickrAccessToken(token, secret, "delete", "", user.username, user.nsid)
        )

        def syncer() -> Syncer:
            return Syncer.for_home(
                catalog, home, settings, workers=workers, actor="bench", token_backend=backend
            )

        if latency:
            # Stand-in for the network: every answer comes `latency` seconds late, as from flickr.com.
            emu.faults.inject("*", "slow", probability=1.0, delay=latency)
        emu.reset_call_log()
        started = time.perf_counter()
        report = syncer().run()
        elapsed = time.perf_counter() - started
        first_by_method = emu.calls_by_method()
        first_calls = sum(first_by_method.values())
        assert report.uploaded == photos and not report.failed, report.failed
        emu.reset_call_log()
        started = time.perf_counter()
        noop = syncer().run()
        noop_elapsed = time.perf_counter() - started
        noop_calls = sum(emu.calls_by_method().values())
        assert not noop.plan

        print(
            f"workers={workers}, latency={latency * 1000:.0f} ms: {photos} photos in {sets} sets "
            f"(set-up incl. approval {prepared:.1f} s)"
        )
        print(f"  first sync:  {elapsed:6.2f} s  {photos / elapsed:7.1f} photos/s  (rate limit off)")
        breakdown = ", ".join(f"{m.removeprefix('flickr.')}={n}" for m, n in sorted(first_by_method.items()))
        print(f"  calls:       {first_calls} total, {first_calls / photos:.2f} per photo  [{breakdown}]")
        print(
            f"  no-op sync:  {noop_calls} calls ({noop_calls / sets:.1f} per album) in {noop_elapsed:.2f} s"
        )


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--photos", type=int, default=500)
    parser.add_argument("--sets", type=int, default=10)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 4])
    parser.add_argument(
        "--latency",
        type=float,
        nargs="+",
        default=[0.0, 0.05],
        help="simulated network delay per call, seconds",
    )
    args = parser.parse_args()
    for latency in args.latency:
        for workers in args.workers:
            run(args.photos, args.sets, workers, latency)
    return 0


if __name__ == "__main__":
    sys.exit(main())
