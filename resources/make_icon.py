"""Draw the application icon (a camera-shaped tile in police blue) and write icons/photoarchive.png + .ico.

Run once when the design changes; the outputs are kept in the repository so a build needs no drawing step:
    python resources/make_icon.py
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

HERE = Path(__file__).resolve().parent
BLUE = (16, 46, 96, 255)
LIGHT = (238, 242, 248, 255)
GOLD = (222, 176, 56, 255)


def draw(size: int = 512) -> Image.Image:
    im = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(im)
    s = size / 512
    d.rounded_rectangle([16 * s, 16 * s, 496 * s, 496 * s], radius=96 * s, fill=BLUE)
    # Camera body and viewfinder hump.
    d.rounded_rectangle([96 * s, 170 * s, 416 * s, 390 * s], radius=36 * s, fill=LIGHT)
    d.rounded_rectangle([196 * s, 130 * s, 316 * s, 190 * s], radius=18 * s, fill=LIGHT)
    # Lens.
    d.ellipse([176 * s, 200 * s, 336 * s, 360 * s], fill=BLUE)
    d.ellipse([206 * s, 230 * s, 306 * s, 330 * s], fill=GOLD)
    d.ellipse([236 * s, 250 * s, 266 * s, 280 * s], fill=LIGHT)
    return im


def main() -> None:
    out = HERE / "icons"
    out.mkdir(exist_ok=True)
    im = draw(512)
    im.save(out / "photoarchive.png")
    im.save(
        out / "photoarchive.ico",
        sizes=[(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)],
    )


if __name__ == "__main__":
    main()
