"""One pass over a new image: metadata, one reduced decode, both thumbnails, the face check."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image

from photoarchive.errors import CorruptImage, ImageTooLarge
from photoarchive.media.decoding import (
    DECODE_ERRORS,
    FILE_ACCESS_ERRORS,
    bomb_message,
    describe,
    open_image,
    sniff_path,
)
from photoarchive.media.faces import DEFAULT_MIN_FACE_FRACTION, FaceResult, detect_faces
from photoarchive.media.formats import ImageFormat
from photoarchive.media.metadata import PhotoMetadata, metadata_from_image
from photoarchive.media.thumbnails import (
    ThumbSize,
    apply_orientation,
    fit,
    rgb_icc_profile,
    to_rgb,
    write_thumbnails,
)

log = logging.getLogger(__name__)

# JPEGs are decoded at the coarsest DCT scale (1/2, 1/4, 1/8) whose long edge is still at least
# this: a 6000×4000 file decodes at 1/4 = 1500×1000, which serves as the ~1600 preview as is.
PREVIEW_MIN_EDGE = 1400
# Source modes whose embedded profile (if RGB) still describes the thumbnail's colours.
_RGB_MODES = frozenset({"RGB", "RGBA", "RGBX", "P", "PA"})
# Modes Pillow can resize directly; others are converted before scaling down.
_RESIZABLE_MODES = frozenset({"RGB", "L", "RGBA", "LA", "CMYK", "I", "F", "RGBX", "YCbCr"})


@dataclass
class Analysis:
    metadata: PhotoMetadata
    faces: FaceResult | None
    # Seconds per stage: "metadata", "thumbnail" (decode + scale + orient + write both), "faces".
    timings: dict[str, float] = field(default_factory=dict)
    thumbnails: dict[ThumbSize, Path] = field(default_factory=dict)


def analyse_image(
    path: Path,
    thumb_root: Path,
    sha256: str,
    *,
    find_faces: bool = True,
    min_face_fraction: float = DEFAULT_MIN_FACE_FRACTION,
    display_name: str | None = None,
) -> Analysis:
    """Read metadata, decode the pixels once (reduced), write both thumbnails, look for faces.

    Raises UnsupportedFile (not an image we take), ImageTooLarge (refused before decoding) and
    CorruptImage (truncated or damaged: the whole picture must decode); their messages call the file
    ``display_name`` (default: its file name). An OSError reaching the file itself propagates as is.
    """
    path = Path(path)
    name = display_name or path.name
    timings: dict[str, float] = {}
    start = time.perf_counter()
    fmt = sniff_path(path, name)
    with open_image(path, fmt, name) as image:
        metadata = metadata_from_image(path, image, fmt)
        mark = time.perf_counter()
        timings["metadata"] = mark - start
        # Leaving the block closes the file; the decoded pixels stay in memory.
        pixels = decode_reduced(image, fmt, name)
        icc = rgb_icc_profile(image.info.get("icc_profile")) if pixels.mode in _RGB_MODES else None
        upright = _thumbnail_source(pixels, metadata.orientation)
    thumbnails = write_thumbnails(upright, thumb_root, sha256, icc)
    after_thumbs = time.perf_counter()
    timings["thumbnail"] = after_thumbs - mark
    faces = None
    if find_faces:
        faces = detect_faces(upright, min_face_fraction=min_face_fraction)
        timings["faces"] = time.perf_counter() - after_thumbs
    return Analysis(metadata=metadata, faces=faces, timings=timings, thumbnails=thumbnails)


def decode_reduced(image: Image.Image, fmt: ImageFormat, name: str) -> Image.Image:
    """Decode every pixel of ``image`` (so damage is found), JPEGs at a reduced DCT scale."""
    if fmt is ImageFormat.JPEG:
        width, height = image.size
        for scale in (8, 4, 2):
            if max(width, height) // scale >= PREVIEW_MIN_EDGE:
                image.draft(None, (width // scale, height // scale))
                break
    try:
        image.load()
    except Image.DecompressionBombError as exc:
        raise ImageTooLarge(bomb_message(name, exc)) from exc
    except FILE_ACCESS_ERRORS:
        raise
    except MemoryError as exc:
        raise ImageTooLarge(f"{name} needs more memory to decode than is available") from exc
    except DECODE_ERRORS as exc:
        raise CorruptImage(f"{name} is a damaged {fmt.name} file: {describe(exc)}") from exc
    return image


def _thumbnail_source(pixels: Image.Image, orientation: int) -> Image.Image:
    """An upright RGB picture no larger than the preview."""
    if pixels.mode not in _RESIZABLE_MODES:
        pixels = to_rgb(pixels)
    pixels = fit(pixels, ThumbSize.PREVIEW)
    return apply_orientation(to_rgb(pixels), orientation)
