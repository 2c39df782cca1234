"""The one place for colours, looks and the matplotlib settings that keep figures deterministic.

A *look* is everything that tells one series from another: colour, dash, marker and hatch.
Every role (China, the United States, Pakistan, India, others) has a full look, so that no two
series on a figure differ by colour alone, and the colour cycle that an inline ``ax.plot`` falls
back on cycles dashes and markers with the colours.
"""

from __future__ import annotations

from dataclasses import dataclass

import matplotlib as mpl

from .page import BASE_FONT_PT, DPI, MIN_FONT_PT, TEXT_WIDTH_IN

#: Okabe & Ito (2008) palette, distinguishable with the common colour-vision deficiencies.
OKABE_ITO = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
}
PALETTE = [
    OKABE_ITO[k]
    for k in ("blue", "vermillion", "bluish_green", "orange", "reddish_purple", "sky_blue", "yellow", "black")
]


@dataclass(frozen=True)
class Look:
    """How one series is drawn: a line's colour, dash and marker; a bar's colour and hatch."""

    color: str
    linestyle: str | tuple = "-"
    marker: str = "o"
    hatch: str = ""

    def line(self) -> dict:
        """Keyword arguments for ``ax.plot``."""
        return dict(color=self.color, linestyle=self.linestyle, marker=self.marker)

    def patch(self) -> dict:
        """Keyword arguments for ``ax.bar`` / ``ax.barh`` / ``ax.fill_between``."""
        return dict(facecolor=self.color, hatch=self.hatch, edgecolor="white", linewidth=0.6)


#: The looks of the roles that recur through the book: the same thing looks the same in every chapter.
ROLE = {
    "china": Look(OKABE_ITO["vermillion"], "-", "o", "//"),
    "united_states": Look(OKABE_ITO["blue"], (0, (5, 2)), "s", "\\\\"),
    "pakistan": Look(OKABE_ITO["bluish_green"], (0, (1, 1.2)), "^", ".."),
    "india": Look(OKABE_ITO["orange"], (0, (6, 1.5, 1, 1.5)), "D", "xx"),
    "russia": Look(OKABE_ITO["reddish_purple"], (0, (3, 1, 1, 1, 1, 1)), "v", "--"),
    "other": Look("#5A5A5A", (0, (2, 2)), "x", ""),
    # map roles
    "sea_route": Look(OKABE_ITO["blue"], "-", "none"),
    "land_route": Look(OKABE_ITO["vermillion"], (0, (5, 2)), "none"),
    "highlight": Look(OKABE_ITO["orange"], (0, (4, 2)), "X"),
}
#: A colour for what is missing or context (gaps, events, grid).
GAP = "#BBBBBB"
EVENT = "#555555"
#: A change of source on a chart: a solid rule, darker than the dotted event rules.
SOURCE_BREAK = "#4D4D4D"

#: Names in the data that stand for a role (reporter, supplier, power...), so that a helper
#: finds the role of a series by its value: ``role_of("United States") == "united_states"``.
NAMES = {
    "china": "china",
    "china, p.r.: mainland": "china",
    "people's republic of china": "china",
    "united states": "united_states",
    "usa": "united_states",
    "us": "united_states",
    "pakistan": "pakistan",
    "india": "india",
    "russia": "russia",
    "soviet union": "russia",
    "ussr": "russia",
    "other": "other",
    "others": "other",
    "all others": "other",
    "all other suppliers": "other",
}

#: Looks for series that have no role, in order: colour, dash and marker all change together.
SERIES = (
    Look(OKABE_ITO["blue"], "-", "o", "//"),
    Look(OKABE_ITO["vermillion"], (0, (5, 2)), "s", "\\\\"),
    Look(OKABE_ITO["bluish_green"], (0, (1, 1.2)), "^", ".."),
    Look(OKABE_ITO["orange"], (0, (6, 1.5, 1, 1.5)), "D", "xx"),
    Look(OKABE_ITO["reddish_purple"], (0, (3, 1, 1, 1, 1, 1)), "v", "--"),
    Look(OKABE_ITO["sky_blue"], (0, (8, 2)), "P", "++"),
    Look("#000000", (0, (2, 1)), "*", "oo"),
)


