"""Bars: grouped or stacked, vertical or horizontal; the largest groups kept and the rest summed as "All others".

Each value of ``by`` has a full look (colour and hatch), so stacks and groups differ in more than
colour. Values are drawn as given: shares are not renormalised, a missing value is no bar (not a
zero bar), and a total that does not add up is the data's, not the chart's.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
from matplotlib.patches import Patch

from . import axes as axes_mod
from . import frame, sources, style

OTHER = "All others"


def top_n(df: pd.DataFrame, *, value: str, category: str, by: str, n: int) -> pd.DataFrame:
    """Keep the ``n`` values of ``by`` with the largest totals (roles first among equals); sum the rest per category as OTHER.

    The OTHER rows carry the source ids of the rows they sum.
    """
    totals = df.groupby(by)[value].sum().sort_values(ascending=False, kind="stable")
    keep = list(totals.index[:n])
    kept = df[df[by].isin(keep)]
    rest = df[~df[by].isin(keep)]
    if rest.empty:
        return df
    other = (
        rest.groupby(category, sort=False)
        .agg(
            **{
                value: (value, "sum"),
                "source_id": ("source_id", lambda s: ";".join(dict.fromkeys(";".join(s).split(";")))),
            }
        )
        .reset_index()
    )
    other[by] = OTHER
    out = pd.concat([kept, other], ignore_index=True)
    out.attrs = dict(df.attrs)
    return out


def bars(
    df: pd.DataFrame,
    *,
    value: str,
    category: str,
    by: str | None = None,
    stacked: bool = False,
    horizontal: bool = False,
    top: int | None = None,
    unit: str,
    note: str | None = None,
):
    """A bar chart of ``value`` for each ``category`` (in the order of the rows), one bar or stack part per ``by``.

    ``top`` keeps the ``top`` largest values of ``by`` and sums the others as "All others".
    ``unit`` labels the value axis; ``note`` is added to the source line. Returns the Figure.
    """
    if df.empty:
        raise ValueError("no rows to draw")
    if by and top:
        df = top_n(df, value=value, category=category, by=by, n=top)
    drawn = df[df[value].notna()]
    cats = list(dict.fromkeys(df[category]))
    groups = list(dict.fromkeys(df[by])) if by else [None]
    if by and all(re.fullmatch(r"\d{4}(-\d{2})?", str(g)) for g in groups):  # years and periods in time order
        groups = sorted(groups, key=str)
    if OTHER in groups:
        groups = [g for g in groups if g != OTHER] + [OTHER]
    looks = style.looks(groups) if by else {None: style.SERIES[0]}
    ncol = frame.legend_columns(groups if by else [], most=4)
    n_rows = frame.legend_rows(len(groups) if by else 0, ncol)
    height = max(1.6, 0.28 * len(cats) + 0.4) if horizontal else 2.6
    margins = frame.CHART_MARGINS
    if horizontal:  # room for the category labels on the left and for the last value label on the right
        margins = frame.Margins(frame.left_for_labels(cats), 0.3, margins.top, margins.labels)
    fig, ax = frame.new_figure(
        plot_height_in=height, source=sources.line(drawn), note=note, legend_rows=n_rows, margins=margins
    )
    pos = np.arange(len(cats), dtype=float)
    width = 0.8 if stacked or not by else 0.8 / len(groups)
    base = np.zeros(len(cats))
    handles = []
    for i, g in enumerate(groups):
        part = df[df[by] == g] if by else df
        if part[category].duplicated().any():
            raise ValueError(f"two rows for one {category} in group {g!r}: sum or filter them first")
        vals = part.set_index(category)[value].reindex(cats).astype(float).to_numpy()
        offset = 0.0 if stacked or not by else (i - (len(groups) - 1) / 2) * width
        look = looks[g]
        kw = look.patch()
        where = ~np.isnan(vals)
        bottom = base if stacked else np.zeros(len(cats))
        if horizontal:
            ax.barh(pos[where] + offset, vals[where], height=width, left=bottom[where], gid=f"bars:{g}", **kw)
        else:
            ax.bar(pos[where] + offset, vals[where], width=width, bottom=bottom[where], gid=f"bars:{g}", **kw)
        if stacked:
            base = base + np.nan_to_num(vals)
        if by:
            handles.append(Patch(label=str(g), **kw))
    if horizontal:
        ax.set_yticks(pos)
        ax.set_yticklabels([str(c) for c in cats])
        ax.invert_yaxis()
        ax.tick_params(axis="y", length=0)
    else:
        ax.set_xticks(pos)
        ax.set_xticklabels([str(c) for c in cats])
        ax.tick_params(axis="x", length=0)
    axes_mod.value_axis(ax, unit, horizontal=horizontal)
    top = float(np.nanmax(base)) if stacked else float(np.nanmax(df[value]))
    (ax.set_xlim if horizontal else ax.set_ylim)(0, top * 1.07 if top > 0 else 1)
    if handles:
        frame.legend_below(fig, ax, handles, ncol=ncol)
    return fig
