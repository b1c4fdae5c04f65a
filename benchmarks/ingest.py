"""Ingest speed on realistic 24-megapixel camera JPEGs, next to a floor and a naive baseline.

Prints images/s and MB/s for `photoarchive ingest` run as a fresh process (start-up included),
milliseconds per stage, and, measured in the same run on the same files:
- the floor: plain copy + sha256 of each file;
- a naive baseline, as any tool that decodes fully would run it on every core: sha256 + copy + Pillow
  full decode + thumbnail of each file;
- the decode floor: nothing but the reduced (draft-mode) decode that ingest does, on every core.
  libjpeg reads every coefficient even at scale 1/8, so no ingest that decodes (and so finds damage
  and makes a thumbnail from the pixels) can beat it.
With --many N it also ingests N small files and prints the ingest process's peak RSS. With --before DIR
(a checkout of an earlier photoarchive, e.g. `git archive <commit> photoarchive | tar -x -C DIR`) that
version's ingest runs in the same rounds, so before and after are measured on the same machine state.

CPU figures (user + system of every thread) are the ones to compare on a machine others share; the
per-stage table gives each stage's wall and CPU milliseconds on the thread that did it (the face check
runs on one thread of its own).

    .venv/bin/python benchmarks/ingest.py [--files 40] [--rounds 2] [--reuse DIR] [--many 5000] [--before DIR]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
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


def naive(files: list[Path], scratch: Path) -> float:
    """What any tool that decodes fully does: sha256 + copy, Pillow full decode, thumbnail, one thread per
    core (hashing, copying and decoding release the GIL, as in ingest)."""
    from concurrent.futures import ThreadPoolExecutor

    from PIL import Image

    scratch.mkdir()

    def one(f: Path) -> None:
        digest = hashlib.sha256()
        with open(f, "rb") as src, open(scratch / f.name, "wb") as dst:
            while chunk := src.read(1 << 20):
                digest.update(chunk)
                dst.write(chunk)
            dst.flush()
            os.fsync(dst.fileno())
        with Image.open(f) as im:
            im.load()
            im.thumbnail((256, 256))
            im.save(scratch / f"{f.stem}_256.jpg", quality=80)

    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        list(pool.map(one, files))
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


def run_ingest(folder: Path, home: Path, code: Path | None = None) -> tuple[float, list[dict], int, float]:
    """Wall seconds, result rows, peak RSS (kB) and CPU seconds (user + system) of one ingest process;
    ``code``: a folder holding another version's `photoarchive` package to run instead of this one."""
    cmd = [sys.executable, "-m", "photoarchive", "--home", str(home), "ingest", str(folder), "--json"]
    env = dict(os.environ)
    if code is not None:
        env["PYTHONPATH"] = str(code)
    cpu_before = _children_cpu()
    start = time.perf_counter()
    peak_kb = 0
    with tempfile.TemporaryFile("w+", encoding="utf-8") as out, tempfile.TemporaryFile("w+") as err:
        # Started outside the repository, so PYTHONPATH (not the current folder) decides which code runs.
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, text=True, env=env, cwd=home.parent)
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
    return elapsed, rows, peak_kb, _children_cpu() - cpu_before


def _check_archived(rows: list[dict], count: int) -> None:
    archived = sum(r["outcome"] == "archived" for r in rows)
    if archived != count:
        sys.exit(f"only {archived} of {count} archived: {rows[:3]}")


