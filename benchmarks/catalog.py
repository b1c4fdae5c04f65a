"""Catalog speed at 100,000 (or 1,000,000) photos: list, the Inbox, filter by category, search by text —
æøå, case-insensitive, substrings of captions and file names (targets: each < 200 ms).

.venv/bin/python benchmarks/catalog.py [--photos 100000] [--url postgresql://user@server/emptydb | --throwaway-server]
    [--backends sqlite,postgresql] [--explain]

With --url (an empty catalog database) or --throwaway-server (initdb/pg_ctl in a temporary folder, as the
tests do), the same figures are printed for PostgreSQL beside SQLite's from the same run, and at the end
side by side. The photos are loaded straight into the tables (COPY on PostgreSQL, executemany on SQLite)
with the derived columns the app computes.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

from photoarchive.catalog import Catalog
from photoarchive.catalog.photo_rows import category_tags, derived_values
from photoarchive.catalog.photos import (
    Category,
    CategoryState,
    CategorySuggestion,
    NewPhoto,
    PhotoQuery,
    SortKey,
)
from photoarchive.ui.views import FIRST_ROWS

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


def generated(count: int):
    """(photo row, category rows) for `count` photos, as the app would write them (derived columns from
    catalog/photo_rows.py): captions of common words plus a rare place name, a fifth with a case number,
    a third of each category suggested, every 7th photo a confirmed case photo, a tenth still unreviewed."""
    rng = random.Random(1)
    start = datetime(2015, 1, 1)
    archived = datetime(2020, 1, 1)
    for i in range(count):
        photo_id = i + 1
        suggestions = [CategorySuggestion(c, "size") for c in Category if rng.random() < 0.3]
        # A rare word, as most real searches are (a name, a place).
        rare = " Hønefoss" if i % 997 == 0 else ""
        new = NewPhoto(
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
        ingested = archived + timedelta(seconds=30 * i + rng.randrange(30))
        marks = {s.category.value: (CategoryState.SUGGESTED.value, "size", "", None) for s in suggestions}
        if photo_id % 7 == 0:
            marks[Category.CASE.value] = (CategoryState.CONFIRMED.value, "user", "bench", ingested)
        row = derived_values(new, ingested)
        row.update(
            id=photo_id,
            category_tags=category_tags((c, m[0]) for c, m in marks.items()),
            reviewed=i % 10 != 0,
        )
        yield row, [(photo_id, c, *m) for c, m in marks.items()]


CATEGORY_COLUMNS = ("photo_id", "category", "state", "source", "decided_by", "decided_at")


def fill(catalog: Catalog, count: int) -> None:
    """Load straight into the tables: COPY on PostgreSQL, executemany on SQLite (add_many per photo,
    with its events and claims, would take most of the run at a million)."""
    import json

    from sqlalchemy import insert, text

    from photoarchive.catalog.schema import photo_categories, photos

    columns = [c.name for c in photos.columns]
    if catalog.engine.dialect.name == "postgresql":
        raw = catalog.engine.raw_connection()
        try:
            cursor = raw.driver_connection.cursor()  # type: ignore[union-attr]
            json_columns = {"keywords", "privacy_findings"}
            categories = []
            with cursor.copy(f"COPY photos ({', '.join(columns)}) FROM STDIN") as copy:
                for row, marks in generated(count):
                    copy.write_row(
                        [
                            json.dumps(row.get(c, []), ensure_ascii=False)
                            if c in json_columns
                            else row.get(c, DEFAULTS.get(c))
                            for c in columns
                        ]
                    )
                    categories.extend(marks)
            with cursor.copy(f"COPY photo_categories ({', '.join(CATEGORY_COLUMNS)}) FROM STDIN") as copy:
                for mark in categories:
                    copy.write_row(mark)
            cursor.execute("SELECT setval(pg_get_serial_sequence('photos', 'id'), %s)", (count,))
            raw.commit()
        finally:
            raw.close()
        return
    batch, marks_batch = [], []
    with catalog.engine.begin() as conn:
        for row, marks in generated(count):
            batch.append({c: row.get(c, DEFAULTS.get(c)) for c in columns})
            marks_batch.extend(dict(zip(CATEGORY_COLUMNS, m, strict=True)) for m in marks)
            if len(batch) == 20_000:
                conn.execute(insert(photos), batch)
                conn.execute(insert(photo_categories), marks_batch)
                batch, marks_batch = [], []
        if batch:
            conn.execute(insert(photos), batch)
            conn.execute(insert(photo_categories), marks_batch)
        conn.execute(text("ANALYZE"))


# Columns NewPhoto does not carry (what the app's add would write).
DEFAULTS = {"privacy_findings": [], "version": 1, "faces": 0}


def timed(figures: dict[str, tuple[float, int]], label: str, fn, repeat: int = 5) -> None:
    times, result = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - t) * 1000)
    size = len(result) if hasattr(result, "__len__") else int(result or 0)
    figures[label] = (statistics.median(times), size)
    print(f"  {label:<50}{statistics.median(times):>8.1f} ms   ({size} rows)", flush=True)


def run(catalog: Catalog, label: str, count: int, explain: bool) -> dict[str, tuple[float, int]]:
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
            # A VACUUM racing the autovacuum the bulk load started can leave most pages not marked
            # all-visible (then the planner sorts the table instead of reading an index): once more.
            conn.execute(text("VACUUM photos, photo_categories"))
            pages, visible = conn.execute(
                text("SELECT relpages, relallvisible FROM pg_class WHERE relname = 'photos'")
            ).one()
            print(f"{label}: {visible} of {pages} table pages all-visible after VACUUM", flush=True)
    print(f"{label}: filled {count} photos in {time.perf_counter() - t:.1f} s", flush=True)
    if explain:
        show_plan(catalog, label)
    return measure(catalog)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--photos", type=int, default=100_000)
    parser.add_argument("--url", help="an empty PostgreSQL catalog database to measure beside SQLite")
    parser.add_argument(
        "--throwaway-server", action="store_true", help="start a temporary PostgreSQL server (initdb on PATH)"
    )
    parser.add_argument("--backends", default="sqlite,postgresql", help="which to run (default both)")
    parser.add_argument(
        "--explain", action="store_true", help="print the Inbox query's plan on each database"
    )
    args = parser.parse_args()
    results: dict[str, dict[str, tuple[float, int]]] = {}
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
                results["SQLite"] = run(catalog, "SQLite", args.photos, args.explain)
                catalog.close()
        if "postgresql" in backends and url:
            catalog = Catalog.open(url)
            version = catalog.identity().server_version
            results[f"PostgreSQL {version.split()[0]}"] = run(
                catalog, f"PostgreSQL {version}", args.photos, args.explain
            )
            catalog.close()
    finally:
        if cluster is not None:
            cluster.stop()
    side_by_side(results, args.photos)


def side_by_side(results: dict[str, dict[str, tuple[float, int]]], count: int) -> None:
    """Every figure of the run in one table, the databases beside each other (target: each < 200 ms)."""
    if not results:
        return
    names = list(results)
    print(f"\n{count:,} photos, median ms (target < 200 ms):")
    print(f"  {'':<50}" + "".join(f"{n:>18}" for n in names))
    for label in results[names[0]]:
        cells = "".join(f"{results[n].get(label, (float('nan'), 0))[0]:>18.1f}" for n in names)
        print(f"  {label:<50}{cells}")


def inbox_query() -> PhotoQuery:
    """The Inbox as the window opens it: unreviewed photos, newest archived first (ui/views.py)."""
    return PhotoQuery(unreviewed_only=True, sort=SortKey.INGESTED_AT, descending=True)


def show_plan(catalog: Catalog, label: str) -> None:
    from sqlalchemy import select

    from photoarchive.catalog import photo_queries
    from photoarchive.catalog.schema import photos

    query = inbox_query()
    stmt = photo_queries.ordered(select(photos.c.id).where(*photo_queries.conditions(query)), query)
    compiled = stmt.compile(dialect=catalog.engine.dialect, compile_kwargs={"literal_binds": True})
    prefix = "EXPLAIN" if catalog.engine.dialect.name == "postgresql" else "EXPLAIN QUERY PLAN"
    with catalog.engine.connect() as conn:
        plan = [" ".join(str(v) for v in row) for row in conn.exec_driver_sql(f"{prefix} {compiled}")]
    print(f"{label}: Inbox query plan:")
    for line in plan:
        print(f"    {line}")


def measure(catalog: Catalog) -> dict[str, tuple[float, int]]:
    photos = catalog.photos
    figures: dict[str, tuple[float, int]] = {}
    print("median of 5 runs:")

    # What a screen needs: every matching id in order (the grid's rows), plus the first screenful of tiles.
    def page(query: PhotoQuery):
        ids = photos.ids(query)
        photos.summaries_for(ids[:200])
        return ids

    def t(label: str, fn, repeat: int = 5) -> None:
        timed(figures, label, fn, repeat)

    t("list all, by capture time (+200 tiles)", lambda: page(PhotoQuery()))
    t("list all, by name (+200 tiles)", lambda: page(PhotoQuery(sort="name")))
    t("Inbox: unreviewed, newest archived first (+200)", lambda: page(inbox_query()))
    t("filter: category media (+200 tiles)", lambda: page(PhotoQuery(category=Category.MEDIA)))
    t(
        "filter: confirmed case photos (+200 tiles)",
        lambda: page(PhotoQuery(category=Category.CASE, confirmed_only=True)),
    )
    t("search 'åsted' (+200 tiles)", lambda: page(PhotoQuery(search="åsted")))
    t("search 'brann storgata' (+200 tiles)", lambda: page(PhotoQuery(search="brann storgata")))
    t("search 'hønefoss' (a rare word)", lambda: page(PhotoQuery(search="hønefoss")))
    t("search 'ØNEFO' (case-insensitive substring)", lambda: page(PhotoQuery(search="ØNEFO")))
    t("search 'ikkulyk' (inside a caption word)", lambda: page(PhotoQuery(search="ikkulyk")))
    t("search 'img_01234' (inside file names)", lambda: page(PhotoQuery(search="img_01234")))
    t("first 200 full records (inspector, CLI list)", lambda: photos.search(PhotoQuery(limit=200)))

    # What the window waits for before its grid shows (ui/window_grid.py reload: the view's count and its
    # first rows); every id of the view follows on a worker, as timed above.
    def first_screen(query: PhotoQuery):
        photos.count(query)
        return photos.summaries(replace(query, limit=FIRST_ROWS))

    for label, query in (
        ("list all, by capture time", PhotoQuery()),
        ("list all, by name", PhotoQuery(sort="name")),
        ("filter: category media", PhotoQuery(category=Category.MEDIA)),
        ("filter: confirmed case photos", PhotoQuery(category=Category.CASE, confirmed_only=True)),
        ("search 'åsted'", PhotoQuery(search="åsted")),
        ("search 'ikkulyk'", PhotoQuery(search="ikkulyk")),
    ):
        t(f"grid shown: {label} (count + first {FIRST_ROWS})", lambda q=query: first_screen(q))
    t("all grid summaries at once (for reference)", lambda: photos.summaries(), repeat=1)
    inbox_before_its_index(catalog, figures)
    return figures


INBOX_INDEX = "ix_photos_reviewed_ingested_at_id"


def inbox_before_its_index(catalog: Catalog, figures: dict[str, tuple[float, int]]) -> None:
    """The baseline of migration 0007's Inbox index, in the same run: the Inbox timed with it dropped."""
    from sqlalchemy import text

    def page():
        ids = catalog.photos.ids(inbox_query())
        catalog.photos.summaries_for(ids[:200])
        return ids

    with catalog.engine.begin() as conn:
        conn.execute(text(f"DROP INDEX {INBOX_INDEX}"))
    try:
        timed(figures, "Inbox without its index (before migration 0007)", page)
    finally:
        with catalog.engine.begin() as conn:
            conn.execute(text(f"CREATE INDEX {INBOX_INDEX} ON photos (reviewed, ingested_at, id)"))


if __name__ == "__main__":
    main()
