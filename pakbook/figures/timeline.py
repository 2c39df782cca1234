"""Dated events in lanes (one lane per power, say), each event's kind shown by its marker's shape.

A day-precision date is a marker on its day; a month-precision date is drawn as its month, a bar
from the first to the last day, with the marker at its middle left hollow, so that a reader never
takes the first of the month for the day. Events close together in one lane are stacked, not
drawn over each other.
"""

from __future__ import annotations

import datetime as dt

import matplotlib.dates as mdates
import pandas as pd
from matplotlib.lines import Line2D

from . import frame, sources, style

#: Marker shapes for the kinds of event, in order of first appearance.
SHAPES = ("o", "s", "^", "D", "v", "P", "X", "*")
#: Events this many days apart or closer in one lane are stacked.
_NEAR_DAYS = 12


def _span(date: str, precision: str) -> tuple[dt.date, dt.date]:
    parts = [int(p) for p in str(date).split("-")]
    if precision == "day":
        d = dt.date(*parts)
        return d, d
    start = dt.date(parts[0], parts[1], 1)
    end = (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    return start, end


def timeline(
    df: pd.DataFrame,
    *,
    date: str = "date",
    precision: str = "date_precision",
    lane: str,
    shape_by: str | None = None,
    window: tuple[str, str] | None = None,
    note: str | None = None,
):
    """Events of ``df`` on a time axis, one lane per value of ``lane``, shaped by ``shape_by``.

    ``window`` ("YYYY-MM", "YYYY-MM") limits the axis; events outside it are left out (and are not credited).
    Returns the Figure.
    """
    rows = df.copy()
    bad = set(rows[precision]) - {"day", "month"}
    if bad:
        raise ValueError(f"a timeline draws day- or month-precision dates, not {sorted(bad)}")
    spans = [_span(d, p) for d, p in zip(rows[date], rows[precision])]
    rows["_start"] = [a for a, _ in spans]
    rows["_end"] = [b for _, b in spans]
    if window:
        lo = _span(window[0], "month")[0]
        hi = _span(window[1], "month")[1]
        rows = rows[(rows["_end"] >= lo) & (rows["_start"] <= hi)]
    else:
        lo, hi = rows["_start"].min(), rows["_end"].max()
    if rows.empty:
        raise ValueError("no events in the window")
    lanes = list(dict.fromkeys(rows[lane]))
    looks = style.looks(lanes)
    kinds = list(dict.fromkeys(rows[shape_by])) if shape_by else [None]
    if len(kinds) > len(SHAPES):
        raise ValueError(f"more kinds of event than shapes ({len(SHAPES)})")
    shape = dict(zip(kinds, SHAPES))
    handles = [
        Line2D([], [], linestyle="none", marker=shape[k], color="#333333", markersize=5, label=str(k))
        for k in kinds
        if k is not None
    ]
    handles.append(
        Line2D(
            [], [], color="#333333", linewidth=3, solid_capstyle="butt", alpha=0.5, label="date known to the month only"
        )
    )
    ncol = frame.legend_columns([h.get_label() for h in handles], most=4)
    fig, ax = frame.new_figure(
        plot_height_in=0.55 + 0.55 * len(lanes),
        source=sources.line(rows),
        note=note,
        legend_rows=frame.legend_rows(len(handles), ncol),
        margins=frame.Margins(frame.left_for_labels(lanes), 0.3, frame.CHART_MARGINS.top, frame.CHART_MARGINS.labels),
    )
    for i, name in enumerate(lanes):
        y0 = len(lanes) - 1 - i
        look = looks[name]
        ax.axhline(y0, color=look.color, linewidth=0.6, alpha=0.5, zorder=0.5)
        part = rows[rows[lane] == name].sort_values("_start", kind="stable")
        last_end: list[dt.date] = []
        for _, r in part.iterrows():
            level = 0
            while level < len(last_end) and (r["_start"] - last_end[level]).days <= _NEAR_DAYS:
                level += 1
            if level == len(last_end):
                last_end.append(r["_end"])
            else:
                last_end[level] = r["_end"]
            y = y0 + 0.14 * level
            marker = shape[r[shape_by]] if shape_by else "o"
            gid = f"event:{name}:{r[date]}"
            if r[precision] == "month":
                ax.plot(
                    [r["_start"], r["_end"]],
                    [y, y],
                    color=look.color,
                    linewidth=3,
                    alpha=0.5,
                    solid_capstyle="butt",
                    marker="none",
                    gid=gid + ":month",
                )
                mid = r["_start"] + (r["_end"] - r["_start"]) / 2
                ax.plot(
                    [mid],
                    [y],
                    linestyle="none",
                    marker=marker,
                    markersize=5,
                    markerfacecolor="white",
                    markeredgecolor=look.color,
                    gid=gid,
                )
            else:
                ax.plot([r["_start"]], [y], linestyle="none", marker=marker, markersize=5, color=look.color, gid=gid)
    ax.set_yticks(range(len(lanes)))
    ax.set_yticklabels(list(reversed([str(n) for n in lanes])))
    ax.set_ylim(-0.5, len(lanes) - 0.5 + 0.3)
    ax.set_xlim(lo - dt.timedelta(days=10), hi + dt.timedelta(days=10))
    ax.xaxis.set_major_locator(mdates.MonthLocator(bymonth=(1, 4, 7, 10)))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%b\n%Y"))
    ax.tick_params(axis="y", length=0)
    ax.spines["left"].set_visible(False)
    ax.grid(True, axis="x", color="#E3E3E3", linewidth=0.6)
    ax.set_axisbelow(True)
    frame.legend_below(fig, ax, handles, ncol=ncol)
    return fig
