"""Labelled pictures for the face and number-plate detectors, built from the freely licensed images in
tests/data/ (sources and licences in tests/data/README.md): real faces and rendered Norwegian-style plates
pasted at known places and sizes onto real photo backgrounds, with non-face distractors (a cat's face,
coins, text, a clock). Used by the tests (small scenes) and by benchmarks/faces.py and benchmarks/plates.py
(6000×4000 scenes).

What is synthetic, honestly: the faces are three real people (two frontal portraits and one real
three-quarter view); "three-quarter" variants of the frontal ones are made by a perspective squeeze of
the flat photo (a turned plane, no nose parallax), so they are easier than a real turned head. Every
face is also mirrored, tilted in-plane (±12°), brightened or darkened (0.6–1.3), colour-shifted, blurred
a little at random and recompressed (JPEG q65–92) before it is pasted with a feathered oval edge; the
scene is a real photo scaled up to the frame (so smoother than a camera's) plus grain, and is saved as a
JPEG (q90). Plates are rendered black on white with a blue band, "AB 12345", in DejaVu Sans Bold (or
Pillow's own font where DejaVu is absent), turned ±35° and tilted ±6°, on a dark bumper.
"""

from __future__ import annotations

import functools
import math
import random
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageEnhance, ImageFilter, ImageFont

DATA = Path(__file__).with_name("data")


@dataclass(frozen=True)
class Head:
    file: str
    box: tuple[int, int, int, int]  # the face in the file (x, y, w, h), labelled by hand
    pose: str  # "frontal" or "three-quarter" as photographed
    max_height: int  # the largest face it is scaled to (beyond, upscaling blurs it past a real photo)


HEADS = (
    Head("astronaut_head.jpg", (62, 60, 92, 124), "frontal", 400),
    Head("hopper_head.jpg", (75, 112, 182, 205), "frontal", 400),
    Head("cameraman_head.jpg", (52, 69, 55, 78), "three-quarter", 160),
)
BACKGROUNDS = ("bg_launch_pad.jpg", "bg_coffee.jpg", "bg_hubble.jpg", "bg_grass.jpg", "bg_brick.jpg")
DISTRACTORS = ("distractor_cat.jpg", "distractor_coins.jpg", "distractor_text.jpg", "distractor_clock.jpg")
FACE_HEIGHTS = (24, 28, 32, 40, 48, 64, 80, 96, 128, 160, 240, 320, 400)
PLATE_WIDTHS = (48, 64, 80, 100, 130, 160, 220, 300, 400)


@dataclass(frozen=True)
class Label:
    box: tuple[int, int, int, int]  # (x, y, w, h) in the scene
    kind: str  # "face" or "plate"
    pose: str = ""  # faces: "frontal" / "three-quarter"
    source: str = ""  # which head file, or the plate's text


@dataclass
class Scene:
    image: Image.Image
    labels: list[Label]

    def boxes(self, kind: str) -> list[tuple[int, int, int, int]]:
        return [label.box for label in self.labels if label.kind == kind]


@functools.cache
def _load(name: str) -> Image.Image:
    with Image.open(DATA / name) as im:
        return im.convert("RGB")


def _homography(src: list[tuple[float, float]], dst: list[tuple[float, float]]) -> np.ndarray:
    """The 3×3 perspective map taking the four ``src`` points to ``dst``."""
    rows, rhs = [], []
    for (x, y), (u, v) in zip(src, dst, strict=True):
        rows.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        rows.append([0, 0, 0, x, y, 1, -v * x, -v * y])
        rhs += [u, v]
    h = np.linalg.solve(np.array(rows, float), np.array(rhs, float))
    return np.append(h, 1.0).reshape(3, 3)


def _warp(
    image: Image.Image, corners: list[tuple[float, float]], size: tuple[int, int]
) -> tuple[Image.Image, np.ndarray]:
    """``image`` with its corners moved to ``corners`` in a picture of ``size``; returns it and the map."""
    w, h = image.size
    forward = _homography([(0, 0), (w, 0), (w, h), (0, h)], corners)
    back = np.linalg.inv(forward)
    back /= back[2, 2]
    out = image.transform(
        size, Image.Transform.PERSPECTIVE, tuple(back.ravel()[:8]), Image.Resampling.BICUBIC
    )
    return out, forward


