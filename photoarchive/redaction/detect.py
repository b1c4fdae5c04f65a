"""What the detectors suggest hiding in a photo: faces (CenterFace) and number plates (the numpy finder
in redaction/plates.py) as regions to review.

Plates: no package ships a plate model we may use offline, and OpenCV's Russian-plate Haar cascade
found 0.75 of the rendered plates of 80 px and wider at a precision of 0.57. The numpy finder, its
thresholds set on one set of rendered Norwegian plates, found 0.94 of them on another at a precision of
0.93 in ~0.5 s of CPU per 24-MP photo (benchmarks/plates.py). Rendered plates are cleaner than real ones,
and on real camera photos without a plate it suggested ~1 box a photo (21 on 18: stickers, signs, text)
and 5 on 10 labelled face scenes: the suggestions are for a reviewer to confirm or drop.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from photoarchive.media import faces
from photoarchive.redaction.model import RegionKind

# The plate finder's thresholds were set on half-size decodes of 6000×4000 photos: it searches a picture
# no wider or higher than this.
PLATE_SEARCH_PX = 3000


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


def find_plates(source: Path) -> list[Suggestion]:
    """Number plates in the photo at ``source``, searched at no more than PLATE_SEARCH_PX a side."""
    import numpy as np

    from photoarchive.media.decoding import open_image, sniff_path
    from photoarchive.redaction import plates

    with open_image(source, sniff_path(source)) as probe:
        size = probe.size
    scale = min(1.0, PLATE_SEARCH_PX / max(size))
    picture, _factor = decode_for_search(source, scale)
    gray = picture.convert("L")
    if max(gray.size) > PLATE_SEARCH_PX:
        fit = PLATE_SEARCH_PX / max(gray.size)
        gray = gray.resize(
            (max(1, round(gray.width * fit)), max(1, round(gray.height * fit))), Image.Resampling.BOX
        )
    width, height = gray.size
    found: list[Suggestion] = []
    for (x, y, w, h), score in plates.search(np.asarray(gray)):
        x0, y0 = max(0.0, x / width), max(0.0, y / height)
        x1, y1 = min(1.0, (x + w) / width), min(1.0, (y + h) / height)
        if x1 > x0 and y1 > y0:
            found.append(Suggestion(RegionKind.PLATE, (x0, y0, x1 - x0, y1 - y0), score))
    return found
