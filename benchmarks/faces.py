"""Face detection: recall and precision of the app's detector (CenterFace on onnxruntime) and of the Haar
cascade it replaced, on the same labelled set in the same run, and the time per 24-MP photo including
the decode; the trade-off between search scale, time and recall; and the ingest portrait check.

The labelled set is built by tests/labelled.py from freely licensed images (sources and licences in
tests/data/README.md): 6000×4000 scenes, each a real photo scaled up as background with grain, 18 real
faces 24–400 px high, 6 of them 24–31 px (three people: two frontal portraits and a real three-quarter view; about 40 % of
the frontal ones perspective-squeezed to a three-quarter-like turn of 20–35°), each mirrored, tilted,
re-lit, colour-shifted, sometimes blurred and JPEG-recompressed before it is pasted with a feathered
edge, and 8 non-face distractors (a cat's face, coins, text, a clock) at 150–1300 px. Saved as JPEG q90.
Honest limits: three identities, pasted (not photographed in the scene), planar turns; no occlusion,
no crowds, no profile views. It says whether a detector finds a face of a given size and pose in a
camera-sized photo, not how it does on real case photos.

A face counts as found when a box overlaps it with IoU ≥ 0.5 (greedy matching); every other box is a
false positive. ms are per photo: CPU (all threads summed) and wall; the machine is shared, so wall
times move with the load; the search uses one thread per core.

    .venv/bin/python benchmarks/faces.py [--photos 3] [--quick]      (~1–2 min on the 2-core dev machine)
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
import factory  # noqa: E402
import labelled  # noqa: E402

from photoarchive.media import faces  # noqa: E402
from photoarchive.media.analyse import INGEST_MIN_EDGE, decode_reduced  # noqa: E402
from photoarchive.media.decoding import open_image, sniff_path  # noqa: E402
from photoarchive.redaction.detect import find_faces  # noqa: E402

WIDTH, HEIGHT = 6000, 4000
BUCKETS = ((24, 31), (32, 47), (48, 95), (96, 400))
# Per photo: a third of the faces 24–31 px (the hardest sizes, so their recall is measured on enough faces).
HEIGHTS = (24, 24, 26, 28, 28, 30, 32, 36, 40, 48, 64, 80, 96, 128, 160, 240, 320, 400)
Boxes = list[tuple[float, float, float, float]]


def build_set(folder: Path, photos: int) -> list[tuple[Path, list[labelled.Label]]]:
    out = []
    for seed in range(photos):
        scene = labelled.build_scene((WIDTH, HEIGHT), seed, HEIGHTS, distractors=8)
        path = folder / f"scene_{seed}.jpg"
        scene.image.save(path, "JPEG", quality=90)
        out.append((path, [label for label in scene.labels if label.kind == "face"]))
    return out


def evaluate(
    name: str, photos: list[tuple[Path, list[labelled.Label]]], detect: Callable[[Path], Boxes]
) -> float:
    """Print recall/precision (overall, by size and pose) and time for one detector; returns recall."""
    tp = fp = 0
    by_size: dict[tuple[int, int], list[bool]] = {}
    by_pose: dict[str, list[bool]] = {}
    cpu, wall = [], []
    for path, truth in photos:
        start_cpu, start_wall = time.process_time(), time.perf_counter()
        boxes = detect(path)
        cpu.append((time.process_time() - start_cpu) * 1000)
        wall.append((time.perf_counter() - start_wall) * 1000)
        t, f, hit = labelled.match(boxes, [label.box for label in truth])
        tp, fp = tp + t, fp + f
        for label, h in zip(truth, hit, strict=True):
            bucket = next(b for b in BUCKETS if b[0] <= label.box[3] <= b[1] or b == BUCKETS[-1])
            by_size.setdefault(bucket, []).append(h)
            by_pose.setdefault(label.pose, []).append(h)
    total = sum(len(t) for _, t in photos)
    recall = tp / total
    precision = tp / (tp + fp) if tp + fp else 1.0
    sizes = "  ".join(f"{lo}-{hi}px {sum(v)}/{len(v)}" for (lo, hi), v in sorted(by_size.items()))
    poses = "  ".join(f"{p} {sum(v)}/{len(v)}" for p, v in sorted(by_pose.items()))
    print(f"{name:<46} recall {recall:.2f}  precision {precision:.2f}  ({tp} found, {fp} false)  "
          f"{statistics.median(cpu):6.0f} ms CPU  {statistics.median(wall):6.0f} ms wall per photo (median)")  # fmt: skip
    print(f"{'':<46} by face height: {sizes};  by pose: {poses}")
    return recall


def _app(min_face_px: int) -> Callable[[Path], Boxes]:
    def detect(path: Path) -> Boxes:
        return [
            (x * WIDTH, y * HEIGHT, w * WIDTH, h * HEIGHT)
            for (x, y, w, h) in (s.box for s in find_faces(path, min_face_px))
        ]

    return detect


def _haar(path: Path) -> Boxes:
    with Image.open(path) as im:
        im.load()
        return list(faces.detect_faces_haar(im, min_face_px=24).boxes)


def engines() -> None:
    """The shipped network, same input, on OpenCV's DNN module and on onnxruntime (one thread each)."""
    import cv2
    import numpy as np

    cv2.setNumThreads(1)
    net = cv2.dnn.readNetFromONNX(str(faces.MODEL_FILE))
    session = faces._session()
    for w, h in ((256, 160), (1024, 1024)):
        blob = np.random.default_rng(0).integers(0, 255, (1, 3, h, w)).astype(np.float32)
        times = {}
        for engine, run in (
            ("OpenCV DNN", lambda b=blob: (net.setInput(b), net.forward(["537", "538", "539", "540"]))),
            ("onnxruntime", lambda b=blob: session.run(None, {"input.1": b})),
        ):
            run()
            rounds = 20 if w * h < 100_000 else 3
            start = time.process_time()
            for _ in range(rounds):
                run()
            times[engine] = (time.process_time() - start) * 1000 / rounds
        print(f"network alone, {w}x{h}, one thread: OpenCV DNN {times['OpenCV DNN']:.1f} ms CPU, "
              f"onnxruntime {times['onnxruntime']:.1f} ms CPU ({times['OpenCV DNN'] / times['onnxruntime']:.1f}x)")  # fmt: skip


