"""Opening image files safely: format check, HEIF support, bomb guard, Pillow errors → our errors."""

from __future__ import annotations

import functools
import io
import logging
import re
import struct
import threading
import warnings
import zlib
from pathlib import Path

from PIL import Image, ImageFile, UnidentifiedImageError

from photoarchive.errors import CorruptImage, ImageTooLarge, UnsupportedFile
from photoarchive.media.formats import SNIFF_BYTES, ImageFormat, sniff_format

log = logging.getLogger(__name__)

# Refused without decoding above this many pixels (a 250-MP picture is far beyond any camera we meet,
# and decoding it would need gigabytes).
MAX_PIXELS = 250_000_000

# Pillow raises DecompressionBombError above twice this value; make that line ours.
Image.MAX_IMAGE_PIXELS = MAX_PIXELS // 2
# Truncated files must fail loudly, never decode as half a picture.
ImageFile.LOAD_TRUNCATED_IMAGES = False

# What Pillow and its plugins raise on files that claim a format but are broken.
DECODE_ERRORS = (
    OSError,
    SyntaxError,
    ValueError,
    struct.error,
    zlib.error,
    IndexError,
    KeyError,
    TypeError,
    EOFError,
)

# Not damage in the picture but trouble reaching the file: these propagate unchanged.
FILE_ACCESS_ERRORS = (FileNotFoundError, PermissionError, IsADirectoryError)

# Pillow warns (warnings module) about oddities we handle ourselves: bomb-sized images below our own
# limit, odd TIFF tag counts, corrupt EXIF. In a long-running watcher they would only spam stderr.
warnings.filterwarnings("ignore", category=Image.DecompressionBombWarning)
warnings.filterwarnings(
    "ignore", message=r"Metadata Warning, tag \d+ had too many entries", category=UserWarning
)
warnings.filterwarnings("ignore", message=r"Corrupt EXIF data", category=UserWarning)

PIL_FORMATS = {
    ImageFormat.JPEG: ["JPEG"],
    ImageFormat.PNG: ["PNG"],
    ImageFormat.TIFF: ["TIFF"],
    ImageFormat.WEBP: ["WEBP"],
    ImageFormat.HEIF: ["HEIF"],
}

_heif_lock = threading.Lock()
_heif_registered = False


def ensure_heif() -> None:
    """Register pillow-heif's opener once, the first time a HEIF file is met."""
    global _heif_registered
    if _heif_registered:
        return
    with _heif_lock:
        if not _heif_registered:
            import pillow_heif

            pillow_heif.register_heif_opener()
            _heif_registered = True


def sniff_path(path: Path, name: str | None = None) -> ImageFormat:
    """The file's image format from its first bytes; UnsupportedFile when it is not one we take.

    ``name`` is how messages call the file (default: its own name; ingest passes the inbox name of
    a staged copy).
    """
    # An OSError here (file gone, locked by a copy still running, share offline) is not about the
    # picture: it propagates unchanged for the caller to retry or report.
    with open(path, "rb") as fh:
        head = fh.read(SNIFF_BYTES)
    return sniff_head(head, name or path.name)


def sniff_head(head: bytes, name: str) -> ImageFormat:
    """`sniff_path` for a file whose first bytes are ``head`` (ingest holds the whole file already)."""
    if not head:
        raise UnsupportedFile(f"{name} is empty (0 bytes)")
    fmt = sniff_format(head)
    if fmt is None:
        raise UnsupportedFile(f"{name} is not a JPEG, PNG, TIFF, HEIC/HEIF or WebP picture")
    return fmt


def check_pixels(name: str, size: tuple[int, int]) -> None:
    """ImageTooLarge when the header's pixel size is a decompression bomb (nothing decoded yet)."""
    width, height = size
    if width <= 0 or height <= 0:
        raise CorruptImage(f"{name} declares an impossible size of {width}×{height} pixels")
    if width * height > MAX_PIXELS:
        raise ImageTooLarge(
            f"{name} claims to be {width}×{height} pixels ({width * height / 1e6:.0f} megapixels), "
            f"more than the {MAX_PIXELS // 1_000_000}-megapixel limit; it was not opened"
        )


def bomb_message(name: str, exc: Exception) -> str:
    """The user's message for Pillow's DecompressionBombError (which states the pixel count)."""
    match = re.search(r"\((\d+) pixels\)", str(exc))
    claimed = f"{int(match.group(1)) / 1e6:.0f} megapixels" if match else "too many pixels"
    return (
        f"{name} claims {claimed}, more than the {MAX_PIXELS // 1_000_000}-megapixel limit; "
        "it was not opened (a picture that large is almost certainly a decompression bomb)"
    )


def open_image(
    path: Path, fmt: ImageFormat, name: str | None = None, data: bytes | None = None
) -> Image.Image:
    """Open (header only) the image at ``path`` as ``fmt``; the caller closes it. With ``data`` (the
    file's bytes, already read) the decoder reads those instead of the file.

    Raises ImageTooLarge for a bomb, CorruptImage when the header is unreadable.
    """
    name = name or path.name
    if fmt is ImageFormat.HEIF:
        ensure_heif()
    try:
        image = Image.open(path if data is None else io.BytesIO(data), formats=PIL_FORMATS[fmt])
    except Image.DecompressionBombError as exc:
        raise ImageTooLarge(bomb_message(name, exc)) from exc
    except FILE_ACCESS_ERRORS:
        raise
    except UnidentifiedImageError as exc:
        raise CorruptImage(
            f"{name} looks like a {fmt.name} file but cannot be read (damaged or cut short)"
        ) from exc
    except DECODE_ERRORS as exc:
        raise CorruptImage(f"{name} is a damaged {fmt.name} file: {describe(exc)}") from exc
    try:
        check_pixels(name, image.size)
    except BaseException:
        image.close()
        raise
    return image


@functools.cache
def _pillow_orients_tiff() -> bool:
    """Whether this Pillow turns TIFFs upright by their Orientation tag itself (newer versions do)."""
    probe = io.BytesIO()
    exif = Image.Exif()
    exif[0x0112] = 6
    Image.new("L", (2, 1)).save(probe, "TIFF", exif=exif)
    probe.seek(0)
    with Image.open(probe) as image:
        return image.size == (1, 2)


def decoder_applies_orientation(fmt: ImageFormat) -> bool:
    """True when decoding ``fmt`` already yields upright pixels, so EXIF orientation must not be applied again."""
    if fmt is ImageFormat.HEIF:
        return True  # libheif applies the container's irot/imir transforms
    if fmt is ImageFormat.TIFF:
        return _pillow_orients_tiff()
    return False


_READABLE_REASONS = (
    ("truncated", "the file is truncated: it ends before the picture does"),
    ("broken data stream", "the picture data is damaged"),
    ("could not create decoder", "the picture data cannot be decoded (damaged or cut short)"),
    ("unexpected end of file", "the file is truncated: it ends before the picture does"),
)


def describe(exc: BaseException) -> str:
    """A short, readable reason from a Pillow/libjpeg/libheif exception."""
    text = str(exc).strip() or type(exc).__name__
    lowered = text.lower()
    for needle, reason in _READABLE_REASONS:
        if needle in lowered:
            return reason
    if isinstance(exc, EOFError):
        return "the file is truncated: it ends before the picture does"
    return text[:200]
