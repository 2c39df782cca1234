"""The frame every figure is drawn in: text width, the plot, a legend band below it, the source note inside the image.

Maps and charts share it: ``new_figure`` lays out one axes of a given height with room, in
inches, for tick labels, the legend rows and the source note, so that the note travels with the
PNG and nothing is drawn outside the image. The layout is stored on the figure, so that
``legend_below`` finds the band it left.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

import matplotlib.pyplot as plt

from . import style
from .page import MIN_FONT_PT, TEXT_WIDTH_IN

#: Left edge of the source note, as a fraction of the figure's width (the note ends at the right edge).
SOURCE_X = 0.01
#: Average advance of a character of DejaVu Sans, in em: 0.52 measured on the book's source notes,
#: 0.53 on one in capitals; rounded up so that a line of the note never runs past the figure.
SOURCE_CHAR_EM = 0.55
#: Characters per line of the source note: as many as fit at MIN_FONT_PT across the figure.
SOURCE_WRAP = int(TEXT_WIDTH_IN * (1 - SOURCE_X) * 72 / (MIN_FONT_PT * SOURCE_CHAR_EM))
#: Height of one line of the source note, inches.
SOURCE_LINE_IN = MIN_FONT_PT * 1.25 / 72
#: Height of one row of the legend band, inches.
LEGEND_ROW_IN = 0.19


@dataclass(frozen=True)
class Margins:
    """Room around the plot, in inches: left (tick labels), right, top, and under it for the tick labels."""

    left: float
    right: float
    top: float
    labels: float


#: Maps: latitude labels on the left, longitude labels under the map.
MAP_MARGINS = Margins(left=0.42, right=0.06, top=0.06, labels=0.22)
#: Charts: value labels and the unit on the left, period labels under the plot.
CHART_MARGINS = Margins(left=0.78, right=0.3, top=0.12, labels=0.40)


def left_for_labels(labels, *, minimum: float = CHART_MARGINS.left) -> float:
    """A left margin (inches) wide enough for category labels at the minimum type size, and the unit beside them."""
    longest = max((len(str(s)) for s in labels), default=0)
    return max(minimum, 0.12 + longest * MIN_FONT_PT * SOURCE_CHAR_EM / 72)


def source_lines(text: str, note: str | None = None) -> list[str]:
    """The source line (and an optional note), wrapped to the figure width."""
    lines = textwrap.wrap(f"Source: {text}", SOURCE_WRAP)
    if note:
        lines += textwrap.wrap(note, SOURCE_WRAP)
    return lines


def source_line(fig, text: str, *, note: str | None = None) -> None:
    """Put the source (and an optional note) at the bottom of the image, at the minimum type size."""
    body = "\n".join(source_lines(text, note))
    fig.text(
        SOURCE_X, 0.01, body, ha="left", va="bottom", fontsize=MIN_FONT_PT, color=style.NOTE_COLOUR, linespacing=1.25
    )


def new_figure(
    *,
    plot_height_in: float,
    source: str,
    note: str | None = None,
    legend_rows: int = 0,
    margins: Margins = CHART_MARGINS,
):
    """A figure at text width with one axes ``plot_height_in`` tall, room below for the legend rows, and the source
    note (and ``note``) drawn at the bottom. Returns ``(fig, ax)``."""
    style.apply()
    width = TEXT_WIDTH_IN
    plot_w = width - margins.left - margins.right
    source_in = len(source_lines(source, note)) * SOURCE_LINE_IN + 0.08
    below = margins.labels + legend_rows * LEGEND_ROW_IN + 0.06 + source_in
    height = margins.top + plot_height_in + below
    fig = plt.figure(figsize=(width, width * (height / width)))
    ax = fig.add_axes([margins.left / width, below / height, plot_w / width, plot_height_in / height])
    fig._pakbook_margins = margins
    source_line(fig, source, note=note)
    return fig, ax


#: Width of a legend entry's sample and the gaps around it, inches (handlelength 2.4 em, spacing 1.4 em at 8 pt).
LEGEND_SAMPLE_IN = (2.4 + 0.8 + 1.4) * MIN_FONT_PT / 72


def legend_columns(labels, *, most: int = 4) -> int:
    """How many legend columns fit across the figure for these labels (at most ``most``)."""
    labels = [str(s) for s in labels]
    if not labels:
        return 1
    longest = max(len(s) for s in labels) * MIN_FONT_PT * SOURCE_CHAR_EM / 72 + LEGEND_SAMPLE_IN
    fit = int(TEXT_WIDTH_IN * 0.98 // longest)
    return max(1, min(most, len(labels), fit))


def legend_rows(n_entries: int, ncol: int) -> int:
    """Rows a legend of ``n_entries`` takes in ``ncol`` columns."""
    return -(-n_entries // ncol) if n_entries else 0


def legend_below(fig, ax, handles, *, ncol: int = 4):
    """The legend in the band under the plot's tick labels (so it hides nothing on the plot)."""
    margins = getattr(fig, "_pakbook_margins", CHART_MARGINS)
    _, height = fig.get_size_inches()
    top = ax.get_position().y0 - margins.labels / height
    return fig.legend(
        handles=handles,
        loc="upper center",
        bbox_to_anchor=(0.5, top),
        ncol=ncol,
        frameon=False,
        fontsize=MIN_FONT_PT,
        handlelength=2.4,
        columnspacing=1.4,
        borderaxespad=0.2,
    )
