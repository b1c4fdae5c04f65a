"""Catalog speed at 100,000 photos: list, filter by category, search by text (targets: each < 200 ms).

.venv/bin/python benchmarks/catalog.py [--photos 100000] [--url postgresql://user@server/emptydb | --throwaway-server]
    [--backends sqlite,postgresql]

With --url (an empty catalog database) or --throwaway-server (initdb/pg_ctl in a temporary folder, as the
tests do), the same figures are printed for PostgreSQL beside SQLite's from the same run.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

from photoarchive.catalog import Catalog
from photoarchive.catalog.photos import Category, CategoryState, CategorySuggestion, NewPhoto, PhotoQuery

WORDS = (
    "politi",
    "trafikkulykke",
    "pressekonferanse",
    "åsted",
    "brann",
    "Storgata",
    "Ørsta",
    "kriminalteknikk",
    "beredskap",
    "portrett",
    "lensmann",
    "redningsaksjon",
    "E18",
    "Bjørnøya",
    "patrulje",
)


def fill(catalog: Catalog, count: int) -> None:
    rng = random.Random(1)
    start = datetime(2015, 1, 1)
    batch: list[NewPhoto] = []
    for i in range(count):
        suggestions = [CategorySuggestion(c, "size") for c in Category if rng.random() < 0.3]
        # A rare word, as most real searches are (a name, a place).
        rare = " Hønefoss" if i % 997 == 0 else ""
        batch.append(
            NewPhoto(
                sha256=f"{i:064x}",
                original_name=f"IMG_{i:06}.jpg",
                archive_path=f"x/IMG_{i:06}.jpg",
                size_bytes=6_000_000,
                format="jpeg",
                width=6000,
                height=4000,
                capture_time=start + timedelta(minutes=rng.randrange(5_000_000)),
                caption=" ".join(rng.choices(WORDS, k=6)) + rare,
                keywords=rng.sample(WORDS, 3),
                case_number=f"20{rng.randrange(15, 27)}-{rng.randrange(100000, 999999)}"
                if rng.random() < 0.2
                else "",
                suggestions=suggestions,
            )
        )
        if len(batch) == 10_000:
            catalog.photos.add_many(batch, actor="bench")
            batch = []
    if batch:
        catalog.photos.add_many(batch, actor="bench")
    # Staff confirm some suggestions.
    confirmed = [i for i in range(1, count + 1) if i % 7 == 0]
    catalog.photos.set_category(confirmed, Category.CASE, CategoryState.CONFIRMED, actor="bench")


def timed(label: str, fn, repeat: int = 5) -> None:
    times, result = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - t) * 1000)
    size = len(result) if hasattr(result, "__len__") else result
    print(f"  {label:<46}{statistics.median(times):>8.1f} ms   ({size} rows; target < 200 ms)")


def run(catalog: Catalog, label: str, count: int) -> None:
    if catalog.photos.count():
        raise SystemExit(f"{label}: the catalog already holds photos; give an empty database")
    t = time.perf_counter()
    fill(catalog, count)
    if catalog.engine.dialect.name == "postgresql":
        from sqlalchemy import text

        with catalog.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            # What autovacuum does after a bulk insert on a server that has been up a while (VACUUM sets
            # the visibility map that index-only scans need).
            conn.execute(text("VACUUM ANALYZE"))
    print(f"{label}: filled {count} photos in {time.perf_counter() - t:.1f} s")
    measure(catalog)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--photos", type=int, default=100_000)
    parser.add_argument("--url", help="an empty PostgreSQL catalog database to measure beside SQLite")
    parser.add_argument(
        "--throwaway-server", action="store_true", help="start a temporary PostgreSQL server (initdb on PATH)"
    )
    parser.add_argument("--backends", default="sqlite,postgresql", help="which to run (default both)")
    args = parser.parse_args()
    backends = [b.strip() for b in args.backends.split(",")]
    cluster = None
    url = args.url
    if "postgresql" in backends and not url and args.throwaway_server:
        import sys

        sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
        from postgres import start_cluster  # the tests' helper: initdb + pg_ctl in a temp folder

        cluster = start_cluster()
        cluster.execute("CREATE DATABASE bench")
        url = cluster.url("bench")
    try:
        if "sqlite" in backends:
            with tempfile.TemporaryDirectory() as tmp:
                catalog = Catalog.open_file(Path(tmp) / "catalog.sqlite")
                run(catalog, "SQLite", args.photos)
                catalog.close()
        if "postgresql" in backends and url:
            catalog = Catalog.open(url)
            version = catalog.identity().server_version
            run(catalog, f"PostgreSQL {version}", args.photos)
            catalog.close()
    finally:
        if cluster is not None:
            cluster.stop()


def measure(catalog: Catalog) -> None:
    if True:
        photos = catalog.photos
        print("median of 5 runs:")

        # What a screen needs: every matching id in order (the grid's rows), plus the first screenful of tiles.
        def page(query: PhotoQuery):
            ids = photos.ids(query)
            photos.summaries_for(ids[:200])
            return ids

        timed("list all, by capture time (+200 tiles)", lambda: page(PhotoQuery()))
        timed("list all, by name (+200 tiles)", lambda: page(PhotoQuery(sort="name")))
        timed("filter: category media (+200 tiles)", lambda: page(PhotoQuery(category=Category.MEDIA)))
        timed(
            "filter: confirmed case photos (+200 tiles)",
            lambda: page(PhotoQuery(category=Category.CASE, confirmed_only=True)),
        )
        timed("search 'åsted' (+200 tiles)", lambda: page(PhotoQuery(search="åsted")))
        timed("search 'brann storgata' (+200 tiles)", lambda: page(PhotoQuery(search="brann storgata")))
        timed("search 'hønefoss' (a rare word)", lambda: page(PhotoQuery(search="hønefoss")))
        timed("first 200 full records (inspector, CLI list)", lambda: photos.search(PhotoQuery(limit=200)))
        timed("all 100k grid summaries at once (for reference)", lambda: photos.summaries(), repeat=1)


if __name__ == "__main__":
    main()
