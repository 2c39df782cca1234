"""Draw the book's logo and favicon (run by hand when the design changes; the files are committed).

The mark: two points, for Beijing and Washington, joined through a third, Pakistan, on a dark blue
square. _static/site/logo.svg is the vector; _static/site/favicon.ico (16, 32 and 48 px) is drawn from
the same coordinates with Pillow, so a plain web server can answer /favicon.ico.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "_static" / "site"
BG, FG, ACCENT = "#1f4e79", "#ffffff", "#f2b134"
# in a 64-unit square: the two patrons and Pakistan between and below them
POINTS = {"beijing": (48, 18), "washington": (16, 18), "pakistan": (32, 44)}
R = 6


def svg() -> str:
    (wx, wy), (bx, by), (px, py) = POINTS["washington"], POINTS["beijing"], POINTS["pakistan"]
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" role="img" '
        'aria-label="Pakistan between Beijing and Washington">\n'
        f'  <rect width="64" height="64" rx="10" fill="{BG}"/>\n'
        f'  <path d="M{wx} {wy} L{px} {py} L{bx} {by}" fill="none" stroke="{FG}" stroke-width="4" '
        'stroke-linejoin="round"/>\n'
        f'  <circle cx="{wx}" cy="{wy}" r="{R}" fill="{FG}"/>\n'
        f'  <circle cx="{bx}" cy="{by}" r="{R}" fill="{FG}"/>\n'
        f'  <circle cx="{px}" cy="{py}" r="{R + 2}" fill="{ACCENT}"/>\n'
        "</svg>\n"
    )


def raster(size: int) -> Image.Image:
    scale = 4 * size / 64  # drawn at 4x and reduced, for smooth edges
    im = Image.new("RGBA", (4 * size, 4 * size), (0, 0, 0, 0))
    d = ImageDraw.Draw(im)
    d.rounded_rectangle([0, 0, 4 * size - 1, 4 * size - 1], radius=round(10 * scale), fill=BG)
    pts = [tuple(round(c * scale) for c in POINTS[k]) for k in ("washington", "pakistan", "beijing")]
    d.line(pts, fill=FG, width=max(1, round(4 * scale)), joint="curve")
    for k, r, colour in (("washington", R, FG), ("beijing", R, FG), ("pakistan", R + 2, ACCENT)):
        x, y = (c * scale for c in POINTS[k])
        d.ellipse([x - r * scale, y - r * scale, x + r * scale, y + r * scale], fill=colour)
    return im.resize((size, size), Image.LANCZOS)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "logo.svg").write_text(svg(), encoding="utf-8")
    raster(48).save(OUT / "favicon.ico", sizes=[(16, 16), (32, 32), (48, 48)])


if __name__ == "__main__":
    main()
