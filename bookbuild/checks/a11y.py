"""Colour-vision checks for the figure palette: simulate colour-vision deficiency, measure colour difference.

A palette is "colour-blind safe" here when the colours that mark different
things on one figure stay apart, by at least a set CIEDE2000 difference, for
normal vision and for the three dichromacies as simulated by Machado, Oliveira
and Fernandes (2009) at full severity.

Pipeline: sRGB hex -> linear RGB -> Machado matrix -> back to sRGB (clipped to
the gamut, as a screen would show it) -> CIELAB (D65) -> CIEDE2000 (Sharma,
Wu and Dalal 2005).
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np

#: The kinds of vision checked: normal, and the three dichromacies.
VISIONS = ("normal", "protan", "deutan", "tritan")

#: Machado et al. (2009), Table 1, severity 1.0 (protanopia, deuteranopia, tritanopia); applied to linear RGB.
MACHADO_2009 = {
    "normal": np.eye(3),
    "protan": np.array(
        [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]]
    ),
    "deutan": np.array(
        [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]]
    ),
    "tritan": np.array(
        [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.303900]]
    ),
}

# sRGB (IEC 61966-2-1) primaries to CIE XYZ, D65 white.
_RGB_TO_XYZ = np.array(
    [[0.4124564, 0.3575761, 0.1804375], [0.2126729, 0.7151522, 0.0721750], [0.0193339, 0.1191920, 0.9503041]]
)
_WHITE_D65 = _RGB_TO_XYZ @ np.ones(3)


def hex_to_rgb(colour: str) -> np.ndarray:
    """'#RRGGBB' (or 'RRGGBB') to sRGB components in [0, 1]."""
    h = colour.lstrip("#")
    if len(h) != 6:
        raise ValueError(f"not a #RRGGBB colour: {colour!r}")
    return np.array([int(h[i : i + 2], 16) / 255 for i in (0, 2, 4)])


def to_linear(rgb) -> np.ndarray:
    rgb = np.asarray(rgb, dtype=float)
    return np.where(rgb <= 0.04045, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4)


def to_srgb(lin) -> np.ndarray:
    lin = np.clip(np.asarray(lin, dtype=float), 0.0, 1.0)
    return np.where(lin <= 0.0031308, lin * 12.92, 1.055 * lin ** (1 / 2.4) - 0.055)


def simulate(colour: str, vision: str) -> np.ndarray:
    """sRGB in [0, 1] of ``colour`` as seen with ``vision`` (one of VISIONS)."""
    return to_srgb(MACHADO_2009[vision] @ to_linear(hex_to_rgb(colour)))


def srgb_to_lab(rgb) -> np.ndarray:
    """sRGB in [0, 1] to CIELAB (D65, 2 degree observer)."""
    xyz = _RGB_TO_XYZ @ to_linear(rgb) / _WHITE_D65
    eps, kappa = 216 / 24389, 24389 / 27
    f = np.where(xyz > eps, np.cbrt(xyz), (kappa * xyz + 16) / 116)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


def ciede2000(lab1, lab2) -> float:
    """CIEDE2000 colour difference (kL = kC = kH = 1), as in Sharma, Wu and Dalal (2005)."""
    L1, a1, b1 = (float(v) for v in lab1)
    L2, a2, b2 = (float(v) for v in lab2)
    c_bar = (math.hypot(a1, b1) + math.hypot(a2, b2)) / 2
    g = 0.5 * (1 - math.sqrt(c_bar**7 / (c_bar**7 + 25**7)))
    a1p, a2p = (1 + g) * a1, (1 + g) * a2
    c1p, c2p = math.hypot(a1p, b1), math.hypot(a2p, b2)
    h1p = math.degrees(math.atan2(b1, a1p)) % 360 if c1p else 0.0
    h2p = math.degrees(math.atan2(b2, a2p)) % 360 if c2p else 0.0
    dLp, dCp = L2 - L1, c2p - c1p
    if c1p * c2p == 0:
        dhp = 0.0
    elif abs(h2p - h1p) <= 180:
        dhp = h2p - h1p
    elif h2p - h1p > 180:
        dhp = h2p - h1p - 360
    else:
        dhp = h2p - h1p + 360
    dHp = 2 * math.sqrt(c1p * c2p) * math.sin(math.radians(dhp / 2))
    Lp_bar, Cp_bar = (L1 + L2) / 2, (c1p + c2p) / 2
    if c1p * c2p == 0:
        hp_bar = h1p + h2p
    elif abs(h1p - h2p) <= 180:
        hp_bar = (h1p + h2p) / 2
    elif h1p + h2p < 360:
        hp_bar = (h1p + h2p + 360) / 2
    else:
        hp_bar = (h1p + h2p - 360) / 2
    t = (
        1
        - 0.17 * math.cos(math.radians(hp_bar - 30))
        + 0.24 * math.cos(math.radians(2 * hp_bar))
        + 0.32 * math.cos(math.radians(3 * hp_bar + 6))
        - 0.20 * math.cos(math.radians(4 * hp_bar - 63))
    )
    d_theta = 30 * math.exp(-(((hp_bar - 275) / 25) ** 2))
    rc = 2 * math.sqrt(Cp_bar**7 / (Cp_bar**7 + 25**7))
    sl = 1 + 0.015 * (Lp_bar - 50) ** 2 / math.sqrt(20 + (Lp_bar - 50) ** 2)
    sc = 1 + 0.045 * Cp_bar
    sh = 1 + 0.015 * Cp_bar * t
    rt = -math.sin(math.radians(2 * d_theta)) * rc
    return math.sqrt((dLp / sl) ** 2 + (dCp / sc) ** 2 + (dHp / sh) ** 2 + rt * (dCp / sc) * (dHp / sh))


def difference(c1: str, c2: str, vision: str = "normal") -> float:
    """CIEDE2000 between two hex colours as seen with ``vision``."""
    return ciede2000(srgb_to_lab(simulate(c1, vision)), srgb_to_lab(simulate(c2, vision)))


@dataclass(frozen=True)
class Clash:
    """Two colours of one group that come closer than the group allows, for one kind of vision."""

    group: str
    first: str
    second: str
    vision: str
    delta_e: float
    minimum: float

    def __str__(self) -> str:
        return (
            f"{self.group}: {self.first} and {self.second} are {self.delta_e:.1f} apart (CIEDE2000) "
            f"with {self.vision} vision; at least {self.minimum:g} needed"
        )


def clashes(group: str, colours: Mapping[str, str], minimum: float, visions: Iterable[str] = VISIONS) -> list[Clash]:
    """Every pair of differently named colours in ``colours`` closer than ``minimum`` for any vision.

    Two names for the same hex value are one colour (one meaning) and are not compared.
    """
    out = []
    for (n1, c1), (n2, c2) in itertools.combinations(colours.items(), 2):
        if c1.lower() == c2.lower():
            continue
        for vision in visions:
            d = difference(c1, c2, vision)
            if d < minimum:
                out.append(Clash(group, n1, n2, vision, d, minimum))
    return out


def contrast_ratio(fg: str, bg: str) -> float:
    """WCAG 2 contrast ratio between two colours (1 to 21)."""

    def luminance(c):
        return float(_RGB_TO_XYZ[1] @ to_linear(hex_to_rgb(c)))

    hi, lo = sorted((luminance(fg), luminance(bg)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


# -- print size of a figure --------------------------------------------------------------------------------
def png_info(data: bytes) -> tuple[int, int, float | None]:
    """(width, height, dots per inch or None) of a PNG, from its IHDR and pHYs chunks."""
    import struct

    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    width, height = struct.unpack(">II", data[16:24])
    dpi = None
    pos = 8
    while pos + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        if kind == b"pHYs":
            ppu_x, _, unit = struct.unpack(">IIB", data[pos + 8 : pos + 17])
            if unit == 1:  # pixels per metre
                dpi = ppu_x * 0.0254
        if kind in (b"IDAT", b"IEND"):
            break
        pos += 12 + length
    return width, height, dpi


# -- what a figure shows --------------------------------------------------------------------------------------
def look_without_colour(artist) -> tuple:
    """What tells a line, marker or patch apart when colour is taken away: its marker shape, dash pattern, hatch.

    Two legend entries (or two lines) with the same look differ only in colour.
    """
    from matplotlib.collections import Collection
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    if isinstance(artist, Line2D):
        marker = artist.get_marker()
        marker = "none" if marker in (None, "None", "none", "", " ") else str(marker)
        if artist.get_linestyle() in ("None", "none", "", " "):
            dashes = "no line"
        else:
            offset, seq = getattr(artist, "_unscaled_dash_pattern", (0, None))
            dashes = "solid" if seq is None else tuple(round(float(s), 3) for s in seq)
        return ("line", marker, dashes)
    if isinstance(artist, Patch):
        return ("patch", artist.get_hatch() or "", str(artist.get_linestyle()))
    if isinstance(artist, Collection):
        styles = artist.get_linestyle()
        seq = styles[0][1] if styles else None
        return (
            "collection",
            "solid" if seq is None else tuple(round(float(s), 3) for s in seq),
            str(getattr(artist, "get_hatch", lambda: "")() or ""),
        )
    return (type(artist).__name__,)


def area_colours(png: bytes, min_share: float = 0.01) -> list[str]:
    """Colours ('#RRGGBB') that cover at least ``min_share`` of a PNG's pixels, most common first."""
    import io

    from PIL import Image

    with Image.open(io.BytesIO(png)) as im:
        rgb = im.convert("RGB")
        total = rgb.width * rgb.height
        counts = rgb.getcolors(maxcolors=total)
    counts.sort(reverse=True)
    return ["#%02X%02X%02X" % c for n, c in counts if n >= min_share * total]
