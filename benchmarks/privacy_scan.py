"""Benchmark the privacy scan (`photoarchive inspect`, and ingest's scan of every file) on 24-MP JPEGs.

The scan reads the whole file (so a leftover tail after the end, a comment between scans or an appended
image is found wherever it is). Prints milliseconds per file, median of --repeat runs, for:
  - read only          (the file's bytes into memory: the floor),
  - scan               (`privacy.scan(path)`: read + parse every segment and scan + classify), in-process,
  - inspect CLI        (`python -m photoarchive inspect FILE`, a fresh process: start-up included),
  - exiftool           (`exiftool -a -G1 FILE`, one process per file), when installed,
on a baseline camera JPEG (EXIF, GPS, maker note, thumbnail, XMP, ICC), a progressive re-encode of it
(ten scans: the most markers to walk) and a PNG of it (the scan inflates the image data to find bytes after
the end of the zlib stream). Target (issue 9): the scan of a 24-MP JPEG under 50 ms.

    .venv/bin/python benchmarks/privacy_scan.py [--repeat 15]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))
sys.path.insert(0, str(REPO))


def files(cache: Path) -> list[Path]:
    cache.mkdir(parents=True, exist_ok=True)
    baseline = cache / "camera_24mp.jpg"
    if not baseline.exists():
        import factory  # tests/factory.py: camera-like files with real metadata layouts

        factory.make_camera_jpeg(baseline.with_suffix(".tmp"), 6000, 4000, seed=0).replace(baseline)
    progressive = cache / "camera_24mp_progressive.jpg"
    if not progressive.exists():
        from PIL import Image

        with Image.open(baseline) as im:
            exif = im.info.get("exif", b"")
            im.save(progressive.with_suffix(".tmp"), "JPEG", quality=92, progressive=True, exif=exif,
                    icc_profile=im.info.get("icc_profile"))  # fmt: skip
        progressive.with_suffix(".tmp").replace(progressive)
    png = cache / "camera_24mp.png"
    if not png.exists():
        from PIL import Image

        with Image.open(baseline) as im:
            im.save(png.with_suffix(".tmp"), "PNG", compress_level=1)
        png.with_suffix(".tmp").replace(png)
    return [baseline, progressive, png]


def median_ms(run, repeat: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=15, help="runs per measurement; the median is reported")
    parser.add_argument(
        "--cache", type=Path, default=Path(tempfile.gettempdir()) / "photoarchive-inspect-bench"
    )
    args = parser.parse_args()

    from photoarchive.privacy import scan
    from photoarchive.privacy.scanning import read_file

    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(args.cache / "pycache")
    home = args.cache / "home"
    exiftool = shutil.which("exiftool")
    print(
        f"{'file':<32} {'MB':>5} {'findings':>8} {'read':>7} {'scan':>7} {'inspect CLI':>12} {'exiftool':>9}"
    )
    for path in files(args.cache):
        path.read_bytes()  # page cache warm, as for a file ingest has just copied
        report = scan(path)
        read = median_ms(lambda p=path: read_file(p), args.repeat)
        scanned = median_ms(lambda p=path: scan(p), args.repeat)
        cli_cmd = [sys.executable, "-m", "photoarchive", "--home", str(home), "inspect", str(path)]
        subprocess.run(cli_cmd, cwd=REPO, env=env, stdout=subprocess.DEVNULL)  # bytecode cache
        cli = median_ms(
            lambda c=cli_cmd: subprocess.run(c, cwd=REPO, env=env, stdout=subprocess.DEVNULL),
            min(args.repeat, 5),
        )
        tool = "-"
        if exiftool:
            cmd = [exiftool, "-a", "-G1", str(path)]
            tool = f"{median_ms(lambda c=cmd: subprocess.run(c, stdout=subprocess.DEVNULL), min(args.repeat, 5)):.1f}"
        size = path.stat().st_size / 1e6
        print(f"{path.name:<32} {size:>5.1f} {len(report.findings):>8} {read:>7.1f} {scanned:>7.1f} "
              f"{cli:>12.1f} {tool:>9}")  # fmt: skip
    print("\nmilliseconds per file (median); 'scan' is what ingest and the window call; target: under 50 ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
