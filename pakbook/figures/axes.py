"""Axes of time and value: calendar and fiscal years labelled as such, dates at their precision, units as the axis label.

A frame says which kind of period its rows are in ``attrs["period"]`` (the loaders set it):
``calendar_year`` (the default), ``us_fiscal_year`` (ending 30 September, from FY1977; 30 June
before) or ``pk_fiscal_year`` (July to June, by the year it ends). A year axis puts a year's value
at the year; a dated event sits inside that year's cell, which runs from ``year - 0.5`` to
``year + 0.5`` and, for a fiscal year, covers the fiscal year's months.
"""

from __future__ import annotations

import calendar
import datetime as dt

import matplotlib.ticker as mticker
import pandas as pd

from .page import MIN_FONT_PT

PERIODS = {
    "calendar_year": "Calendar year",
    "us_fiscal_year": "US fiscal year (to 30 September; to 30 June until FY1976)",
    "pk_fiscal_year": "Pakistani fiscal year (July to June), by the year it ends",
    "month": "Month",
}


def period_of(df: pd.DataFrame) -> str:
    """The kind of period a frame's rows are in (``attrs["period"]``, else from a ``period_type`` column)."""
    kind = df.attrs.get("period")
    if kind is None and "period_type" in df.columns:
        kinds = set(df["period_type"].dropna())
        if kinds == {"fiscal_year"}:
            kind = "pk_fiscal_year"
        elif len(kinds) > 1:
            raise ValueError(
                f"rows of several kinds of period ({sorted(kinds)}): calendar and fiscal years are never drawn "
                "on one axis; filter to one"
            )
    kind = kind or "calendar_year"
    if kind not in PERIODS:
        raise ValueError(f"unknown period {kind!r}; known: {', '.join(PERIODS)}")
    return kind


def fiscal_bounds(kind: str, fy: int) -> tuple[dt.date, dt.date]:
    """First day of the fiscal year ending in ``fy`` and first day of the next one."""
    if kind == "us_fiscal_year" and fy >= 1977:
        return dt.date(fy - 1, 10, 1), dt.date(fy, 10, 1)
    return dt.date(fy - 1, 7, 1), dt.date(fy, 7, 1)


def date_span(date: str, precision: str, kind: str = "calendar_year") -> tuple[float, float]:
    """Where a date of a given precision (day, month, year) lies on a year axis of ``kind``: (start, end).

    A day is a point (start == end); a month is its month; a year is its whole cell. On a fiscal-year
    axis, a date falls in the fiscal year that contains it.
    """
    parts = [int(p) for p in str(date).split("-")]
    y = parts[0]
    if precision == "year":
        return y - 0.5, y + 0.5
    m = parts[1]
    first = dt.date(y, m, 1)
    last_day = calendar.monthrange(y, m)[1]
    if precision == "month":
        a, b = first, dt.date(y, m, last_day) + dt.timedelta(days=1)
    else:
        a = b = dt.date(y, m, parts[2])
    return _year_pos(a, kind), _year_pos(b, kind)


def _year_pos(d: dt.date, kind: str) -> float:
    """Position of a day on a year axis: year Y's cell runs from Y - 0.5 to Y + 0.5."""
    if kind in ("calendar_year", "month"):
        bounds = [(d.year, dt.date(d.year, 1, 1), dt.date(d.year + 1, 1, 1))]
    else:
        bounds = [(fy, *fiscal_bounds(kind, fy)) for fy in (d.year, d.year + 1)]
    for year, start, end in bounds:
        if start <= d <= end:
            return year - 0.5 + (d - start).days / (end - start).days
    # the US transition quarter (July-September 1976) belongs to no fiscal year: put it at the edge of FY1976's cell
    return d.year + 0.5


def year_axis(ax, kind: str, *, first: int, last: int) -> None:
    """Label the x axis as a year axis of ``kind``: FY-prefixed ticks for fiscal years, the period as the axis label."""
    span = last - first
    step = next(s for s in (1, 2, 5, 10, 20) if span / s <= 9)
    ticks = [y for y in range(first - first % step, last + 1, step) if first <= y <= last]
    ax.set_xticks(ticks)
    fiscal = kind in ("us_fiscal_year", "pk_fiscal_year")
    ax.set_xticklabels([f"FY{y}" if fiscal else str(y) for y in ticks], fontsize=MIN_FONT_PT)
    ax.set_xlim(first - 0.6, last + 0.6)
    ax.set_xlabel(period_label(kind, first), fontsize=MIN_FONT_PT)


def period_label(kind: str, first: int) -> str:
    """The axis label of a period kind; the US fiscal year's pre-1977 end (30 June) is named only on axes that reach it."""
    if kind == "us_fiscal_year" and first >= 1977:
        return "US fiscal year (to 30 September)"
    return PERIODS[kind]


class _Values(mticker.Formatter):
    """Tick values with thousands separated and as many decimals as the tick step needs (0, 0.5, 1.0 or 0, 5, 10)."""

    def __call__(self, x, pos=None):
        locs = [v for v in self.axis.get_majorticklocs() if v == v] or [x]
        step = min((abs(b - a) for a, b in zip(locs, locs[1:]) if b != a), default=1.0)
        decimals = 0 if step >= 1 or float(step).is_integer() else min(3, len(f"{step:.3g}".split(".")[1]))
        return f"{x:,.{decimals}f}"


def value_axis(ax, unit: str, *, horizontal: bool = False) -> None:
    """The unit as the value axis's label, thousands separated, and a light grid along it."""
    axis = ax.xaxis if horizontal else ax.yaxis
    axis.set_major_formatter(_Values())
    if not horizontal:  # a unit longer than the plot is tall goes on two lines, not past the top of the image
        height_in = ax.get_position().height * ax.figure.get_size_inches()[1]
        if len(unit) * MIN_FONT_PT * 0.55 / 72 > height_in * 0.95:
            import textwrap

            unit = "\n".join(textwrap.wrap(unit, max(12, len(unit) // 2 + 1)))
    (ax.set_xlabel if horizontal else ax.set_ylabel)(unit, fontsize=MIN_FONT_PT)
    ax.grid(True, axis="x" if horizontal else "y", color="#E3E3E3", linewidth=0.6, zorder=0)
    ax.set_axisbelow(True)
