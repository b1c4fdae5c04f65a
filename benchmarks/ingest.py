"""Ingest speed on realistic 24-megapixel camera JPEGs, next to a floor and a naive baseline.

Prints images/s and MB/s for `photoarchive ingest` run as a fresh process (start-up included),
milliseconds per stage, and, measured in the same run on the same files:
- the floor: plain copy + sha256 of each file;
- a naive baseline: Pillow full decode + thumbnail() of each file;
- the decode floor: nothing but the reduced (draft-mode) decode that ingest does, on every core.
  libjpeg reads every coefficient even at scale 1/8, so no ingest that decodes (and so finds damage
  and makes a thumbnail from the pixels) can beat it.
With --many N it also ingests N small files and prints the ingest process's peak RSS.

    .venv/bin/python benchmarks/ingest.py [--files 40] [--many 5000]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
import factory  # noqa: E402


def make_files(folder: Path, count: int, width: int, height: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    return [factory.make_camera_jpeg(folder / f"DSC_{i:05}.jpg", width, height, seed=i) for i in range(count)]


def floor(files: list[Path], scratch: Path) -> float:
    scratch.mkdir()
    start = time.perf_counter()
    for f in files:
        digest = hashlib.sha256()
        with open(f, "rb") as src, open(scratch / f.name, "wb") as dst:
            while chunk := src.read(1 << 20):
                digest.update(chunk)
                dst.write(chunk)
            dst.flush()
            os.fsync(dst.fileno())
    return time.perf_counter() - start


def naive(files: list[Path]) -> float:
    from PIL import Image

    start = time.perf_counter()
    for f in files:
        with Image.open(f) as im:
            im.load()
            im.thumbnail((256, 256))
    return time.perf_counter() - start


def decode_floor(files: list[Path]) -> float:
    """The draft-mode decode that ingest does for the grid thumbnail, alone, one thread per core."""
    from concurrent.futures import ThreadPoolExecutor

    from PIL import Image

    from photoarchive.media.analyse import INGEST_MIN_EDGE, decode_reduced
    from photoarchive.media.formats import ImageFormat

    def decode(path: Path) -> None:
        with Image.open(path) as im:
            decode_reduced(im, ImageFormat.JPEG, path.name, INGEST_MIN_EDGE)

    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        list(pool.map(decode, files))
    return time.perf_counter() - start


def commit_cost(folder: Path, count: int = 30) -> tuple[float, float]:
    """Milliseconds per photo commit on this disk: the durable one ingest makes (synchronous=FULL, the
    WAL fsynced) and the same rows at the catalog's NORMAL (what ingest did before)."""
    from photoarchive.catalog import Catalog
    from photoarchive.catalog.photos import NewPhoto

    catalog = Catalog.open_file(folder / "commit-cost.sqlite")

    def new(i: int) -> NewPhoto:
        return NewPhoto(
            sha256=f"{i:064x}",
            original_name="a.jpg",
            archive_path=f"a/{i}.jpg",
            size_bytes=1,
            format="jpeg",
            width=1,
            height=1,
        )

    start = time.perf_counter()
    for i in range(count):
        catalog.photos.add(new(i), actor="bench")
    durable = (time.perf_counter() - start) / count
    start = time.perf_counter()
    for i in range(count, 2 * count):
        catalog.photos.add_many([new(i)], actor="bench")  # one transaction per photo, at NORMAL
    normal = (time.perf_counter() - start) / count
    catalog.close()
    return durable * 1000, normal * 1000


def run_ingest(folder: Path, home: Path) -> tuple[float, list[dict], int]:
    cmd = [sys.executable, "-m", "photoarchive", "--home", str(home), "ingest", str(folder), "--json"]
    start = time.perf_counter()
    peak_kb = 0
    with tempfile.TemporaryFile("w+", encoding="utf-8") as out, tempfile.TemporaryFile("w+") as err:
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, text=True)
        # The child's own high-water mark (VmHWM), polled while it runs. (wait4's ru_maxrss would also
        # count this benchmark's memory, which the child shares between fork and exec.)
        while proc.poll() is None:
            peak_kb = max(peak_kb, _vm_hwm_kb(proc.pid))
            time.sleep(0.1)
        elapsed = time.perf_counter() - start
        out.seek(0)
        err.seek(0)
        if proc.returncode not in (0, 1):
            sys.exit(f"ingest failed ({proc.returncode}): {err.read()}")
        rows = [json.loads(line) for line in out.read().splitlines() if line.startswith("{")]
    return elapsed, rows, peak_kb


