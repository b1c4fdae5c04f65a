"""A classical number-plate finder in numpy (no model, no OpenCV): a line of dark characters on a light
plate is a short, wide band dense in strong vertical edges. Measured in benchmarks/plates.py.

The search: horizontal gradient of the grey picture, thresholded; the share of edge pixels in a small
window (dense where there is text); connected bands of high density, kept when their shape is a line of
plate characters (wide, not too wide, well filled) and the band is light behind dark strokes with 6–14
strokes across its middle. The character band is widened to the plate's size (520×110 mm around a
line of ~360×75 mm).
"""

from __future__ import annotations

import numpy as np

# Sizes in pixels of the picture searched.
EDGE_STEP = 40  # grey levels between the pixels either side for a vertical edge
MIN_DENSITY = 0.35
WINDOW = (3, 7)  # rows, columns of the density window
MIN_BAND_W, MAX_BAND_W = 12, 400
MIN_ASPECT, MAX_ASPECT = 2.2, 9.0
MIN_FILL = 0.55
MIN_STROKES, MAX_STROKES = 6, 14
# The plate around its character line (labelled plates: text 360×75 of 520×110).
GROW_W, GROW_H, SHIFT_X = 1.40, 1.45, -0.04


def _box_mean(a: np.ndarray, rows: int, cols: int) -> np.ndarray:
    """The mean of ``a`` over a rows×cols window centred on each pixel (edges clipped)."""
    s = np.zeros((a.shape[0] + 1, a.shape[1] + 1), dtype=np.float32)
    s[1:, 1:] = a.astype(np.float32).cumsum(0).cumsum(1)
    h, w = a.shape
    r0 = np.clip(np.arange(h) - rows // 2, 0, h)
    r1 = np.clip(np.arange(h) + rows - rows // 2, 0, h)
    c0 = np.clip(np.arange(w) - cols // 2, 0, w)
    c1 = np.clip(np.arange(w) + cols - cols // 2, 0, w)
    total = s[r1][:, c1] - s[r0][:, c1] - s[r1][:, c0] + s[r0][:, c0]
    area = (r1 - r0)[:, None] * (c1 - c0)[None, :]
    return total / area


def components(mask: np.ndarray) -> list[tuple[int, int, int, int, int]]:
    """Connected (8-neighbour) regions of ``mask`` as (x, y, w, h, pixel count), by joining the runs of
    each row with the overlapping runs of the row above."""
    parent: list[int] = []

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    runs: list[tuple[int, int, int]] = []  # row, start, end (exclusive)
    run_ids: list[int] = []
    previous: list[tuple[int, int, int]] = []  # start, end, run index
    padded = np.zeros((mask.shape[0], mask.shape[1] + 2), dtype=np.int8)
    padded[:, 1:-1] = mask
    steps = np.diff(padded, axis=1)
    for y in range(mask.shape[0]):
        starts = np.flatnonzero(steps[y] == 1)
        ends = np.flatnonzero(steps[y] == -1)
        current: list[tuple[int, int, int]] = []
        j = 0
        for a, b in zip(starts.tolist(), ends.tolist(), strict=True):
            index = len(runs)
            runs.append((y, a, b))
            parent.append(index)
            run_ids.append(index)
            while j < len(previous) and previous[j][1] < a:
                j += 1
            k = j
            while k < len(previous) and previous[k][0] <= b:
                ra, rb = find(previous[k][2]), find(index)
                if ra != rb:
                    parent[rb] = ra
                k += 1
            current.append((a, b, index))
        previous = current
    boxes: dict[int, list[int]] = {}
    for index, (y, a, b) in enumerate(runs):
        root = find(index)
        box = boxes.get(root)
        if box is None:
            boxes[root] = [a, y, b, y + 1, b - a]
        else:
            box[0], box[1] = min(box[0], a), min(box[1], y)
            box[2], box[3] = max(box[2], b), max(box[3], y + 1)
            box[4] += b - a
    return [(x0, y0, x1 - x0, y1 - y0, n) for x0, y0, x1, y1, n in boxes.values()]


def _strokes(gray: np.ndarray, x: int, y: int, w: int, h: int) -> tuple[int, float]:
    """(dark strokes across the middle of the band, contrast between its light and dark) — a plate's
    line has 6–14 dark strokes (7 characters) on a light ground."""
    band = gray[y + h // 4 : y + h - h // 4 or y + 1, x : x + w].astype(np.float32)
    if band.size == 0:
        return 0, 0.0
    light, dark = np.percentile(band, 85), np.percentile(band, 15)
    middle = band.mean(axis=0) < (light + dark) / 2
    strokes = int(np.count_nonzero(np.diff(middle.astype(np.int8)) == 1)) + int(middle[0])
    return strokes, float(light - dark)


def find_plates(gray: np.ndarray) -> list[tuple[tuple[float, float, float, float], float]]:
    """Plates in the grey picture ``gray`` (uint8, rows × columns): (x, y, w, h) boxes in its pixels
    and a score from 0 to 1."""
    g = gray.astype(np.int16)
    edges = np.zeros(g.shape, dtype=np.uint8)
    edges[:, 1:-1] = np.abs(g[:, 2:] - g[:, :-2]) >= EDGE_STEP
    dense = _box_mean(edges, *WINDOW) >= MIN_DENSITY
    found: list[tuple[tuple[float, float, float, float], float]] = []
    for x, y, w, h, n in components(dense):
        if not MIN_BAND_W <= w <= MAX_BAND_W or h < 3 or not MIN_ASPECT <= w / h <= MAX_ASPECT:
            continue
        fill = n / (w * h)
        if fill < MIN_FILL:
            continue
        strokes, contrast = _strokes(gray, x, y, w, h)
        if not MIN_STROKES <= strokes <= MAX_STROKES or contrast < 60:
            continue
        pw, ph = w * GROW_W, h * GROW_H
        px, py = x + w / 2 - pw / 2 + SHIFT_X * pw, y + h / 2 - ph / 2
        score = min(1.0, fill * contrast / 160)
        found.append(((px, py, pw, ph), score))
    return found


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> float:
    """The share of the smaller box that lies in the other (a piece of a plate found at two levels)."""
    x0, y0 = max(a[0], b[0]), max(a[1], b[1])
    x1, y1 = min(a[0] + a[2], b[0] + b[2]), min(a[1] + a[3], b[1] + b[3])
    inter = max(0.0, x1 - x0) * max(0.0, y1 - y0)
    smaller = min(a[2] * a[3], b[2] * b[3])
    return inter / smaller if smaller else 0.0


def search(gray: np.ndarray, levels: int = 3) -> list[tuple[tuple[float, float, float, float], float]]:
    """Plates of every size in ``gray``: :func:`find_plates` on it and on its halvings (large
    characters have edges too far apart at the finest level); of finds that overlap, the best scored."""
    found: list[tuple[tuple[float, float, float, float], float]] = []
    level = gray.astype(np.float32)
    factor = 1.0
    for _ in range(levels):
        for (x, y, w, h), score in find_plates(level.round().astype(np.uint8)):
            found.append(((x * factor, y * factor, w * factor, h * factor), score))
        rows, cols = level.shape[0] // 2 * 2, level.shape[1] // 2 * 2
        level = level[:rows, :cols].reshape(rows // 2, 2, cols // 2, 2).mean(axis=(1, 3))
        factor *= 2
        if min(level.shape) < 16:
            break
    kept: list[tuple[tuple[float, float, float, float], float]] = []
    for box, score in sorted(found, key=lambda f: -f[1]):
        if all(_overlap(box, other) < 0.5 for other, _ in kept):
            kept.append((box, score))
    return kept
