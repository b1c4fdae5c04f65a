"""The approve dialog's redacted preview: milliseconds per 24-MP camera JPEG for `burn_preview` (a
reduced decode, upright, the regions filled by the burn-in code) beside, from the same run, the full
burn-in the published copy is made with (full decode, fill, one high-quality encode) — the cost the
preview avoids — and the set service's view of a set of 40 photos with regions (the region digests
approval now freezes are read in one query).

    .venv/bin/python benchmarks/redaction_preview.py [--runs 5]   (~30 s on the 2-core dev machine)
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
import factory  # noqa: E402

from photoarchive.redaction import Fill, Region  # noqa: E402
from photoarchive.redaction.burn import burn_in, burn_preview  # noqa: E402

REGIONS = [
    Region(0.1, 0.2, 0.1, 0.15, fill=Fill.MOSAIC),
    Region(0.5, 0.4, 0.08, 0.12, fill=Fill.MOSAIC),
    Region(0.7, 0.7, 0.2, 0.08, fill=Fill.BOX),
]


def _ms(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def _set_view_ms(folder: Path, runs: int) -> tuple[float, float]:
    """(view of a 40-photo set whose photos have regions, the same set without any regions)."""
    import hashlib

    from photoarchive.catalog import Catalog
    from photoarchive.catalog.photos import NewPhoto
    from photoarchive.home import Home
    from photoarchive.redaction import RedactionService
    from photoarchive.sets.service import SetService

    home = Home(folder / "home").ensure()
    catalog = Catalog.for_home(home)
    service = SetService(catalog, clean_check=lambda _p: None, actor="bench")
    redaction = RedactionService(catalog, home)
    views = []
    for with_regions in (True, False):
        ids = []
        for i in range(40):
            name = f"IMG_{with_regions:d}_{i:04d}.jpg"
            ids.append(
                catalog.photos.add(
                    NewPhoto(
                        sha256=hashlib.sha256(name.encode()).hexdigest(),
                        original_name=name,
                        archive_path=f"2026/{name}",
                        size_bytes=1,
                        format="JPEG",
                        width=6000,
                        height=4000,
                    ),
                    actor="bench",
                )
            )
            if with_regions:
                for r in REGIONS:
                    redaction.add(ids[-1], (r.x, r.y, r.w, r.h), "bench")
        photo_set = service.create(f"Sett {with_regions}")
        service.add(photo_set.id, ids)
        views.append(_ms(lambda s=photo_set.id: service.view(s), runs))
    catalog.close()
    return views[0], views[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source = factory.make_photo(folder / "camera.jpg", size=(6000, 4000), quality=92, orientation=6, seed=7)
        print(f"24-MP JPEG ({source.stat().st_size / 1e6:.1f} MB, orientation 6), median of {args.runs} runs:")
        for edge in (320, 480):
            preview = _ms(lambda e=edge: burn_preview(source, REGIONS, e), args.runs)
            print(f"  burn_preview at {edge} px: {preview:7.1f} ms")
        full = _ms(lambda: burn_in(source, REGIONS, folder / "redacted.jpg"), max(1, args.runs // 2))
        print(f"  baseline, full burn_in:  {full:7.1f} ms (what the published copy costs)")
        with_regions, without = _set_view_ms(folder, args.runs)
        print(f"SetService.view of 40 photos: {with_regions:.1f} ms with 3 regions each, {without:.1f} ms without")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
