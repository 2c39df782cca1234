"""The book's maps, one function each: data in, Figure out.

Each map credits what it draws: the base layers' producer and the sources of the places,
routes and sites it marks (:mod:`pakbook.figures.sources`), then how it measured (``method``)
and its projection (from the window).
"""

from __future__ import annotations

from collections.abc import Sequence

from matplotlib.lines import Line2D
from shapely.geometry import LineString

from ... import geo
from .. import frame, sources, style
from ..page import BASE_FONT_PT, MIN_FONT_PT
from . import base, points
from .windows import GULF, PAKISTAN, REGION, SEA_ROUTES


def _source(layers: dict, *drawn, method: str | None = None) -> str:
    return sources.line(*layers.values(), *drawn, method=method)


def regional_map(layers: dict, places):
    """Pakistan between the Middle East, Central Asia and South Asia."""
    w = REGION
    ids = [
        "gwadar",
        "karachi",
        "islamabad",
        "kashgar",
        "strait_of_hormuz",
        "tehran",
        "kabul",
        "new_delhi",
        "riyadh",
        "tashkent",
        "muscat",
    ]
    fig, ax = base.new_map(w, legend_rows=2, source=_source(layers, places.loc[ids]))
    base.draw_graticule(ax, w, 10)
    base.draw_base(ax, w, layers, focus=("PAK",))
    for lon, lat, text in [(44, 29.5, "MIDDLE EAST"), (61, 40.3, "CENTRAL ASIA"), (79, 23.5, "SOUTH ASIA")]:
        base.label_area(ax, w, lon, lat, text, kind="region", fontsize=BASE_FONT_PT, fontweight="bold")
    base.label_area(ax, w, 69.2, 29.0, "PAKISTAN", kind="country", fontsize=MIN_FONT_PT)
    for lon, lat, text in [
        (64.5, 18.0, "Arabian Sea"),
        (87.5, 15.5, "Bay of\nBengal"),
        (50.3, 27.6, "Persian\nGulf"),
        (38.3, 20.5, "Red\nSea"),
    ]:
        base.label_area(ax, w, lon, lat, text)
    offsets = {
        "gwadar": (0, 9, "center"),
        "karachi": (5, -6, "left"),
        "islamabad": (5, 4, "left"),
        "kashgar": (5, 3, "left"),
        "strait_of_hormuz": (6, 7, "left"),
        "tehran": (5, 4, "left"),
        "kabul": (-5, 5, "right"),
        "new_delhi": (5, -3, "left"),
        "riyadh": (5, -5, "left"),
        "tashkent": (5, 3, "left"),
        "muscat": (5, -5, "left"),
    }
    points.draw_places(ax, w, places, ids, offsets=offsets)
    classes = list(layers["boundaries"]["FEATURECLA"].unique())
    base.legend_below(
        fig,
        ax,
        points.place_handles(["capital", "city", "port", "strait"])
        + base.boundary_legend_handles([c for c in base.BOUNDARY_STYLE if c in classes]),
        ncol=4,
    )
    return fig


def gulf_map(layers: dict, places, *, hormuz_km: float):
    """Gwadar, the Gulf of Oman and the Strait of Hormuz, with the geodesic from Gwadar to the strait."""
    w = GULF
    ids = ["gwadar", "karachi", "chabahar", "bandar_abbas", "muscat", "dubai", "strait_of_hormuz"]
    fig, ax = base.new_map(
        w, legend_rows=1, source=_source(layers, places.loc[ids], method="Distance: geodesic on the WGS 84 ellipsoid.")
    )
    base.draw_graticule(ax, w, 2)
    base.draw_base(ax, w, layers, focus=("PAK",))
    a, b = geo.lonlat(places.loc["gwadar"]), geo.lonlat(places.loc["strait_of_hormuz"])
    hl = style.ROLE["highlight"]
    base.draw_route(ax, w, [a, b], color=hl.color, linestyle=hl.linestyle, linewidth=1.8, gid="route:gwadar_hormuz")
    mid = geo.GEOD.npts(a[0], a[1], b[0], b[1], 1)[0]
    x, y = w.project(*mid)
    ax.annotate(
        f"{hormuz_km:,.0f} km in a straight line",
        (x, y),
        xytext=(0, 12),
        textcoords="offset points",
        ha="center",
        va="bottom",
        fontsize=BASE_FONT_PT,
        fontweight="bold",
        zorder=9,
        bbox=dict(boxstyle="round,pad=0.2", fc="white", ec=hl.color, lw=0.8),
    )
    for lon, lat, text in [(58.7, 24.6, "Gulf of Oman"), (63.0, 23.4, "Arabian Sea"), (55.3, 26.9, "Persian\nGulf")]:
        base.label_area(ax, w, lon, lat, text)
    for lon, lat, text in [(59.6, 27.4, "IRAN"), (65.3, 27.3, "PAKISTAN"), (57.0, 22.9, "OMAN"), (55.3, 24.0, "UAE")]:
        base.label_area(ax, w, lon, lat, text, kind="region", fontsize=BASE_FONT_PT)
    offsets = {
        "gwadar": (0, -10, "center"),
        "karachi": (-5, 6, "right"),
        "chabahar": (0, -10, "center"),
        "bandar_abbas": (5, 5, "left"),
        "muscat": (-5, -6, "right"),
        "dubai": (-5, 6, "right"),
        "strait_of_hormuz": (-6, -8, "right"),
    }
    points.draw_places(ax, w, places, ids, offsets=offsets)
    base.scale_bar(ax, w, 200, lon=64.6, lat=22.75)
    base.legend_below(fig, ax, points.place_handles(["capital", "port", "strait"]), ncol=3)
    return fig


