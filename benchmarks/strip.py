"""Benchmark `photoarchive strip IN... --out-dir` against a plain file copy and ExifTool.

Generates N 24-MP camera-like JPEGs (full EXIF with GPS/serials/thumbnail, XMP, ICC; cached between
runs), adds the corpus JPEGs, and prints files/s and MB/s of:
  - plain copy   (shutil.copyfile of every file, in this process: the floor),
  - strip        (`python -m photoarchive strip ... --out-dir`, a fresh process: start-up included),
  - exiftool     (`exiftool -all= -tagsfromfile @ -Orientation -ICC_Profile`, one process), when installed.
Then, in this process, the time per file of publish_copy beside shutil.copyfile (no start-up), and with
--profile the functions that take it (cProfile).
Targets (issues 3 and 9): strip at least 3× faster than ExifTool, and within 3× of plain copy, with the
re-serialised header, rebuilt ICC profile and whole-file scan.

    .venv/bin/python benchmarks/strip.py [--count 40] [--repeat 3] [--no-corpus] [--profile]

On a busy machine use e.g. --count 8 --repeat 2 for a quick look; the figures then weigh start-up more.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))
CORPUS = Path(os.environ.get("PHOTOARCHIVE_CORPUS", REPO.parent / "shared" / "corpus"))


def generate(cache: Path, count: int) -> list[Path]:
    cache.mkdir(parents=True, exist_ok=True)
    files = []
    for i in range(count):
        path = cache / f"camera_{i:03d}.jpg"
        if not path.exists():
            import factory  # tests/factory.py: camera-like files with real metadata layouts

            tmp = path.with_suffix(".tmp")
            factory.make_camera_jpeg(tmp, 6000, 4000, seed=i)
            tmp.replace(path)
            print(f"  generated {path.name} ({path.stat().st_size / 1e6:.1f} MB)", flush=True)
        files.append(path)
    return files


def corpus_jpegs() -> list[Path]:
    if not CORPUS.is_dir():
        return []
    sys.path.insert(0, str(REPO))
    from photoarchive.privacy import StripRefused, publish_copy  # only to leave out files strip refuses

    out = []
    with tempfile.TemporaryDirectory() as tmp:
        for path in sorted(CORPUS.rglob("*")):
            if path.suffix.lower() in (".jpg", ".jpeg"):
                try:
                    publish_copy(path, Path(tmp) / "probe.jpg")
                except StripRefused:
                    continue
                out.append(path)
    return out


def timed(run, repeat: int, fresh_dir: Path) -> float:
    best = float("inf")
    for _ in range(repeat):
        shutil.rmtree(fresh_dir, ignore_errors=True)
        fresh_dir.mkdir(parents=True)
        start = time.perf_counter()
        run(fresh_dir)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--count", type=int, default=40, help="generated 24-MP JPEGs (default 40)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per tool; the best is reported")
    parser.add_argument("--no-corpus", action="store_true", help="leave out the corpus JPEGs")
    parser.add_argument("--profile", action="store_true", help="print where publish_copy spends its time")
    parser.add_argument(
        "--cache", type=Path, default=Path(tempfile.gettempdir()) / "photoarchive-strip-bench"
    )
    args = parser.parse_args()

    print(f"Generating/reusing {args.count} 24-MP JPEGs in {args.cache} …", flush=True)
    files = generate(args.cache / "in", args.count)
    if not args.no_corpus:
        files += corpus_jpegs()
    total = sum(p.stat().st_size for p in files)
    for p in files:  # warm the page cache so every tool reads from memory
        p.read_bytes()
    work = Path(tempfile.mkdtemp(prefix="strip-bench-"))
    home = work / "home"
    results: dict[str, float] = {}
    # An installed app runs from compiled bytecode; this environment may forbid writing it next to the
    # sources (PYTHONDONTWRITEBYTECODE), which would add the compile time of every module to each start.
    # Cache it outside the work tree instead.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(args.cache / "pycache")
    subprocess.run(
        [sys.executable, "-m", "photoarchive", "--help"], cwd=REPO, env=env, stdout=subprocess.DEVNULL
    )

    def plain_copy(out: Path) -> None:
        for i, p in enumerate(files):
            shutil.copyfile(p, out / f"{i}_{p.name}")

    def strip(out: Path, *extra: str) -> None:
        cmd = [
            sys.executable,
            "-m",
            "photoarchive",
            "--home",
            str(home),
            "strip",
            *map(str, files),
            "--out-dir",
            str(out),
            *extra,
        ]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, cwd=REPO, env=env)

    results["plain copy"] = timed(plain_copy, args.repeat, work / "copy")
    results["photoarchive strip"] = timed(strip, args.repeat, work / "strip")
    results["strip --fsync"] = timed(lambda out: strip(out, "--fsync"), args.repeat, work / "strip-fsync")
    exiftool = shutil.which("exiftool")
    if exiftool:
        # exiftool refuses duplicate names in one -o directory; the corpus has none among JPEGs we keep.
        def run_exiftool(out: Path) -> None:
            cmd = [exiftool, "-q", "-q", "-m", "-all=", "-tagsfromfile", "@", "-Orientation", "-ICC_Profile",
                   "-o", f"{out}{os.sep}%f_%c.%e", *map(str, files)]  # fmt: skip
            subprocess.run(cmd, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

        results["exiftool"] = timed(run_exiftool, args.repeat, work / "exiftool")

    n = len(files)
    print(f"\n{n} files, {total / 1e6:.1f} MB ({args.count} generated 24-MP + {n - args.count} corpus JPEGs), "
          f"best of {args.repeat}, start-up included for strip and exiftool\n")  # fmt: skip
    print(f"{'tool':<20} {'seconds':>8} {'files/s':>9} {'MB/s':>8}")
    for name, seconds in results.items():
        print(f"{name:<20} {seconds:8.3f} {n / seconds:9.1f} {total / 1e6 / seconds:8.1f}")
    print()
    for label in ("photoarchive strip", "strip --fsync"):
        strip_s = results[label]
        print(f"{label}: {strip_s / results['plain copy']:.2f}× the time of plain copy (target ≤ 3×)", end="")
        if "exiftool" in results:
            print(f", {results['exiftool'] / strip_s:.2f}× faster than exiftool (target ≥ 3×)", end="")
        print()

    sys.path.insert(0, str(REPO))
    in_process(files, work / "in-process", args.repeat, args.profile)

    # The ingest scans every new photo: time scan() on the generated 24-MP files, in this process.
    from photoarchive.privacy import scan

    generated = files[: args.count]
    best = float("inf")
    for _ in range(args.repeat):
        start = time.perf_counter()
        for p in generated:
            scan(p)
        best = min(best, time.perf_counter() - start)
    if generated:
        print(
            f"scan() of a 24-MP camera JPEG: {best / len(generated) * 1000:.2f} ms (target well under 10 ms)"
        )
    shutil.rmtree(work, ignore_errors=True)
    return 0


def in_process(files: list[Path], out: Path, repeat: int, profile: bool) -> None:
    """publish_copy per file in this process (what the strip costs beside its start-up), next to a copy."""
    from photoarchive.privacy import PressFields, PublishPolicy, publish_copy
    from photoarchive.settings import Settings

    policy = PublishPolicy(fsync=False)
    press = PressFields.from_settings(Settings().press)

    def run_copy(folder: Path) -> None:
        for i, p in enumerate(files):
            shutil.copyfile(p, folder / f"{i}.jpg")

    def run_strip(folder: Path) -> None:
        for i, p in enumerate(files):
            publish_copy(p, folder / f"{i}.jpg", policy, press)

    copy_s = timed(run_copy, repeat, out / "copy")
    strip_s = timed(run_strip, repeat, out / "strip")
    n = len(files)
    print(f"in process, per file: publish_copy {strip_s / n * 1000:.2f} ms, shutil.copyfile "
          f"{copy_s / n * 1000:.2f} ms ({strip_s / copy_s:.2f}×)")  # fmt: skip
    if profile:
        import cProfile
        import pstats

        folder = out / "profile"
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        profiler = cProfile.Profile()
        profiler.runcall(run_strip, folder)
        pstats.Stats(profiler).sort_stats("tottime").print_stats(12)


if __name__ == "__main__":
    raise SystemExit(main())
