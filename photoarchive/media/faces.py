"""Offline face detection: CenterFace (a small CNN, run by OpenCV's DNN module) for the portrait
suggestion at ingest and for the redaction of faces in case photos.

The model (`models/centerface.onnx`, 7.3 MB, MIT) ships inside the package: nothing is downloaded at
run time. OpenCV's old frontal-face Haar cascade is kept as `detect_faces_haar` only so
`benchmarks/faces.py` can print its figures beside the detector's from the same run.
"""

from __future__ import annotations

import logging
import math
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PIL import Image

log = logging.getLogger(__name__)

MODEL_FILE = Path(__file__).with_name("models") / "centerface.onnx"
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
# benchmarks/faces.py (the recall/precision trade-off it prints). Small faces score lower: at 0.5 a face
# of 15 % of the short edge (24 px of search) was found 4 times in 8, at 0.4 7 in 8, with no false hits.
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
    """Import OpenCV once per process, on first use (it adds ~100 ms and 50 MB to start-up)."""
    global _cv2
    if _cv2 is None:
        with _import_lock:
            if _cv2 is None:
                import cv2

                # Ingest runs one image per worker; OpenCV's own thread pool would only fight it.
                cv2.setNumThreads(1)
                _cv2 = cv2
    return _cv2


# Networks kept per thread, by input size. OpenCV's DNN module gives wrong outputs when one Net is run at
# a second input size (seen with OpenCV 4.14), so each size gets its own; ingest meets only a few
# (one per aspect ratio), and a new one costs ~50 ms to read.
_NETS_PER_THREAD = 4


def _network(in_size: tuple[int, int]) -> Any:
    """This thread's CenterFace network for one input size (a cv2.dnn.Net holds its buffers)."""
    nets: dict[tuple[int, int], Any] | None = getattr(_local, "nets", None)
    if nets is None:
        nets = _local.nets = {}
    net = nets.pop(in_size, None)
    if net is None:
        cv2 = _load_cv2()
        if not MODEL_FILE.is_file():
            raise RuntimeError(f"The face detector's model {MODEL_FILE} is missing from the installation")
        net = cv2.dnn.readNetFromONNX(str(MODEL_FILE))
        while len(nets) >= _NETS_PER_THREAD:
            nets.pop(next(iter(nets)))
    nets[in_size] = net  # most recently used last
    return net


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


def _run_centerface(rgb: Any, threshold: float) -> list[tuple[tuple[float, float, float, float], float]]:
    """Faces in an RGB array as ((x, y, w, h) in its pixels, score), best first."""
    import numpy as np

    cv2 = _load_cv2()
    height, width = rgb.shape[:2]
    in_w = max(_ALIGN, math.ceil(width / _ALIGN) * _ALIGN)
    in_h = max(_ALIGN, math.ceil(height / _ALIGN) * _ALIGN)
    # The network takes RGB 0–255 without mean subtraction; the few pixels of padding to a multiple of 32
    # are a stretch (as CenterFace's own demo does), undone on the boxes below.
    blob = cv2.dnn.blobFromImage(rgb, 1.0, (in_w, in_h), (0, 0, 0), swapRB=False, crop=False)
    net = _network((in_w, in_h))
    net.setInput(blob)
    heatmap, scale, offset, _landmarks = net.forward(["537", "538", "539", "540"])
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
    x1 = np.clip(cx - box_w / 2, 0, in_w)
    y1 = np.clip(cy - box_h / 2, 0, in_h)
    x2 = np.clip(cx + box_w / 2, 0, in_w)
    y2 = np.clip(cy + box_h / 2, 0, in_h)
    scores = heat[ys, xs].astype(float)
    sx, sy = width / in_w, height / in_h
    rects = [
        (float(a * sx), float(b * sy), float((c - a) * sx), float((d - b) * sy))
        for a, b, c, d in zip(x1, y1, x2, y2, strict=True)
    ]
    keep = cv2.dnn.NMSBoxes(rects, scores.tolist(), threshold, _NMS_IOU)
    found = [(rects[i], float(scores[i])) for i in np.ravel(keep)]
    found.sort(key=lambda item: item[1], reverse=True)
    return found


def _result(found: list[tuple[tuple[float, float, float, float], float]], size: tuple[int, int]) -> FaceResult:
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


# The full search looks for every face, so it gives the network more pixels per face than the portrait
# check needs (faces of 19–24 px of search are found about half the time; from ~28 px nearly always).
FULL_MIN_DETECTABLE_PX = 28
DEFAULT_MIN_FACE_PX = 40


