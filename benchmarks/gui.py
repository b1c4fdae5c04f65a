"""Desktop app speed with a catalog of 100,000 photos (printed figures, not a test).

    .venv/bin/python benchmarks/gui.py [--photos 100000] [--keep DIR]

Prints: window shown after process start (target 1.5 s), grid model filled after a view was asked
for once the app is up (target 0.5 s; the first view at start-up also waits for the catalog to open), the longest the UI thread was blocked while scrolling the grid top to bottom
(a 5 ms timer probe; target 50 ms), and peak memory (target 500 MB).

The catalog is filled through `PhotoStore.add_many`; a few thousand tiles get a real thumbnail file so
scrolling decodes and paints real JPEGs. The measured run is a fresh process, started the way a user
starts the app, with QT_QPA_PLATFORM=offscreen unless a display is set.
"""

from __future__ import annotations

import time

PROCESS_START = time.time()

import argparse  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import random  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
from datetime import datetime, timedelta  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

WORDS = ("politi", "trafikkulykke", "pressekonferanse", "åsted", "brann", "Storgata", "Ørsta", "beredskap")


def fill(home_dir: Path, count: int, thumbnails_every: int) -> None:
    from io import BytesIO

    from PIL import Image

    from photoarchive.catalog import Catalog
    from photoarchive.catalog.photos import Category, CategorySuggestion, NewPhoto
    from photoarchive.home import Home
    from photoarchive.media.thumbnails import ThumbSize, thumbnail_path

    home = Home(home_dir).ensure()
    catalog = Catalog.for_home(home)
    rng = random.Random(1)
    start = datetime(2015, 1, 1)
    batch: list[NewPhoto] = []
    buf = BytesIO()
    Image.effect_noise((256, 170), 60).convert("RGB").save(buf, "JPEG", quality=80)
    thumb = buf.getvalue()
    for i in range(count):
        sha = f"{i:064x}"
        batch.append(
            NewPhoto(
                sha256=sha,
                original_name=f"IMG_{i:06}.jpg",
                archive_path=f"x/IMG_{i:06}.jpg",
                size_bytes=6_000_000,
                format="jpeg",
                width=6000,
                height=4000,
                capture_time=start + timedelta(minutes=rng.randrange(5_000_000)),
                caption=" ".join(rng.choices(WORDS, k=6)),
                has_gps=rng.random() < 0.3,
                case_number=f"2026-{rng.randrange(100000, 999999)}" if rng.random() < 0.2 else "",
                suggestions=[CategorySuggestion(c, "size") for c in Category if rng.random() < 0.3],
            )
        )
        if i % thumbnails_every == 0:
            path = thumbnail_path(home.thumbnails, sha, ThumbSize.GRID)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(thumb)
        if len(batch) == 10_000:
            catalog.photos.add_many(batch, actor="bench")
            batch = []
    if batch:
        catalog.photos.add_many(batch, actor="bench")
    catalog.close()


def peak_rss_mb() -> float | None:
    try:
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux
    except ImportError:  # Windows
        try:
            import psutil

            return psutil.Process().memory_info().peak_wset / 1e6
        except ImportError:
            return None


