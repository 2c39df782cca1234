"""The one place for figure sizes, fonts, colours and the settings that keep figures deterministic.

Sizes are set for the PDF: a figure is drawn at the LaTeX text width, so 8 pt in
the figure is 8 pt on the printed page. The HTML shows the same PNG scaled to
the column.
"""

from __future__ import annotations

import matplotlib as mpl
import matplotlib.pyplot as plt

#: Width of the PDF text block in inches. The one definition: pakbook/sphinx_latex.py sets the
#: LaTeX text block to it, and tests/test_pdf.py confirms the width from the LaTeX log.
TEXT_WIDTH_IN = 6.27
#: How far (inches) a figure may be from the text width, for the rounding of pixel densities.
TOLERANCE_IN = 0.01
#: Resolution of the PNGs stored in the notebooks: sharp in print at full text width.
DPI = 200
#: Smallest type size allowed in any figure (points, at print size).
MIN_FONT_PT = 8.0
BASE_FONT_PT = 9.0

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
PALETTE = [OKABE_ITO[k] for k in ("blue", "vermillion", "bluish_green", "orange", "reddish_purple", "sky_blue", "yellow", "black")]

#: Named roles, so every chapter colours the same thing the same way.
ROLE = {
    "china": OKABE_ITO["vermillion"],
    "united_states": OKABE_ITO["blue"],
    "pakistan": OKABE_ITO["bluish_green"],
    "sea_route": OKABE_ITO["blue"],
    "land_route": OKABE_ITO["vermillion"],
    "highlight": OKABE_ITO["orange"],
    "gap": "#BBBBBB",
}

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
    "axes.prop_cycle": mpl.cycler(color=PALETTE),
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": False,
    "lines.linewidth": 1.5,
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


def figure(height_ratio: float = 0.6, **kwargs):
    """A new figure at the print text width; ``height_ratio`` is height / width."""
    apply()
    return plt.figure(figsize=(TEXT_WIDTH_IN, TEXT_WIDTH_IN * height_ratio), **kwargs)


#: Left edge of the source note, as a fraction of the figure's width (the note ends at the right edge).
SOURCE_X = 0.01
#: Average advance of a character of DejaVu Sans, in em: 0.52 measured on the book's source notes,
#: 0.53 on one in capitals; rounded up so that a line of the note never runs past the figure.
SOURCE_CHAR_EM = 0.55
#: Characters per line of the source note: as many as fit at MIN_FONT_PT across the figure
#: (tests/test_maps.py checks that no text of a map runs past its edges).
SOURCE_WRAP = int(TEXT_WIDTH_IN * (1 - SOURCE_X) * 72 / (MIN_FONT_PT * SOURCE_CHAR_EM))
#: Height of one line of the source note, inches.
SOURCE_LINE_IN = MIN_FONT_PT * 1.25 / 72


def source_lines(text: str, note: str | None = None) -> list[str]:
    """The source line (and an optional note), wrapped to the figure width."""
    import textwrap

    lines = textwrap.wrap(f"Source: {text}", SOURCE_WRAP)
    if note:
        lines += textwrap.wrap(note, SOURCE_WRAP)
    return lines


def source_line(fig, text: str, *, note: str | None = None) -> None:
    """Put the source (and an optional note) under the plot, inside the image, at the minimum type size.

    The text stays with the PNG if it is copied on its own. Room for it must be left
    at the bottom of the figure: ``len(source_lines(text, note)) * SOURCE_LINE_IN`` inches.
    """
    body = "\n".join(source_lines(text, note))
    fig.text(SOURCE_X, 0.01, body, ha="left", va="bottom", fontsize=MIN_FONT_PT, color="#333333", linespacing=1.25)


def font_sizes(fig) -> list[float]:
    """Every font size used by text in a figure (for the check that nothing is under MIN_FONT_PT)."""
    return [t.get_fontsize() for t in fig.findobj(mpl.text.Text) if t.get_text().strip()]
