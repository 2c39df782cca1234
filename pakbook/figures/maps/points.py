"""Points on a map: places marked by kind and labelled, and numbered sites keyed to a table.

Shape carries the meaning, not colour. For dense sites (attacks, mines, projects) a map carries
numbers, not names: the numbers key the points to a table beside the map, and a point's fill
says how precise it is (the site or a landmark: filled; the town or a stand-in: hollow).
"""

from __future__ import annotations

from collections.abc import Sequence

from matplotlib.lines import Line2D

from .. import style
from ..page import BASE_FONT_PT, MIN_FONT_PT
from .base import MapWindow

#: Marker for each kind of place.
MARKERS = {
    "capital": dict(marker="*", s=55, color="#222222"),
    "city": dict(marker="o", s=16, color="#222222"),
    "port": dict(marker="s", s=20, color="#222222"),
    "pass": dict(marker="^", s=30, color="#222222"),
    "strait": dict(marker="X", s=36, color=style.ROLE["highlight"].color, edgecolor="#222222", linewidths=0.5),
}
KIND_NAMES = {"capital": "Capital", "city": "City", "port": "Port", "pass": "Mountain pass", "strait": "Strait"}

#: How precise a site's point is -> filled or hollow marker (pakbook.data.common.COORD_PRECISION).
EXACT = ("site", "landmark")
APPROXIMATE = ("town", "proxy")


def place_handles(kinds: Sequence[str]) -> list[Line2D]:
    """Legend entries for kinds of place."""
    out = []
    for k in kinds:
        m = MARKERS[k]
        out.append(
            Line2D(
                [],
                [],
                linestyle="none",
                marker=m["marker"],
                markersize=(m["s"] ** 0.5),
                markerfacecolor=m["color"],
                markeredgecolor=m.get("edgecolor", m["color"]),
                label=KIND_NAMES[k],
            )
        )
    return out


def draw_places(ax, window: MapWindow, places, ids: Sequence[str], *, offsets: dict | None = None) -> None:
    """Mark places (marker by kind) and label them.

    ``offsets`` maps place_id -> (dx, dy, ha) in points, or (dx, dy, ha, True) for a label
    set further off with a leader line to its point.
    """
    offsets = offsets or {}
    tr = window.transformer()
    for pid in ids:
        row = places.loc[pid]
        x, y = tr.transform(row["lon"], row["lat"])
        if row["kind"] in MARKERS:
            ax.scatter([x], [y], zorder=6, gid=f"place:{pid}", **MARKERS[row["kind"]])
        dx, dy, ha, *leader = offsets.get(pid, (4, 3, "left"))
        arrow = dict(arrowstyle="-", linewidth=0.6, color="#333333", shrinkA=0, shrinkB=3) if leader else None
        ax.annotate(
            row["name"],
            (x, y),
            xytext=(dx, dy),
            textcoords="offset points",
            ha=ha,
            va="center",
            fontsize=BASE_FONT_PT,
            zorder=7,
            arrowprops=arrow,
            bbox=dict(boxstyle="round,pad=0.12", fc="white", ec="none", alpha=0.75),
        )


def site_handles(look: style.Look, what: str) -> list[Line2D]:
    """Legend entries for numbered sites: the exact point filled, the approximate one hollow."""
    return [
        Line2D(
            [],
            [],
            linestyle="none",
            marker=look.marker,
            markersize=6,
            color=look.color,
            label=f"{what}: site or landmark",
        ),
        Line2D(
            [],
            [],
            linestyle="none",
            marker=look.marker,
            markersize=6,
            markerfacecolor="white",
            markeredgecolor=look.color,
            label=f"{what}: town only",
        ),
    ]


def draw_sites(
    ax,
    window: MapWindow,
    sites,
    *,
    number: str,
    precision: str = "coord_precision",
    look: style.Look = style.ROLE["china"],
) -> int:
    """Numbered markers for sites with a point (filled if exact, hollow if the town); returns how many have none.

    Labels of points close together are moved apart (down the page), so no number hides another.
    Filled markers are drawn first and hollow ones above them (a higher zorder); a hollow marker that
    would fall on a marker already drawn is set beside it (to the left) with a leader line to its point,
    so a town point is never hidden under a landmark's filled marker nor mistaken for it.
    """
    tr = window.transformer()
    located = sites[sites[precision].isin(EXACT + APPROXIMATE)]
    placed: list[tuple[float, float]] = []
    markers: list[tuple[float, float]] = []
    fig = ax.figure
    x0, x1 = ax.get_xlim()
    per_pt = (x1 - x0) / (ax.get_position().width * fig.get_size_inches()[0] * 72)
    order = located.assign(_hollow=~located[precision].isin(EXACT)).sort_values(
        ["_hollow", "lat"], ascending=[True, False], kind="stable"
    )
    for _, r in order.iterrows():
        x, y = tr.transform(r["lon"], r["lat"])
        exact = r[precision] in EXACT
        mx = x
        if not exact:  # clear of every marker already drawn (markers are 6 pt across)
            while any(abs(mx - px) < 8 * per_pt and abs(y - py) < 8 * per_pt for px, py in markers):
                mx -= 9 * per_pt
            if mx != x:
                ax.plot([x, mx], [y, y], color="#333333", linewidth=0.5, linestyle="-", marker="none", zorder=6.4)
        markers.append((mx, y))
        ax.plot(
            [mx],
            [y],
            linestyle="none",
            marker=look.marker,
            markersize=6,
            markeredgewidth=1.2,
            markerfacecolor=look.color if exact else "white",
            markeredgecolor=look.color,
            zorder=6 if exact else 6.5,
            gid=f"site:{r[number]}",
        )
        dy = 0.0
        while any(abs(x - px) < 14 * per_pt and abs(y + dy - py) < 10 * per_pt for px, py in placed):
            dy -= 10 * per_pt
        placed.append((x, y + dy))
        ax.annotate(
            str(r[number]),
            (mx, y),
            xytext=((5 if mx == x else -5), dy / per_pt),
            textcoords="offset points",
            ha="left" if mx == x else "right",
            va="center",
            fontsize=MIN_FONT_PT,
            zorder=7,
            fontweight="bold",
            arrowprops=dict(arrowstyle="-", linewidth=0.5, color="#333333", shrinkA=0, shrinkB=2) if dy else None,
            bbox=dict(boxstyle="round,pad=0.1", fc="white", ec="none", alpha=0.8),
        )
    return int(len(sites) - len(located))