def ingest_check(photos: list[tuple[Path, list[labelled.Label]]]) -> None:
    """The ingest portrait check, on the reduced decode ingest already holds (its time not counted)."""
    reduced = []
    for path, _ in photos:
        with open_image(path, sniff_path(path)) as im:
            reduced.append(decode_reduced(im, sniff_path(path), path.name, INGEST_MIN_EDGE).convert("RGB"))
    portrait = factory.make_pixels((6000, 4000), "face").resize(reduced[0].size)
    frames = reduced + [portrait]
    for name, detect in {
        "CenterFace (onnxruntime)": lambda im: faces.detect_faces(im),
        "Haar cascade (old ingest setup)": lambda im: faces.detect_faces_haar(
            im, min_face_px=round(min(im.size) * faces.DEFAULT_MIN_FACE_FRACTION), max_edge=640),
    }.items():  # fmt: skip
        for frame in frames:
            detect(frame)  # warm up (model load)
        start = time.process_time()
        rounds = 10
        for _ in range(rounds):
            for frame in frames:
                detect(frame)
        ms = (time.process_time() - start) * 1000 / (rounds * len(frames))
        found = detect(portrait).count
        print(f"ingest face check {name:<32} {ms:5.1f} ms/photo CPU on the {frames[0].size[0]}x{frames[0].size[1]} "
              f"reduced decode; portrait test photo: {found} face(s)")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--photos", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help="only the app's search and the ingest check")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        photos = build_set(Path(tmp), args.photos)
        total = sum(len(t) for _, t in photos)
        poses = sorted({label.pose for _, t in photos for label in t})
        print(f"labelled set: {args.photos} photos of {WIDTH}x{HEIGHT}, {total} faces "
              f"({HEIGHTS[0]}-{HEIGHTS[-1]} px high; {', '.join(poses)}), "
              f"8 distractors each; score threshold {faces.FULL_MIN_CONFIDENCE}")  # fmt: skip
        evaluate(
            f"CenterFace, app (faces >= {faces.DEFAULT_MIN_FACE_PX} px, decode incl.)",
            photos,
            _app(faces.DEFAULT_MIN_FACE_PX),
        )
        if not args.quick:
            print(
                "trade-off: the same search for larger smallest faces (a smaller search scale, JPEG DCT-scaled decode)"
            )
            for min_face in (40, 56, 112):
                scale = faces.full_search_scale((WIDTH, HEIGHT), min_face)
                evaluate(f"  faces >= {min_face} px (search at {scale:.2f}x)", photos, _app(min_face))
            evaluate("Haar cascade (old), faces >= 24 px, decode incl.", photos, _haar)
            engines()
        ingest_check(photos)


if __name__ == "__main__":
    main()
