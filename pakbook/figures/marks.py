"""Dated events and periods marked on a chart from the milestones data, never from strings typed in a cell.

A point event is a thin rule, a period a light band; each carries a number above the plot, and
the numbers are keyed in a line under the chart ("1 SEATO, Sep 1954; ..."), so that labels never
overlap the data or each other however close the events are.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from . import style
from .axes import date_span
from .page import MIN_FONT_PT

#: Rows of numbers above the plot, staggered so that close events keep their numbers apart.
ROWS = 3
#: Height of the band above the plot that holds the event numbers, inches.
EVENT_BAND_IN = 0.14 * ROWS + 0.04
#: Closest two numbers may stand in one row, inches.
_MIN_GAP_IN = 0.16


def spans(events: pd.DataFrame, kind: str) -> list[tuple[float, float]]:
    """Where each event lies on a year axis of ``kind``: its date's span, to its end date's span for a period."""
    out = []
    for _, e in events.iterrows():
        a, b = date_span(e["date"], e["date_precision"], kind)
        end = e.get("end_date")
        if isinstance(end, str) and end:
            precision = {4: "year", 7: "month", 10: "day"}[len(end)]
            b = max(b, date_span(end, precision, kind)[1])
        out.append((a, b))
    return out


def when(e) -> str:
    """A date as the key prints it, at its precision: 'Sep 1954', '9 Apr 2025', '1990-2001'."""

    def one(d: str) -> str:
        parts = [int(p) for p in d.split("-")]
        if len(parts) == 1:
            return str(parts[0])
        month = dt.date(parts[0], parts[1], 1).strftime("%b")
        return f"{parts[2]} {month} {parts[0]}" if len(parts) == 3 else f"{month} {parts[0]}"

    start = one(e["date"])
    end = e.get("end_date")
    if not (isinstance(end, str) and end):
        return start
    a, b = e["date"].split("-"), end.split("-")
    if len(a) == len(b) == 3 and a[:2] == b[:2]:  # within one month: "20-21 Apr 2015"
        return f"{int(a[2])}-{one(end)}"
    return f"{start} to {one(end)}"


def within(events: pd.DataFrame, kind: str, lo: float, hi: float) -> pd.DataFrame:
    """The events that lie at least partly inside ``lo``..``hi`` on a year axis of ``kind``, in date order."""
    keep = [not (b < lo or a > hi) for a, b in spans(events, kind)]
    return events[keep]


def key(events: pd.DataFrame) -> str:
    """The key of the numbers: '1 SEATO, Sep 1954; 2 ...' (events as :func:`within` returns them)."""
    return "; ".join(f"{n} {e['label']}, {when(e)}" for n, (_, e) in enumerate(events.iterrows(), start=1))


def mark(ax, events: pd.DataFrame, kind: str) -> None:
    """Draw each event (a rule, or a band for a period) with its number above the plot, numbered as :func:`key`."""
    x0, x1 = ax.get_xlim()
    fig = ax.figure
    per_in = (x1 - x0) / (ax.get_position().width * fig.get_size_inches()[0])
    last_x = [float("-inf")] * ROWS
    for n, ((_, e), (a, b)) in enumerate(zip(events.iterrows(), spans(events, kind)), start=1):
        gid = f"event:{e['event_id']}"
        if b - a > 1e-9:
            # a month on a long axis is a hairline: the band's edge keeps it visible at any width
            ax.axvspan(a, b, facecolor=style.GAP, alpha=0.35, edgecolor=style.EVENT, linewidth=0.5, zorder=0.5, gid=gid)
        else:
            ax.axvline(a, color=style.EVENT, linewidth=0.7, linestyle=(0, (2, 1.5)), zorder=0.6, gid=gid)
        x = min(max(a, x0), x1)
        gaps = [(x - last) / per_in for last in last_x]
        row = next((r for r, g in enumerate(gaps) if g >= _MIN_GAP_IN), None)
        if row is None:  # every row is taken here: set the number just right of the nearest free place
            row = max(range(ROWS), key=lambda r: gaps[r])
            x = last_x[row] + _MIN_GAP_IN * per_in
        last_x[row] = x
        ax.annotate(
            str(n),
            (x, 1),
            xycoords=("data", "axes fraction"),
            xytext=(0, 2 + 10 * row),
            textcoords="offset points",
            ha="center",
            va="bottom",
            fontsize=MIN_FONT_PT,
            color=style.EVENT,
            annotation_clip=False,
            gid=f"{gid}:number",
        )


def source_break(ax, x: float, before: str | None = None, after: str | None = None) -> None:
    """A change of source on a year axis: a solid rule at ``x`` (event rules are dotted), with the names of the
    sources on either side written along it (``before`` to its left, ``after`` to its right), on a white ground
    so that event rules pass behind them; leave a side unnamed where its label would cover data. The chart's note
    says what the two sources are.
    """
    ax.axvline(x, color=style.SOURCE_BREAK, linestyle="-", linewidth=1.2, zorder=1, gid="source-break")
    lab = {
        "transform": ax.get_xaxis_transform(),
        "rotation": 90,
        "va": "top",
        "fontsize": MIN_FONT_PT,
        "color": "0.2",
        "bbox": {"facecolor": "white", "edgecolor": "none", "pad": 0.4},
        "zorder": 3,
    }
    lo, hi = ax.get_xlim()
    off = 0.012 * (hi - lo)
    if before:
        ax.text(x - off, 0.97, before, ha="right", gid="source-break:before", **lab)
    if after:
        ax.text(x + off, 0.97, after, ha="left", gid="source-break:after", **lab)