def _print_stages(rows: list[dict], before_rows: list[dict]) -> None:
    """Median milliseconds per stage and file: wall and CPU now, wall (and CPU, where it reports it) before."""

    def median(rows: list[dict], key: str, stage: str) -> str:
        values = [r[key][stage] for r in rows if stage in r.get(key, {})]
        return f"{statistics.median(values):>10.1f}" if values else f"{'-':>10}"

    stages = list(dict.fromkeys(k for r in rows + before_rows for k in r["timings_ms"]))
    header = f"  {'stage':<20}{'wall':>10}{'CPU':>10}"
    if before_rows:
        header += f"{'wall before':>14}{'CPU before':>12}"
    print("median ms per stage (per file, on the thread that did it):")
    print(header)
    for stage in stages:
        line = f"  {stage:<20}{median(rows, 'timings_ms', stage)}{median(rows, 'cpu_ms', stage)}"
        if before_rows:
            line += (
                f"{median(before_rows, 'timings_ms', stage):>14}{median(before_rows, 'cpu_ms', stage):>12}"
            )
        print(line)
    cpu_total = statistics.median(sum(r.get("cpu_ms", {}).values()) for r in rows)
    faces = [r["cpu_ms"]["analyse_faces"] for r in rows if "analyse_faces" in r.get("cpu_ms", {})]
    if faces:
        print(
            f"  the face check is {statistics.median(faces):.1f} ms of the {cpu_total:.1f} ms of CPU the "
            "stages take per file (median; start-up and the thread pool are not in the stages)"
        )


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _timed(fn, *args) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """Wall and CPU seconds (all of this process's threads) of fn(*args)."""
    before = resource.getrusage(resource.RUSAGE_SELF)
    start = time.perf_counter()
    fn(*args)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_SELF)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


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
    parser.add_argument("--rounds", type=int, default=2, help="naive and ingest runs, best of each")
    parser.add_argument(
        "--reuse", type=Path, help="keep the generated files in this folder and reuse them next time"
    )
    parser.add_argument(
        "--before", type=Path, help="a folder holding an earlier photoarchive package, run in the same rounds"
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
        decode_s = decode_floor(files)
        # The naive baseline and ingest take turns, best of --rounds each: on a machine others share, a
        # busy moment then penalises neither alone. CPU seconds do not depend on what else runs.
        naive_runs, ingest_runs, before_runs = [], [], []
        rows: list[dict] = []
        before_rows: list[dict] = []
        for round_ in range(args.rounds):
            shutil.rmtree(tmp_path / "naive", ignore_errors=True)
            naive_runs.append(_timed(naive, files, tmp_path / "naive"))
            if args.before:
                wall, before_rows, _, cpu = run_ingest(
                    tmp_path / "inbox", tmp_path / f"before-{round_}", args.before.resolve()
                )
                _check_archived(before_rows, len(files))
                before_runs.append((wall, cpu))
            wall, round_rows, _, cpu = run_ingest(tmp_path / "inbox", tmp_path / f"home-{round_}")
            _check_archived(round_rows, len(files))
            rows += round_rows
            ingest_runs.append((wall, cpu))
        naive_s, naive_cpu = min(w for w, _ in naive_runs), min(c for _, c in naive_runs)
        ours_s, ours_cpu = min(w for w, _ in ingest_runs), min(c for _, c in ingest_runs)
        # The fixed cost of the process: start-up and an ingest of nothing into the existing archive.
        empty = tmp_path / "empty"
        empty.mkdir()
        start_wall, _, _, start_cpu = run_ingest(empty, tmp_path / "home-0")

        n = len(files)
        print(f"{'':<60}{'images/s':>10}{'MB/s':>10}{'total s':>10}{'CPU ms/file':>13}")
        lines: list[tuple[str, float, float | None]] = [
            ("floor (copy + sha256, one thread)", floor_s, None),
            ("naive (sha256 + copy + full decode + thumbnail, all cores)", naive_s, naive_cpu),
            ("decode floor (draft decode, all cores)", decode_s, None),
        ]
        if before_runs:
            before_s, before_cpu = min(w for w, _ in before_runs), min(c for _, c in before_runs)
            lines.append((f"photoarchive ingest before ({args.before.name})", before_s, before_cpu))
        lines.append(("photoarchive ingest (process, fresh archive)", ours_s, ours_cpu))
        for label, secs, cpu in lines:
            per_file = f"{cpu * 1000 / n:>13.0f}" if cpu is not None else f"{'':>13}"
            print(f"{label:<60}{n / secs:>10.1f}{total_mb / secs:>10.1f}{secs:>10.2f}{per_file}")
        print(
            f"speed-up over the naive baseline: {naive_s / ours_s:.2f}x by wall time, "
            f"{naive_cpu / ours_cpu:.2f}x by CPU (target ≥ 2x); the decode floor alone is {naive_s / decode_s:.1f}x"
        )
        if before_runs:
            print(
                f"before: {naive_s / before_s:.2f}x by wall time, {naive_cpu / before_cpu:.2f}x by CPU; "
                f"ingest CPU per file {before_cpu * 1000 / n:.0f} -> {ours_cpu * 1000 / n:.0f} ms"
            )
        print(
            f"fixed cost of an ingest process into an existing archive: {start_wall:.2f} s wall, "
            f"{start_cpu:.2f} s CPU (in the figures above, plus creating the catalog)"
        )
        durable_ms, normal_ms = commit_cost(tmp_path)
        print(
            f"catalog commit per photo: {durable_ms:.2f} ms durable (synchronous=FULL, as ingest does now), "
            f"{normal_ms:.2f} ms at NORMAL (before)"
        )
        _print_stages(rows, before_rows)

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
            secs, rows, peak_kb, _ = run_ingest(many, tmp_path / "home-many")
            print(
                f"ingested {sum(r['outcome'] == 'archived' for r in rows)} in {secs:.1f} s "
                f"({args.many / secs:.0f} images/s); peak RSS of the ingest process: {peak_kb / 1024:.0f} MB "
                "(target < 300 MB)"
            )


if __name__ == "__main__":
    main()