def _vm_hwm_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--files", type=int, default=40)
    parser.add_argument("--width", type=int, default=6000)
    parser.add_argument("--height", type=int, default=4000)
    parser.add_argument(
        "--many", type=int, default=0, help="also ingest this many small files and report RSS"
    )
    parser.add_argument(
        "--reuse", type=Path, help="keep the generated files in this folder and reuse them next time"
    )
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="pa-bench-") as tmp:
        tmp_path = Path(tmp)
        t = time.perf_counter()
        if args.reuse:
            cached = args.reuse / f"{args.width}x{args.height}"
            if len(list(cached.glob("DSC_*.jpg"))) < args.files:
                make_files(cached, args.files, args.width, args.height)
            (tmp_path / "inbox").mkdir()
            files = [
                Path(shutil.copy2(cached / f"DSC_{i:05}.jpg", tmp_path / "inbox")) for i in range(args.files)
            ]
        else:
            files = make_files(tmp_path / "inbox", args.files, args.width, args.height)
        total_mb = sum(f.stat().st_size for f in files) / 1e6
        print(
            f"{len(files)} files of {args.width}x{args.height} px, {total_mb:.0f} MB "
            f"(generated in {time.perf_counter() - t:.1f} s); {os.cpu_count()} cores"
        )

        floor_s = floor(files, tmp_path / "floor")
        naive_s = naive(files)
        decode_s = decode_floor(files)
        ours_s, rows, _ = run_ingest(tmp_path / "inbox", tmp_path / "home")
        archived = sum(r["outcome"] == "archived" for r in rows)
        if archived != len(files):
            sys.exit(f"only {archived} of {len(files)} archived: {rows[:3]}")

        n = len(files)
        print(f"{'':<40}{'images/s':>10}{'MB/s':>10}{'total s':>10}")
        for label, secs in (
            ("floor (copy + sha256)", floor_s),
            ("naive (full decode + thumbnail)", naive_s),
            ("decode floor (draft decode, all cores)", decode_s),
            ("photoarchive ingest (process)", ours_s),
        ):
            print(f"{label:<40}{n / secs:>10.1f}{total_mb / secs:>10.1f}{secs:>10.2f}")
        print(
            f"speed-up over the naive baseline: {naive_s / ours_s:.1f}x (target ≥ 4x); "
            f"the decode floor alone is {naive_s / decode_s:.1f}x"
        )
        durable_ms, normal_ms = commit_cost(tmp_path)
        print(
            f"catalog commit per photo: {durable_ms:.2f} ms durable (synchronous=FULL, as ingest does now), "
            f"{normal_ms:.2f} ms at NORMAL (before)"
        )
        stages = sorted({k for r in rows for k in r["timings_ms"]})
        print("median ms per stage (per file, on its worker thread):")
        for stage in stages:
            values = [r["timings_ms"][stage] for r in rows if stage in r["timings_ms"]]
            print(f"  {stage:<20}{statistics.median(values):>8.1f}")

        if args.many:
            shutil.rmtree(tmp_path / "floor")
            many = tmp_path / "many"
            many.mkdir()
            t = time.perf_counter()
            for i in range(args.many):
                factory.make_photo(
                    many / f"IMG_{i:05}.jpg", size=(1024, 768), seed=i, thumbnail=True, gps=True
                )
            print(f"\n{args.many} files of 1024x768 generated in {time.perf_counter() - t:.0f} s")
            secs, rows, peak_kb = run_ingest(many, tmp_path / "home-many")
            print(
                f"ingested {sum(r['outcome'] == 'archived' for r in rows)} in {secs:.1f} s "
                f"({args.many / secs:.0f} images/s); peak RSS of the ingest process: {peak_kb / 1024:.0f} MB "
                "(target < 300 MB)"
            )


if __name__ == "__main__":
    main()
