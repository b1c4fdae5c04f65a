"""Sync 500 photos in 10 sets to the local Flickr emulator and print what it cost.

Prints calls per photo for the first sync, calls for a no-op re-sync, and photos/s with the rate limit
switched off (parallel uploads, one HTTP session per worker). Run from the repository root:

    .venv/bin/python benchmarks/sync.py [--photos 500] [--sets 10] [--workers 1 4] [--latency 0 0.05]
        [--via-request] [--throwaway-server]

`--via-request` also runs the first sync as the office's sync service does (a request in the catalog,
its progress and log written every half second) and prints it beside the direct sync of the same run.
`--throwaway-server` runs everything on SQLite and on a PostgreSQL catalog (initdb/pg_ctl in a temporary
folder), where the hour's call budget is counted in the catalog instead of the home's file; the cost of
taking one call's slot in either is printed too.

Against the in-process emulator (no network) the sync is bound by Python and SQLite on this machine's
cores, so parallel uploads gain little there; `--latency` adds a per-call delay like a real network
round trip, which is where more workers pay off.
"""

from __future__ import annotations

import argparse
import hashlib
import os
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


def first_sync(photos: int, sets: int, workers: int, latency: float, *, via_request: bool) -> dict:
    """One archive's first sync and a no-op re-sync against a fresh emulator; the figures."""
    from flickr_emulator import FlickrEmulator
    from flickrapi.auth import FlickrAccessToken

    from photoarchive.flickr.desk import ask_for_sync
    from photoarchive.flickr.service import SyncService
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

        def syncer(control=None) -> Syncer:  # type: ignore[no-untyped-def]
            return Syncer.for_home(
                catalog,
                home,
                settings,
                workers=workers,
                actor="bench",
                token_backend=backend,
                control=control,
            )

        if latency:
            # Stand-in for the network: every answer comes `latency` seconds late, as from flickr.com.
            emu.faults.inject("*", "slow", probability=1.0, delay=latency)
        emu.reset_call_log()
        started = time.perf_counter()
        if via_request:
            service = SyncService(catalog, home, settings, runner="bench", actor="bench", make_syncer=syncer)
            request = ask_for_sync(catalog, "bench")
            service.run_next()
            done = service.store.get(request.id)
            assert done is not None and done.state.value == "done", done
            uploaded = done.outcome["params"]["uploaded"]
        else:
            report = syncer().run()
            assert not report.failed, report.failed
            uploaded = report.uploaded
        elapsed = time.perf_counter() - started
        assert uploaded == photos
        first_by_method = emu.calls_by_method()
        emu.reset_call_log()
        started = time.perf_counter()
        noop = syncer().run()
        noop_elapsed = time.perf_counter() - started
        assert not noop.plan
        figures = {
            "prepared": prepared,
            "elapsed": elapsed,
            "by_method": first_by_method,
            "noop_calls": sum(emu.calls_by_method().values()),
            "noop_elapsed": noop_elapsed,
        }
        catalog.close()
        return figures


def run(
    photos: int,
    sets: int,
    workers: int,
    latency: float,
    *,
    via_request: bool,
    backend: str,
    server,
    name: str,
) -> None:  # server: a PgCluster or None (SQLite)
    with catalog_on(server, name + "_direct"):
        direct = first_sync(photos, sets, workers, latency, via_request=False)
    first_calls = sum(direct["by_method"].values())
    print(
        f"[{backend}] workers={workers}, latency={latency * 1000:.0f} ms: {photos} photos in {sets} sets "
        f"(set-up incl. approval {direct['prepared']:.1f} s)"
    )
    print(
        f"  first sync:  {direct['elapsed']:6.2f} s  {photos / direct['elapsed']:7.1f} photos/s  (rate limit off)"
    )
    if via_request:
        with catalog_on(server, name + "_request"):
            queued = first_sync(photos, sets, workers, latency, via_request=True)
        print(
            f"  via request: {queued['elapsed']:6.2f} s  {photos / queued['elapsed']:7.1f} photos/s  "
            f"(the same first sync run by the sync service, progress and log in the catalog)"
        )
    breakdown = ", ".join(f"{m.removeprefix('flickr.')}={n}" for m, n in sorted(direct["by_method"].items()))
    print(f"  calls:       {first_calls} total, {first_calls / photos:.2f} per photo  [{breakdown}]")
    print(
        f"  no-op sync:  {direct['noop_calls']} calls ({direct['noop_calls'] / sets:.1f} per album) "
        f"in {direct['noop_elapsed']:.2f} s"
    )


def budget_cost(backend: str, calls: int = 2000) -> None:
    """What taking one call's slot of the hour costs: the home's file (one desk) or the catalog (shared)."""
    from photoarchive.catalog import Catalog
    from photoarchive.flickr.account import make_client
    from photoarchive.home import Home
    from photoarchive.settings import Settings

    with tempfile.TemporaryDirectory(prefix="photoarchive-bench-") as tmp:
        home = Home(Path(tmp) / "home").ensure()
        settings = Settings()
        settings.flickr.api_key, settings.flickr.api_secret = KEY, SECRET
        settings.flickr.calls_per_second = 0
        catalog = Catalog.for_home(home)
        client = make_client(home, settings, require_token=False, catalog=catalog)
        started = time.perf_counter()
        for _ in range(calls):
            client.limiter.acquire()
        client.limiter.save()
        elapsed = time.perf_counter() - started
        where = "the shared catalog" if catalog.is_shared else "the home's file, saved every 25 calls"
        print(f"[{backend}] hourly budget: {elapsed / calls * 1000:.3f} ms per call ({where})")
        client.close()
        catalog.close()


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
    parser.add_argument("--via-request", action="store_true", help="also run the first sync as a request")
    parser.add_argument(
        "--throwaway-server", action="store_true", help="also on PostgreSQL (a temporary test server)"
    )
    args = parser.parse_args()
    backends = [("sqlite", None)]
    cluster = None
    if args.throwaway_server:
        from postgres import start_cluster  # the tests' helper: initdb + pg_ctl in a temporary folder

        cluster = start_cluster()
        backends.append(("postgresql", cluster))
    try:
        for backend, server in backends:
            for n, (latency, workers) in enumerate((lt, w) for lt in args.latency for w in args.workers):
                run(
                    args.photos,
                    args.sets,
                    workers,
                    latency,
                    via_request=args.via_request,
                    backend=backend,
                    server=server,
                    name=f"bench_{n}",
                )
            with catalog_on(server, "bench_budget"):
                budget_cost(backend)
    finally:
        if cluster is not None:
            cluster.stop()
    return 0


class catalog_on:  # noqa: N801 — used as a context manager, named for how it reads
    """Every catalog opened inside is a fresh database on `server` (the environment names it); SQLite
    homes' own files when there is no server."""

    def __init__(self, server, name: str):  # type: ignore[no-untyped-def]
        self.server, self.name = server, name

    def __enter__(self) -> None:
        if self.server is not None:
            self.server.execute(f"DROP DATABASE IF EXISTS {self.name}")
            self.server.execute(f"CREATE DATABASE {self.name}")
            os.environ["PHOTOARCHIVE_CATALOG_URL"] = self.server.url(self.name)

    def __exit__(self, *_exc: object) -> None:
        os.environ.pop("PHOTOARCHIVE_CATALOG_URL", None)


if __name__ == "__main__":
    sys.exit(main())