def child(home_dir: str, launched_at: float) -> None:
    """The measured app process."""
    from PySide6.QtCore import QElapsedTimer, QTimer

    from photoarchive.home import Home
    from photoarchive.settings import Settings
    from photoarchive.ui.launch import make_application, open_main_window

    app = make_application()
    home = Home(Path(home_dir))
    settings = Settings.load(home)
    results: dict[str, float | None] = {}
    built_at = time.time()
    window = open_main_window(home, settings)
    window.gridFilled.connect(lambda n: results.setdefault("filled", time.time()) and None)
    window.show()
    QTimer.singleShot(0, lambda: results.setdefault("shown", time.time()))

    ticks = QElapsedTimer()
    gaps: list[float] = []
    probe = QTimer(interval=5)

    def tick() -> None:
        if ticks.isValid():
            gaps.append(ticks.nsecsElapsed() / 1e6)
        ticks.restart()

    probe.timeout.connect(tick)
    bar = window.grid.verticalScrollBar()
    steps = 400
    scroller = QTimer(interval=16)
    state = {"step": 0}

    def scroll() -> None:
        state["step"] += 1
        bar.setValue(int(bar.maximum() * state["step"] / steps))
        if state["step"] >= steps:
            scroller.stop()
            QTimer.singleShot(500, finish)

    scroller.timeout.connect(scroll)

    def finish() -> None:
        probe.stop()
        results["max_block_ms"] = max(gaps) - 5 if gaps else None
        results["p99_block_ms"] = sorted(gaps)[int(len(gaps) * 0.99)] - 5 if gaps else None
        results["rows"] = window.model.rowCount()
        results["loaded_rows"] = sum(
            1 for r in range(0, window.model.rowCount(), 97) if window.model.photo(r)
        )
        results["rss_mb"] = peak_rss_mb()
        app.quit()

    def switch_view() -> None:
        # A second view, asked for once the app is up: the grid query alone, no start-up work.
        from photoarchive.ui.views import ViewKind, ViewSpec

        window.gridFilled.connect(
            lambda n: results.setdefault("switch_fill", window.last_fill_seconds) and None
        )
        window.sidebar.select(ViewSpec(ViewKind.ALL))

    def start_scrolling() -> None:
        if "filled" not in results:
            QTimer.singleShot(20, start_scrolling)
            return
        if "first_fill" not in results:
            results["first_fill"] = window.last_fill_seconds
            switch_view()
        if "switch_fill" not in results:
            QTimer.singleShot(20, start_scrolling)
            return
        probe.start()
        QTimer.singleShot(300, lambda: scroller.start())

    QTimer.singleShot(0, start_scrolling)
    app.exec()
    window.shut_down()
    results["launched_at"] = launched_at
    results["built_at"] = built_at
    print(json.dumps(results))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--photos", type=int, default=100_000)
    parser.add_argument(
        "--thumbnails-every", type=int, default=25, help="every Nth photo gets a thumbnail file"
    )
    parser.add_argument("--keep", help="use (and keep) this home folder; filled only when empty")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--launched-at", type=float, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.launched_at)
        return

    tmp = None
    if args.keep:
        home_dir = Path(args.keep)
    else:
        tmp = tempfile.TemporaryDirectory(prefix="photoarchive-gui-bench-")
        home_dir = Path(tmp.name) / "home"
    if not (home_dir / "catalog.sqlite").exists():
        t = time.perf_counter()
        fill(home_dir, args.photos, args.thumbnails_every)
        print(f"catalog of {args.photos:,} photos made in {time.perf_counter() - t:.1f} s")
    env = {**os.environ}
    if not env.get("DISPLAY") and sys.platform.startswith("linux"):
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
    launched_at = time.time()
    out = subprocess.run(
        [sys.executable, __file__, "--child", str(home_dir), "--launched-at", str(launched_at)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    r = json.loads(out.stdout.strip().splitlines()[-1])
    print(f"window shown after process start   {r['shown'] - r['launched_at']:6.2f} s   (target 1.5 s)")
    print(
        f"grid model filled after asking      {r['switch_fill']:6.2f} s   (target 0.5 s; {r['rows']:,} rows)"
    )
    print(f"  first view, at start-up           {r['first_fill']:6.2f} s   (waits for the catalog to open)")
    print(
        f"max UI-thread block while scrolling {r['max_block_ms']:6.1f} ms  (target 50 ms; 99th percentile {r['p99_block_ms']:.1f} ms)"
    )
    rss = r["rss_mb"]
    print(
        f"peak memory (RSS)                   {rss:6.0f} MB  (target 500 MB)"
        if rss
        else "peak memory: not measurable here"
    )
    if tmp is not None:
        tmp.cleanup()


if __name__ == "__main__":
    main()
