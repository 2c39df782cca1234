"""Lines over time: annual (calendar or fiscal) or monthly values by category.

A missing value is a gap, never a zero and never interpolated: each series is laid on every
period of the chart's range, so a year with no row or a blank value breaks the line. A row of
an incomplete year (``months`` under 12) is not joined into the line: it is a hollow marker,
and the note says so. Events come from the milestones data (:mod:`pakbook.figures.marks`).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.lines import Line2D

from . import axes as axes_mod
from . import frame, marks, sources, style

PLOT_HEIGHT_IN = 2.6
#: Series of up to this many periods mark every point; longer ones are told apart by their dashes alone.
MARKERS_UP_TO = 25


def _complete(part: pd.DataFrame, x: str, y: str, xs) -> pd.Series:
    """The values of one series on every period of ``xs`` (NaN where there is no row or a blank value)."""
    if part[x].duplicated().any():
        dup = part.loc[part[x].duplicated(), x].iloc[0]
        raise ValueError(f"two rows for {x}={dup} in one series: filter to one basis, source or vintage per series")
    return part.set_index(x)[y].astype(float).reindex(xs)


def series(
    df: pd.DataFrame,
    *,
    x: str,
    y: str,
    by: str | None = None,
    labels: dict | None = None,
    roles: dict | None = None,
    unit: str,
    events: pd.DataFrame | None = None,
    note: str | None = None,
):
    """A line chart of ``y`` against ``x`` (years, or month starts), one line per value of ``by``.

    ``labels`` maps a value of ``by`` to its legend label (the value itself otherwise) and fixes the
    order; ``roles`` maps a value to a role of :data:`style.ROLE` where its name does not say it.
    ``unit`` labels the value axis. ``note`` is added to the source line (the basis, a method).
    Returns the Figure; anything bespoke is done on ``fig.axes[0]``.
    """
    if df.empty:
        raise ValueError("no rows to draw")
    kind = "month" if pd.api.types.is_datetime64_any_dtype(df[x]) else axes_mod.period_of(df)
    values = list(labels) if labels else (list(dict.fromkeys(df[by])) if by else [None])
    if by:
        missing = set(values) - set(df[by])
        if missing:
            raise ValueError(f"labels name values of {by!r} that have no rows: {sorted(map(str, missing))}")
    parts = {v: (df[df[by] == v] if by else df) for v in values}
    drawn = pd.concat([p[p[y].notna()] for p in parts.values()])
    if drawn.empty:
        raise ValueError(f"every value of {y!r} is blank")
    if kind == "month":
        xs = pd.date_range(df[x].min(), df[x].max(), freq="MS")
    else:
        xs = np.arange(int(df[x].min()), int(df[x].max()) + 1)
    partial = "months" in df.columns
    looks = style.looks(values, roles)
    lo, hi = (xs[0], xs[-1]) if kind == "month" else (xs[0] - 0.5, xs[-1] + 0.5)
    shown = marks.within(events, kind, lo, hi) if events is not None and kind != "month" else None
    notes = [n for n in (note,) if n]
    if partial and (drawn["months"] < 12).any():
        notes.append("Hollow markers: part of a year only, not an annual total.")
    if shown is not None and len(shown):
        notes.append("Marked: " + marks.key(shown) + ".")
    handles = []
    legend_labels = [(labels or {}).get(v, str(v)) for v in values] if by else []
    ncol = frame.legend_columns(legend_labels, most=3)
    n_rows = frame.legend_rows(len(legend_labels), ncol)
    margins = frame.CHART_MARGINS
    if shown is not None and len(shown):
        margins = frame.Margins(margins.left, margins.right, margins.top + marks.EVENT_BAND_IN, margins.labels)
    fig, ax = frame.new_figure(
        plot_height_in=PLOT_HEIGHT_IN,
        source=sources.line(drawn, ("Events", shown)),
        note=" ".join(notes) or None,
        legend_rows=n_rows,
        margins=margins,
    )
    for v in values:
        part = parts[v]
        full = part[part["months"] >= 12] if partial else part
        line = _complete(full, x, y, xs)
        look = looks[v]
        kw = look.line()
        if (
            len(xs) > MARKERS_UP_TO
        ):  # a marker every few years would read as a highlighted point: dashes tell them apart
            kw["marker"] = "none"
        ax.plot(xs, line.to_numpy(), gid=f"series:{v}", **kw)
        if partial:
            pp = part[(part["months"] < 12) & part[y].notna()]
            if len(pp):
                ax.plot(
                    pp[x],
                    pp[y],
                    linestyle="none",
                    marker=look.marker,
                    markerfacecolor="white",
                    markeredgecolor=look.color,
                    markersize=5,
                    gid=f"series:{v}:partial",
                )
        if by:
            handles.append(Line2D([], [], label=(labels or {}).get(v, str(v)), **kw))
    if kind == "month":
        ax.set_xlim(xs[0], xs[-1])
        ax.set_xlabel(axes_mod.PERIODS["month"])
    else:
        axes_mod.year_axis(ax, kind, first=int(xs[0]), last=int(xs[-1]))
    axes_mod.value_axis(ax, unit)
    lo_y = min(0.0, float(np.nanmin(drawn[y])))
    ax.set_ylim(bottom=lo_y)
    if shown is not None and len(shown):
        marks.mark(ax, shown, kind)
    if handles:
        frame.legend_below(fig, ax, handles, ncol=ncol)
    return fig