def two_routes_map(
    layers: dict, places, *, sea_route: LineString, land_route, sea_label: str, land_label: str, method: str
):
    """China's two ways to the Arabian Sea: by sea through Malacca, or overland from Kashgar.

    ``land_route`` is the path of waypoints drawn (a frame with lon, lat and source_id); ``method``
    says how the sea route was made, which no data row records.
    """
    w = SEA_ROUTES
    ids = ["shanghai", "kashgar", "gwadar", "singapore", "strait_of_malacca", "beijing"]
    fig, ax = base.new_map(w, legend_rows=2, source=_source(layers, places.loc[ids], land_route, method=method))
    base.draw_graticule(ax, w, 10)
    base.draw_base(ax, w, layers, focus=("PAK", "CHN"))
    sea, land = style.ROLE["sea_route"], style.ROLE["land_route"]
    base.draw_route(
        ax, w, list(sea_route.coords), color=sea.color, linestyle=sea.linestyle, linewidth=2.2, gid="route:sea"
    )
    base.draw_route(
        ax,
        w,
        list(zip(land_route["lon"], land_route["lat"])),
        color=land.color,
        linestyle=land.linestyle,
        linewidth=2.4,
        gid="route:land",
    )
    for lon, lat, text in [
        (64, 16.5, "Arabian\nSea"),
        (88, 14, "Bay of\nBengal"),
        (78, 0, "Indian Ocean"),
        (114, 13, "South\nChina\nSea"),
    ]:
        base.label_area(ax, w, lon, lat, text)
    for lon, lat, text in [(71.8, 29.0, "PAKISTAN"), (98, 35, "CHINA")]:
        base.label_area(ax, w, lon, lat, text, kind="country", fontsize=MIN_FONT_PT)
    offsets = {
        "shanghai": (5, -4, "left"),
        "kashgar": (5, 4, "left"),
        "gwadar": (-5, -7, "right"),
        "singapore": (5, -6, "left"),
        "strait_of_malacca": (-28, 30, "right", True),
        "beijing": (5, 3, "left"),
    }
    points.draw_places(ax, w, places, ids, offsets=offsets)
    handles = [
        Line2D([], [], color=sea.color, linewidth=2.2, linestyle=sea.linestyle, label=sea_label),
        Line2D([], [], color=land.color, linewidth=2.4, linestyle=land.linestyle, label=land_label),
    ]
    base.legend_below(fig, ax, handles + points.place_handles(["capital", "port", "city", "strait"]), ncol=3)
    return fig


