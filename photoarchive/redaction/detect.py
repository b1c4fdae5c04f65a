"""What the detectors suggest hiding in a photo: faces (CenterFace) as regions to review.

Number plates are not suggested: the one detector a package ships (OpenCV's Russian-plate Haar
cascade), at its best setting chosen on one set of rendered Norwegian plates, found 0.75 of the plates
of 80 px and wider on another set at a precision of 0.57 (benchmarks/plates.py), below the 0.8 / 0.8 a
suggestion should reach, and would cost ~3 s of CPU per 24-MP photo and OpenCV in the build. Plates
stay the reviewer's to draw.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from photoarchive.media import faces
from photoarchive.redaction.model import RegionKind


@dataclass(frozen=True)
class Suggestion:
    kind: RegionKind
    # (x, y, w, h) in fractions (0–1) of the photo as displayed.
    box: tuple[float, float, float, float]
    score: float


def decode_for_search(source: Path, scale: float) -> tuple[Image.Image, float]:
    """The photo upright, decoded no larger than the search needs: a JPEG at the coarsest DCT scale
    (1/2, 1/4, 1/8) that still holds ``scale`` × its size, which libjpeg does for a fraction of a full
    decode. Returns the picture and the factor it was decoded at."""
    from photoarchive.media.decoding import decoder_applies_orientation, open_image, sniff_path
    from photoarchive.redaction.burn import displayed

    fmt = sniff_path(source)
    with open_image(source, fmt) as original:
        width = original.width
        if scale < 1.0:
            original.draft("RGB", (math.ceil(original.width * scale), math.ceil(original.height * scale)))
        factor = original.width / width if width else 1.0
        if decoder_applies_orientation(fmt):
            original.load()
            return original.copy(), factor
        upright = displayed(original)
        upright.load()
        return (upright if upright is not original else original.copy()), factor


def find_faces(source: Path, min_face_px: int = faces.DEFAULT_MIN_FACE_PX) -> list[Suggestion]:
    """Every face down to ``min_face_px`` high (in the original's pixels) in the photo at ``source``."""
    # Probe the size without decoding, so the draft scale fits the search scale.
    from photoarchive.media.decoding import open_image, sniff_path

    fmt = sniff_path(source)
    with open_image(source, fmt) as probe:
        size = probe.size
    scale = faces.full_search_scale(size, min_face_px)
    picture, factor = decode_for_search(source, scale)
    found = faces.detect_faces_full(picture, min_face_px=max(1, round(min_face_px * factor)))
    return [
        Suggestion(RegionKind.FACE, box, score)
        for box, score in zip(found.normalised_boxes(), found.confidences, strict=True)
    ]