def full_search_scale(size: tuple[int, int], min_face_px: int) -> float:
    """The scale at which faces of ``min_face_px`` (short edge, in ``size`` pixels) are reliably found."""
    return min(1.0, FULL_MIN_DETECTABLE_PX / max(1, min_face_px))


# The full search runs on tiles (memory bounded, and a whole 24-MP photo in one pass costs twice the
# CPU, much of it in the kernel allocating feature maps). Tiles overlap by TILE_OVERLAP and are spread
# evenly, so a 4200×2800 search is 5×3 tiles of 960×1024 (two sizes at most: each size is a network).
# A face cut by a tile's inner edge is dropped there: every face up to TILE_OVERLAP px is whole in some
# tile, and larger ones are found by one more pass over the whole picture shrunk so they are findable.
MAX_TILE = 1024
TILE_OVERLAP = 128


def _tiles(length: int) -> tuple[int, list[int]]:
    """(tile length, start of each tile) along one side."""
    if length <= MAX_TILE:
        return length, [0]
    count = math.ceil((length - TILE_OVERLAP) / (MAX_TILE - TILE_OVERLAP))
    tile = min(MAX_TILE, math.ceil((length + (count - 1) * TILE_OVERLAP) / count / _ALIGN) * _ALIGN)
    step = (length - tile) / (count - 1)
    return tile, [round(i * step) for i in range(count)]


def detect_faces_full(
    image: Image.Image, *, min_face_px: int = DEFAULT_MIN_FACE_PX, threshold: float = MIN_CONFIDENCE
) -> FaceResult:
    """Every face down to ``min_face_px`` high in an upright picture, for redaction: searched at the
    scale that makes such a face reliably findable (40-px faces in a 6000×4000 photo: the photo at 0.7×,
    seconds of CPU, so run on demand or in the background, never in ingest). Boxes are in the pixels
    of ``image``."""
    import numpy as np

    scale = full_search_scale(image.size, min_face_px)
    size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
    small = image if size == image.size else image.resize(size, Image.Resampling.BILINEAR, reducing_gap=2.0)
    rgb = _rgb_array(small)
    height, width = rgb.shape[:2]
    found: list[tuple[tuple[float, float, float, float], float]] = []
    tile_h, tops = _tiles(height)
    tile_w, lefts = _tiles(width)
    if len(tops) == 1 and len(lefts) == 1:
        found = _run_centerface(rgb, threshold)
    else:
        for top in tops:
            for left in lefts:
                tile = np.ascontiguousarray(rgb[top : top + tile_h, left : left + tile_w])
                for (x, y, w, h), s in _run_centerface(tile, threshold):
                    cut = (
                        (left > 0 and x <= 1)
                        or (top > 0 and y <= 1)
                        or (left + tile_w < width and x + w >= tile_w - 1)
                        or (top + tile_h < height and y + h >= tile_h - 1)
                    )
                    if not cut:
                        found.append(((x + left, y + top, w, h), s))
        coarse_edge = math.ceil(FULL_MIN_DETECTABLE_PX * max(width, height) / (TILE_OVERLAP * 0.9))
        coarse = min(1.0, coarse_edge / max(width, height))
        if coarse < 1.0:
            shrunk = small.resize((max(1, round(width * coarse)), max(1, round(height * coarse))), Image.Resampling.BILINEAR, reducing_gap=2.0)
            for (x, y, w, h), s in _run_centerface(_rgb_array(shrunk), threshold):
                found.append(((x / coarse, y / coarse, w / coarse, h / coarse), s))
        if len(found) > 1:
            keep = _load_cv2().dnn.NMSBoxes([f[0] for f in found], [f[1] for f in found], threshold, _NMS_IOU)
            found = [found[i] for i in np.ravel(keep)]
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


def detect_faces_haar(image: Image.Image, *, min_face_px: int = HAAR_WINDOW, max_edge: int | None = None) -> FaceResult:
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
        np.asarray(gray), scaleFactor=1.2, minNeighbors=5, minSize=(HAAR_WINDOW, HAAR_WINDOW),
        outputRejectLevels=True,
    )
    kept = [
        ((float(x) / scale, float(y) / scale, float(w) / scale, float(h) / scale), float(weight))
        for (x, y, w, h), weight in zip(found, np.ravel(weights), strict=False)
        if float(weight) >= HAAR_MIN_CONFIDENCE
    ]
    return _result(kept, image.size)