def sites_map(
    layers: dict,
    sites,
    *,
    window: base.MapWindow,
    number: str,
    what: str,
    places=None,
    place_ids: Sequence[str] = (),
    classes: dict[str, str] | None = None,
    place_offsets: dict | None = None,
):
    """Numbered sites (keyed to a table) on a map of ``window``, with reference places named.

    ``place_offsets`` moves a place's label where it would cover a neighbour (as points.draw_places).

    A site's marker is filled where its point is the site or a landmark and hollow where it is the
    town; sites with no point are counted in the note, not drawn. ``classes`` maps the values of the
    sites' ``claim_class`` column to legend labels (e.g. established deposits against claimed ones): each
    class then has a look of its own (colour and marker), and every site must belong to one of them.
    """
    drawn = sites[sites["coord_precision"] != "none"]
    shown_places = places.loc[list(place_ids)] if places is not None and place_ids else None
    ids = list(drawn["source_id"])
    frames = [drawn] if ids else []
    if classes:
        unknown = sorted(set(sites["claim_class"]) - set(classes))
        if unknown:
            raise ValueError(f"sites of classes {unknown} have no legend label in classes={classes}")
        looks = style.looks(list(classes.values()))
        groups = [(sites[sites["claim_class"] == c], looks[label], label) for c, label in classes.items()]
    else:
        groups = [(sites, style.ROLE["china"], what)]
    n_unlocated = int((~sites["coord_precision"].isin(points.EXACT + points.APPROXIMATE)).sum())
    handles = [h for _, look, label in groups for h in points.site_handles(look, label)]
    if n_unlocated:
        handles.append(Line2D([], [], linestyle="none", label=f"{n_unlocated} without a sourced point: not drawn"))
    ncol = frame.legend_columns([h.get_label() for h in handles], most=3)
    fig, ax = base.new_map(
        window, legend_rows=frame.legend_rows(len(handles), ncol), source=_source(layers, *frames, shown_places)
    )
    base.draw_graticule(ax, window, 2)
    base.draw_base(ax, window, layers, focus=("PAK",))
    if shown_places is not None:
        points.draw_places(ax, window, places, list(place_ids), offsets=place_offsets)
    for group, look, _ in groups:
        points.draw_sites(ax, window, group, number=number, look=look)
    base.legend_below(fig, ax, handles, ncol=ncol)
    return fig


def corridor_map(layers: dict, waypoints, projects, places, *, routes: dict, place_ids: Sequence[str] = ()):
    """CPEC's alignments from their sourced waypoints, with the located projects numbered.

    ``routes`` maps a route_id of ``waypoints`` to its legend label, in drawing order. A leg between two
    located waypoints is drawn in the route's look; where waypoints have no sourced coordinate (or a low-
    confidence one), the path between the located neighbours is a thin dotted chord, "path not sourced":
    no coordinate is invented. ``projects`` must carry a ``number`` column (the key to their table).
    """
    w = PAKISTAN
    located_projects = projects[projects["coord_precision"] != "none"]
    drawn = waypoints[waypoints["route_id"].isin(list(routes))]
    frames = [f for f in (drawn, located_projects) if len(f)]
    n_entries = len(set(routes.values())) + 3  # the routes, "path not sourced", and the two kinds of project marker
    fig, ax = base.new_map(
        w,
        legend_rows=-(-n_entries // 2),
        source=_source(
            layers,
            places.loc[list(place_ids)],
            *frames,
            method="Lines join the sourced waypoints in order; the roads and railway wind further.",
        ),
    )
    base.draw_graticule(ax, w, 4)
    base.draw_base(ax, w, layers, focus=("PAK",))
    labels = list(dict.fromkeys(routes.values()))  # routes that share a label share a look and a legend entry
    looks = style.looks(labels)
    handles = [
        Line2D([], [], color=looks[lb].color, linestyle=looks[lb].linestyle, linewidth=1.8, label=lb) for lb in labels
    ]
    gap = dict(color="#777777", linestyle=(0, (1, 2)), linewidth=0.9)
    for route_id, label in routes.items():
        pts = waypoints[waypoints["route_id"] == route_id].sort_values("seq")
        ok = pts["lat"].notna() & (pts["coord_confidence"] != "low")
        look = looks[label]
        run: list = []
        last_ok = None
        skipped = False
        for (_, p), good in zip(pts.iterrows(), ok):
            if not good:
                skipped = True
                continue
            here = (p["lon"], p["lat"])
            if skipped and last_ok is not None:  # the chord over waypoints with no sourced position
                if len(run) > 1:
                    base.draw_route(
                        ax, w, run, color=look.color, linestyle=look.linestyle, linewidth=1.8, gid=f"route:{route_id}"
                    )
                base.draw_route(ax, w, [last_ok, here], gid=f"route:{route_id}:not_sourced", **gap)
                run = []
            run.append(here)
            last_ok, skipped = here, False
        if len(run) > 1:
            base.draw_route(
                ax, w, run, color=look.color, linestyle=look.linestyle, linewidth=1.8, gid=f"route:{route_id}"
            )
    handles.append(Line2D([], [], label="path not sourced (towns without a sourced position)", **gap))
    offsets = {
        "gwadar": (-4, 9, "right"),
        "islamabad": (-6, 5, "right"),
        "karachi": (5, -7, "left"),
        "kashgar": (5, 3, "left"),
        "khunjerab_pass": (5, 4, "left"),
    }
    points.draw_places(ax, w, places, list(place_ids), offsets=offsets)
    points.draw_sites(ax, w, projects, number="number", look=style.Look("#222222", "-", "o"))
    handles += points.site_handles(style.Look("#222222", "-", "o"), "CPEC project")
    base.legend_below(fig, ax, handles, ncol=2)
    return fig