def role_of(value) -> str | None:
    """The role a value of the data stands for (``"China"`` -> ``"china"``), or None."""
    text = str(value).strip().lower()
    if text in ROLE:
        return text
    return NAMES.get(text)


def looks(values, roles: dict | None = None) -> dict:
    """A look for each value: its role's (given in ``roles`` or found by name), else the next of SERIES.

    Two values never share a look: a role used twice, or a SERIES look equal to a role's in
    colour, is skipped.
    """
    roles = roles or {}
    out, used = {}, set()
    for v in values:
        r = roles.get(v) or role_of(v)
        if r is not None and ROLE[r] not in used:
            out[v] = ROLE[r]
            used.add(ROLE[r])
    taken = {lk.color for lk in out.values()}
    spare = [lk for lk in SERIES if lk.color not in taken]
    for v in values:
        if v not in out:
            if not spare:
                raise ValueError(f"more series than looks ({len(SERIES)}): group the smallest into 'Other'")
            out[v] = spare.pop(0)
    return out


#: Map colours: light, so that marks and labels on top stay legible in greyscale print.
#: tests/test_accessibility.py checks them: sea, land and the focus tint stay apart for
#: every kind of colour vision, and labels keep a 4.5:1 contrast on the fills they sit on.
MAP = {
    "sea": "#DCEBF5",
    "land": "#F2EFE9",
    "land_focus": "#D8E4C8",
    "land_edge": "#9A9A9A",
    "boundary": "#6E6E6E",
    "disputed": "#333333",
    "graticule": "#B8C7D3",
    "water_label": "#3D6A8A",
    "region_label": "#5C5C5C",
}

#: Colour of the source note and of axis text.
NOTE_COLOUR = "#333333"

RC = {
    "figure.figsize": (TEXT_WIDTH_IN, TEXT_WIDTH_IN * 0.6),
    "figure.dpi": 100,
    "figure.facecolor": "white",  # opaque: readable in dark mode
    "savefig.dpi": DPI,
    "savefig.facecolor": "white",
    "font.family": "DejaVu Sans",  # ships with matplotlib: same glyphs on every machine
    "font.size": BASE_FONT_PT,
    "axes.titlesize": BASE_FONT_PT,
    "axes.labelsize": BASE_FONT_PT,
    "xtick.labelsize": MIN_FONT_PT,
    "ytick.labelsize": MIN_FONT_PT,
    "legend.fontsize": MIN_FONT_PT,
    "legend.title_fontsize": MIN_FONT_PT,
    # Even an inline ax.plot gets a look, not only a colour: dashes and markers cycle with the colours.
    "axes.prop_cycle": mpl.cycler(
        color=[lk.color for lk in SERIES],
        linestyle=[lk.linestyle for lk in SERIES],
        marker=[lk.marker for lk in SERIES],
    ),
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": False,
    "lines.linewidth": 1.5,
    "hatch.linewidth": 0.6,
    "svg.hashsalt": "pakbook",  # stable ids if anyone saves SVG
    "path.simplify": True,
}


def apply() -> None:
    """Set matplotlib's defaults for the book."""
    mpl.rcParams.update(RC)


def setup_notebook() -> None:
    """Call once at the top of a chapter: book style, and PNG output without a timestamp or version tag."""
    apply()
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - not in a notebook
        return
    ip = get_ipython()
    if ip is None:
        return
    ip.run_line_magic("matplotlib", "inline")
    ip.run_line_magic("config", "InlineBackend.figure_formats = ['png']")
    ip.run_line_magic(
        "config",
        f"InlineBackend.print_figure_kwargs = {{'dpi': {DPI}, 'bbox_inches': None, 'metadata': {{'Software': None}}}}",
    )
    ip.run_line_magic("config", "InlineBackend.rc = {}")
    apply()
