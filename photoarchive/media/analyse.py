"""One pass over a new image: metadata, one reduced decode, thumbnails, the face check.

Ingest decodes a JPEG only as far as the grid thumbnail and the face search need (for a 24-MP file,
DCT scale 1/8). The 1600-px preview needs four times the pixels; it is written at ingest when that
decode already has them (small files, PNG, TIFF, HEIC) and otherwise on first view (`ensure_preview`),
as photo managers build their larger previews.
"""

from __future__ import annotations

import logging
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image

from photoarchive.errors import CorruptImage, ImageTooLarge
from photoarchive.media.containers import ParsedFile
from photoarchive.media.decoding import (
    DECODE_ERRORS,
    FILE_ACCESS_ERRORS,
    bomb_message,
    describe,
    open_image,
    sniff_head,
    sniff_path,
)
from photoarchive.media.faces import DEFAULT_MIN_FACE_FRACTION, FaceResult, detect_faces, search_size
from photoarchive.media.formats import SNIFF_BYTES, ImageFormat
from photoarchive.media.metadata import PhotoMetadata, metadata_from_image
from photoarchive.media.stages import StageTimes
from photoarchive.media.thumbnails import (
    ThumbSize,
    apply_orientation,
    fit,
    rgb_icc_profile,
    scale_thumbnails,
    thumbnail_path,
    to_rgb,
    write_scaled,
    write_thumbnails,
)

log = logging.getLogger(__name__)

# At ingest JPEGs are decoded at the coarsest DCT scale (1/8, 1/4, 1/2) whose long edge is still at
# least this: twice the grid thumbnail, a sharp source for it and ample for the face search. A
# 6000×4000 file decodes at 1/8 = 750×500. (libjpeg still reads every coefficient, so damage is found.)
INGEST_MIN_EDGE = 2 * int(ThumbSize.GRID)
# For the preview: a 6000×4000 file decodes at 1/4 = 1500×1000, which serves as the ~1600 preview.
PREVIEW_MIN_EDGE = 1400
# Source modes whose embedded profile (if RGB) still describes the thumbnail's colours.
_RGB_MODES = frozenset({"RGB", "RGBA", "RGBX", "P", "PA"})
# Modes Pillow can resize directly; others are converted before scaling down.
_RESIZABLE_MODES = frozenset({"RGB", "L", "RGBA", "LA", "CMYK", "I", "F", "RGBX", "YCbCr"})


@dataclass
class Analysis:
    metadata: PhotoMetadata
    faces: FaceResult | None
    # Seconds per stage: "metadata", "decode" (the reduced decode), "thumbnail" (scale, turn upright,
    # write), "faces"; wall-clock here, CPU (of the thread that did the stage) in `cpu`.
    timings: dict[str, float] = field(default_factory=dict)
    thumbnails: dict[ThumbSize, Path] = field(default_factory=dict)
    cpu: dict[str, float] = field(default_factory=dict)