def _map_box(
    forward: np.ndarray, box: tuple[float, float, float, float]
) -> tuple[float, float, float, float]:
    x, y, w, h = box
    pts = np.array([[x, y, 1], [x + w, y, 1], [x + w, y + h, 1], [x, y + h, 1]], float) @ forward.T
    xs, ys = pts[:, 0] / pts[:, 2], pts[:, 1] / pts[:, 2]
    return float(xs.min()), float(ys.min()), float(xs.max() - xs.min()), float(ys.max() - ys.min())


def _oval_mask(size: tuple[int, int], box: tuple[float, float, float, float]) -> Image.Image:
    """A feathered oval around the head (1.5× the face box), so the paste has no hard rectangle."""
    x, y, w, h = box
    cx, cy = x + w / 2, y + h * 0.45
    mask = Image.new("L", size, 0)
    ImageDraw.Draw(mask).ellipse((cx - w * 0.75, cy - h * 0.8, cx + w * 0.75, cy + h * 0.75), fill=255)
    return mask.filter(ImageFilter.GaussianBlur(max(1.0, w * 0.06)))


def face_patch(
    head: Head, height: int, rng: random.Random, yaw: float = 0.0
) -> tuple[Image.Image, Image.Image, tuple[float, float, float, float]]:
    """The head scaled so its face is ``height`` px high, varied at random, and turned by ``yaw``
    degrees (a perspective squeeze); returns (RGB patch, its mask, the face box in it)."""
    im = _load(head.file)
    box: tuple[float, float, float, float] = head.box
    if rng.random() < 0.5:
        im = im.transpose(Image.Transpose.FLIP_LEFT_RIGHT)
        box = (im.width - box[0] - box[2], box[1], box[2], box[3])
    im = ImageEnhance.Brightness(im).enhance(rng.uniform(0.6, 1.3))
    im = ImageEnhance.Color(im).enhance(rng.uniform(0.7, 1.2))
    # Scale first (to 3× the wanted size, so the later steps work on enough pixels), then turn and tilt.
    work = 3 * height / box[3]
    im = im.resize(
        (max(8, round(im.width * work)), max(8, round(im.height * work))), Image.Resampling.LANCZOS
    )
    box = tuple(v * work for v in box)  # type: ignore[assignment]
    w, h = im.size
    if yaw:
        # A plane turned about the face's vertical axis: narrower by cos(yaw), the far side shorter.
        squeeze = math.cos(math.radians(abs(yaw)))
        short = 1 - 0.35 * math.sin(math.radians(abs(yaw)))
        axis = box[0] + box[2] / 2
        left_x, right_x = axis - axis * squeeze, axis + (w - axis) * squeeze
        near, far = (h, h * short) if yaw > 0 else (h * short, h)
        corners = [
            (left_x, (h - near) / 2),
            (right_x, (h - far) / 2),
            (right_x, (h + far) / 2),
            (left_x, (h + near) / 2),
        ]
        im, forward = _warp(im, corners, (w, h))
        box = _map_box(forward, box)
    angle = rng.uniform(-12, 12)
    cx, cy = box[0] + box[2] / 2, box[1] + box[3] / 2
    mask = _oval_mask(im.size, box)
    im = im.rotate(angle, resample=Image.Resampling.BICUBIC, center=(cx, cy))
    mask = mask.rotate(angle, resample=Image.Resampling.BICUBIC, center=(cx, cy))
    # Down to the wanted size; a labelled face box stays the upright face's box (as face benchmarks do).
    down = height / box[3]
    size = (max(4, round(im.width * down)), max(4, round(im.height * down)))
    im = im.resize(size, Image.Resampling.LANCZOS)
    mask = mask.resize(size, Image.Resampling.BILINEAR)
    box = tuple(v * down for v in box)  # type: ignore[assignment]
    if rng.random() < 0.3:
        im = im.filter(ImageFilter.GaussianBlur(rng.uniform(0.3, 0.8)))
    im = _recompress(im, rng.randrange(65, 93))
    return im, mask, box


