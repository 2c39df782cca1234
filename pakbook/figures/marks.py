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

#: Height of the band above the plot that holds the event numbers (two staggered rows), inches.
EVENT_BAND_IN = 0.30
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
    return f"{start} to {one(end)}" if isinstance(end, str) and end else start


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
    last_x = [float("-inf"), float("-inf")]
    for n, ((_, e), (a, b)) in enumerate(zip(events.iterrows(), spans(events, kind)), start=1):
        gid = f"event:{e['event_id']}"
        if b - a > 1e-9:
            ax.axvspan(a, b, color=style.GAP, alpha=0.28, linewidth=0, zorder=0.5, gid=gid)
        else:
            ax.axvline(a, color=style.EVENT, linewidth=0.7, linestyle=(0, (2, 1.5)), zorder=0.6, gid=gid)
        x = min(max(a, x0), x1)
        row = 0 if (x - last_x[0]) / per_in >= _MIN_GAP_IN else 1
        if row == 1 and (x - last_x[1]) / per_in < _MIN_GAP_IN:
            row = 0
        last_x[row] = x
        ax.annotate(
            str(n),
            (x, 1),
            xycoords=("data", "axes fraction"),
            xytext=(0, 2 + 9 * row),
            textcoords="offset points",
            ha="center",
            va="bottom",
            fontsize=MIN_FONT_PT,
            color=style.EVENT,
            annotation_clip=False,
            gid=f"{gid}:number",
        )