def analyse_image(
    path: Path,
    thumb_root: Path,
    sha256: str,
    *,
    find_faces: bool = True,
    min_face_fraction: float = DEFAULT_MIN_FACE_FRACTION,
    display_name: str | None = None,
    source: ParsedFile | None = None,
    data: bytes | None = None,
) -> Analysis:
    """Read metadata, decode the pixels once (reduced), write the thumbnails, look for faces.

    ``data``, the file's bytes when the caller holds them (ingest: the verified copy), is read instead of
    the file; ``source``, the privacy scan's parse of the same file, spares the metadata a second look at
    its blocks (and brings the bytes with it).

    The grid thumbnail is always written; the preview when the decode holds it at full size (see the
    module's doc), else `ensure_preview` makes it later.

    Raises UnsupportedFile (not an image we take), ImageTooLarge (refused before decoding) and
    CorruptImage (truncated or damaged: the whole picture must decode); their messages call the file
    ``display_name`` (default: its file name). An OSError reaching the file itself propagates as is.
    """
    path = Path(path)
    name = display_name or path.name
    if data is None and source is not None:
        data = source.data
    times = StageTimes()
    with times.stage("metadata"):
        fmt = sniff_path(path, name) if data is None else sniff_head(data[:SNIFF_BYTES], name)
        image = open_image(path, fmt, name, data)
    with image:
        with times.stage("metadata"):
            metadata = metadata_from_image(path, image, fmt, source)
        with times.stage("decode"):
            # Leaving the block closes the file; the decoded pixels stay in memory.
            pixels = decode_reduced(image, fmt, name, INGEST_MIN_EDGE)
        with times.stage("thumbnail"):
            icc = rgb_icc_profile(image.info.get("icc_profile")) if pixels.mode in _RGB_MODES else None
            holds_preview = max(pixels.size) >= min(PREVIEW_MIN_EDGE, max(metadata.width, metadata.height))
            upright = _thumbnail_source(pixels, metadata.orientation)
    with times.stage("thumbnail"):
        sizes = (ThumbSize.PREVIEW, ThumbSize.GRID) if holds_preview else (ThumbSize.GRID,)
        pictures = scale_thumbnails(upright, sizes)
        thumbnails = write_scaled(pictures, thumb_root, sha256, icc)
    faces = None
    if find_faces:
        searched = _face_search_picture(upright, pictures[ThumbSize.GRID], min_face_fraction)
        faces = _face_check(searched, min_face_fraction, times)
    return Analysis(metadata=metadata, faces=faces, timings=times.wall, thumbnails=thumbnails, cpu=times.cpu)


def _face_search_picture(upright: Image.Image, grid: Image.Image, min_face_fraction: float) -> Image.Image:
    """The grid thumbnail when it is the size the face search would scale the picture to (a 3:2 photo's
    is), so the search need not scale it again; else the upright picture, for the search to scale."""
    return grid if search_size(upright.size, min_face_fraction) == grid.size else upright


# The face detector keeps one network per thread (~0.1 s of CPU to load, and its buffers), so the
# workers of an ingest hand their face checks to one thread and a process loads it once. The check
# (~15 ms) is a fraction of the decode each worker does before it (~65 ms for 24 MP), so one thread
# keeps up with every core.
_face_thread: ThreadPoolExecutor | None = None
_face_thread_lock = threading.Lock()


def _face_check(picture: Image.Image, min_face_fraction: float, times: StageTimes) -> FaceResult:
    global _face_thread
    if _face_thread is None:
        with _face_thread_lock:
            if _face_thread is None:
                _face_thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="faces")

    def check() -> tuple[FaceResult, float]:
        cpu = time.thread_time()
        found = detect_faces(picture, min_face_fraction=min_face_fraction)
        return found, time.thread_time() - cpu

    wall = time.perf_counter()
    faces, cpu = _face_thread.submit(check).result()
    times.add("faces", time.perf_counter() - wall, cpu)
    return faces


def ensure_preview(path: Path, thumb_root: Path, sha256: str) -> Path:
    """The preview thumbnail of the archived file ``path``, made now if ingest did not make it.

    Raises what `analyse_image` raises for a file that cannot be read (archived files decode, so in
    practice only an OSError when the archive is out of reach).
    """
    target = thumbnail_path(thumb_root, sha256, ThumbSize.PREVIEW)
    if target.exists():
        return target
    path = Path(path)
    fmt = sniff_path(path)
    with open_image(path, fmt) as image:
        orientation = metadata_from_image(path, image, fmt).orientation
        pixels = decode_reduced(image, fmt, path.name, PREVIEW_MIN_EDGE)
        icc = rgb_icc_profile(image.info.get("icc_profile")) if pixels.mode in _RGB_MODES else None
        upright = _thumbnail_source(pixels, orientation)
    return write_thumbnails(upright, thumb_root, sha256, icc, (ThumbSize.PREVIEW,))[ThumbSize.PREVIEW]


def decode_reduced(image: Image.Image, fmt: ImageFormat, name: str, min_edge: int) -> Image.Image:
    """Decode every pixel of ``image`` (so damage is found); JPEGs at the coarsest DCT scale whose
    long edge is still at least ``min_edge``."""
    if fmt is ImageFormat.JPEG:
        width, height = image.size
        for scale in (8, 4, 2):
            if max(width, height) // scale >= min_edge:
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