def _recompress(im: Image.Image, quality: int) -> Image.Image:
    import io

    buf = io.BytesIO()
    im.save(buf, "JPEG", quality=quality)
    buf.seek(0)
    with Image.open(buf) as out:
        return out.convert("RGB")


def background(name: str, size: tuple[int, int], seed: int) -> Image.Image:
    """A real photo scaled to cover ``size`` (cropped at random), with camera-like grain."""
    rng = random.Random(seed)
    src = _load(name)
    scale = max(size[0] / src.width, size[1] / src.height) * rng.uniform(1.0, 1.2)
    big = src.resize((math.ceil(src.width * scale), math.ceil(src.height * scale)), Image.Resampling.BICUBIC)
    left, top = rng.randrange(0, big.width - size[0] + 1), rng.randrange(0, big.height - size[1] + 1)
    pixels = np.asarray(big.crop((left, top, left + size[0], top + size[1])), dtype=np.int16)
    grain = np.random.default_rng(seed).integers(-7, 8, size=(256, 256, 3), dtype=np.int16)
    reps = (math.ceil(size[1] / 256), math.ceil(size[0] / 256), 1)
    pixels = pixels + np.tile(grain, reps)[: size[1], : size[0]]
    return Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))


def _font(px: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    for path in ("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf", "DejaVuSans-Bold.ttf"):
        try:
            return ImageFont.truetype(path, px)
        except OSError:
            continue
    return ImageFont.load_default(px)


def plate_text(rng: random.Random) -> str:
    letters = "ABCDEFHJKLMNPRSTUVXYZ"
    return f"{rng.choice(letters)}{rng.choice(letters)} {rng.randrange(10000, 100000)}"


def plate_image(text: str) -> Image.Image:
    """A Norwegian-style plate (520×110 mm: black on white, blue band with "N"), 520×110 px."""
    im = Image.new("RGB", (520, 110), (245, 245, 240))
    draw = ImageDraw.Draw(im)
    draw.rectangle((0, 0, 519, 109), outline=(20, 20, 20), width=4)
    draw.rectangle((4, 4, 48, 105), fill=(0, 51, 153))
    draw.text((26, 80), "N", font=_font(26), fill=(255, 255, 255), anchor="mm")
    draw.text((284, 57), text, font=_font(86), fill=(15, 15, 15), anchor="mm")
    return im


def plate_patch(width: int, rng: random.Random) -> tuple[Image.Image, tuple[float, float, float, float], str]:
    """A plate ``width`` px wide (before turning) on a dark bumper, turned and tilted at random;
    returns (patch, the plate's box in it, its text)."""
    text = plate_text(rng)
    plate = plate_image(text)
    bumper = Image.new("RGB", (720, 260), tuple(rng.randrange(10, 90) for _ in range(3)))  # type: ignore[arg-type]
    bumper.paste(plate, (100, 75))
    box: tuple[float, float, float, float] = (100, 75, 520, 110)
    yaw = rng.uniform(-35, 35)
    squeeze = math.cos(math.radians(abs(yaw)))
    short = 1 - 0.25 * math.sin(math.radians(abs(yaw)))
    w, h = bumper.size
    near, far = (h, h * short) if yaw > 0 else (h * short, h)
    tilt = math.tan(math.radians(rng.uniform(-6, 6))) * w / 2
    corners = [(w * (1 - squeeze) / 2, (h - near) / 2 + tilt), (w * (1 + squeeze) / 2, (h - far) / 2 - tilt),
               (w * (1 + squeeze) / 2, (h + far) / 2 - tilt), (w * (1 - squeeze) / 2, (h + near) / 2 + tilt)]  # fmt: skip
    bumper, forward = _warp(bumper, corners, (w, h))
    box = _map_box(forward, box)
    bumper = ImageEnhance.Brightness(bumper).enhance(rng.uniform(0.6, 1.15))
    scale = width / 520
    bumper = bumper.resize((max(4, round(w * scale)), max(4, round(h * scale))), Image.Resampling.LANCZOS)
    return _recompress(bumper, rng.randrange(60, 91)), tuple(v * scale for v in box), text  # type: ignore[return-value]


def _overlaps(spot: tuple[int, int, int, int], taken: list[tuple[int, int, int, int]]) -> bool:
    x, y, w, h = spot
    return any(x < tx + tw and tx < x + w and y < ty + th and ty < y + h for tx, ty, tw, th in taken)


def _place(
    size: tuple[int, int], patch: tuple[int, int], rng: random.Random, taken: list[tuple[int, int, int, int]]
) -> tuple[int, int] | None:
    for _try in range(300):
        left = rng.randrange(0, max(1, size[0] - patch[0]))
        top = rng.randrange(0, max(1, size[1] - patch[1]))
        if not _overlaps((left, top, *patch), taken):
            taken.append((left, top, *patch))
            return left, top
    return None


def build_scene(
    size: tuple[int, int],
    seed: int,
    face_heights: tuple[int, ...] = FACE_HEIGHTS,
    *,
    distractors: int = 6,
    plate_widths: tuple[int, ...] = (),
    three_quarter_share: float = 0.4,
) -> Scene:
    """A scene of ``size`` with one face per entry of ``face_heights`` (frontal or three-quarter,
    heads taken in turn), ``plate_widths`` plates and ``distractors`` non-faces, none overlapping."""
    rng = random.Random(seed)
    canvas = background(BACKGROUNDS[seed % len(BACKGROUNDS)], size, seed)
    labels: list[Label] = []
    taken: list[tuple[int, int, int, int]] = []
    for i in range(distractors):
        src = _load(DISTRACTORS[(seed + i) % len(DISTRACTORS)])
        long_edge = rng.randrange(150, max(151, min(size) // 3))
        scale = long_edge / max(src.size)
        piece = src.resize(
            (max(4, round(src.width * scale)), max(4, round(src.height * scale))), Image.Resampling.LANCZOS
        )
        spot = _place(size, piece.size, rng, taken)
        if spot:
            canvas.paste(piece, spot)
    for i, height in enumerate(face_heights):
        candidates = [h for h in HEADS if h.max_height >= height]
        head = candidates[(seed + i) % len(candidates)]
        yaw = 0.0
        pose = head.pose
        if head.pose == "frontal" and rng.random() < three_quarter_share:
            yaw = rng.choice((-1, 1)) * rng.uniform(20, 35)
            pose = "three-quarter"
        patch, mask, (fx, fy, fw, fh) = face_patch(head, height, rng, yaw)
        spot = _place(size, patch.size, rng, taken)
        if spot is None:
            continue
        canvas.paste(patch, spot, mask)
        labels.append(
            Label((round(spot[0] + fx), round(spot[1] + fy), round(fw), round(fh)), "face", pose, head.file)
        )
    for width in plate_widths:
        patch, (px, py, pw, ph), text = plate_patch(width, rng)
        spot = _place(size, patch.size, rng, taken)
        if spot is None:
            continue
        canvas.paste(patch, spot)
        labels.append(
            Label((round(spot[0] + px), round(spot[1] + py), round(pw), round(ph)), "plate", source=text)
        )
    return Scene(canvas, labels)


def iou(a: tuple[float, ...], b: tuple[float, ...]) -> float:
    ax, ay, aw, ah = a
    bx, by, bw, bh = b
    iw = max(0.0, min(ax + aw, bx + bw) - max(ax, bx))
    ih = max(0.0, min(ay + ah, by + bh) - max(ay, by))
    inter = iw * ih
    return inter / (aw * ah + bw * bh - inter) if inter else 0.0


def match(
    found: list[tuple[float, ...]] | tuple[tuple[float, ...], ...],
    truth: list[tuple[int, int, int, int]],
    min_iou: float = 0.5,
) -> tuple[int, int, list[bool]]:
    """(true positives, false positives, which truth boxes were found), greedy at IoU ≥ ``min_iou``."""
    hit = [False] * len(truth)
    tp = fp = 0
    for box in found:
        best, best_iou = None, min_iou
        for i, t in enumerate(truth):
            if not hit[i] and (value := iou(box, t)) >= best_iou:
                best, best_iou = i, value
        if best is None:
            fp += 1
        else:
            hit[best] = True
            tp += 1
    return tp, fp, hit
