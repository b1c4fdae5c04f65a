"""Offline face detection (OpenCV's frontal-face Haar cascade) for the portrait suggestion."""

from __future__ import annotations

import logging
import math
import threading
from dataclasses import dataclass, field
from typing import Any

from PIL import Image

log = logging.getLogger(__name__)

CASCADE_FILE = "haarcascade_frontalface_default.xml"
# The cascade's native window; it cannot find faces smaller than this many pixels.
WINDOW = 24
# Faces smaller than this share of the frame's short edge are not looked for: they never make a
# portrait, and searching for them costs most of the time (small windows are the most numerous).
# 0.12 keeps the default portrait threshold (0.15) comfortably findable; the search then runs on
# about 300×200 pixels, 10–45 ms for a real photo on one core.
DEFAULT_MIN_FACE_FRACTION = 0.12
MAX_SEARCH_EDGE = 640
SCALE_FACTOR = 1.2
MIN_NEIGHBOURS = 5
# The cascade's final-stage score. Faces (drawn and photographed) score 7-10; textured clutter that
# passes all stages (foliage, noise) scores 2-4.5. Below this a detection is dropped.
MIN_CONFIDENCE = 5.0
# "One face much larger than any other": the runner-up at most this share of the largest.
DOMINANCE_RATIO = 0.5

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
    # The cascade's score for each face, largest face first.
    confidences: tuple[float, ...] = field(default=())


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


def _cascade() -> Any:
    """This thread's classifier: detectMultiScale mutates the classifier's state, so one per thread."""
    cascade = getattr(_local, "cascade", None)
    if cascade is None:
        cv2 = _load_cv2()
        path = cv2.data.haarcascades + CASCADE_FILE
        cascade = cv2.CascadeClassifier(path)
        if cascade.empty():
            raise RuntimeError(f"OpenCV's face model {path} is missing or unreadable")
        _local.cascade = cascade
    return cascade


def search_size(
    size: tuple[int, int], min_face_fraction: float = DEFAULT_MIN_FACE_FRACTION
) -> tuple[int, int]:
    """The (width, height) to search at so faces of ``min_face_fraction`` are just findable."""
    width, height = size
    short = min(width, height)
    # Scaled so the smallest wanted face is exactly the cascade's window.
    target_short = math.ceil(WINDOW / max(min_face_fraction, 0.01))
    scale = min(1.0, target_short / short, MAX_SEARCH_EDGE / max(width, height))
    return max(1, round(width * scale)), max(1, round(height * scale))


def detect_faces(image: Image.Image, *, min_face_fraction: float = DEFAULT_MIN_FACE_FRACTION) -> FaceResult:
    """Frontal faces in an upright picture (any mode); searched on a small grayscale copy."""
    import numpy as np

    gray = image.convert("L") if image.mode != "L" else image
    size = search_size(gray.size, min_face_fraction)
    if size != gray.size:
        gray = gray.resize(size, Image.Resampling.BILINEAR, reducing_gap=2.0)
    short = min(size)
    min_side = max(WINDOW, math.floor(short * min_face_fraction))
    if short < min_side:
        return FaceResult(0, 0.0, (), size)
    found, _levels, weights = _cascade().detectMultiScale3(
        np.asarray(gray),
        scaleFactor=SCALE_FACTOR,
        minNeighbors=MIN_NEIGHBOURS,
        minSize=(min_side, min_side),
        outputRejectLevels=True,
    )
    scored = [
        (tuple(int(v) for v in box), float(weight))
        for box, weight in zip(found, np.ravel(weights), strict=False)
        if float(weight) >= MIN_CONFIDENCE
    ]
    scored.sort(key=lambda item: item[0][2] * item[0][3], reverse=True)
    boxes = tuple(box for box, _ in scored)
    fractions = tuple(min(b[2], b[3]) / short for b in boxes)
    return FaceResult(
        count=len(boxes),
        largest_fraction=fractions[0] if fractions else 0.0,
        boxes=boxes,  # type: ignore[arg-type]
        frame_size=size,
        fractions=fractions,
        confidences=tuple(weight for _, weight in scored),
    )


def is_portrait(faces: FaceResult, min_fraction: float) -> bool:
    """One dominant face: exactly one face of at least ``min_fraction``, or one much larger than the rest."""
    if faces.count == 0 or faces.largest_fraction < min_fraction:
        return False
    if faces.count == 1:
        return True
    fractions = faces.fractions or (faces.largest_fraction,)
    runner_up = fractions[1] if len(fractions) > 1 else 0.0
    return runner_up <= faces.largest_fraction * DOMINANCE_RATIO
