"""The book's maps, one function each: data in, Figure out.

Frames (projection and window) are defined here so every chapter that shows the
same region shows it the same way.
"""

from __future__ import annotations

from collections.abc import Sequence

from shapely.geometry import LineString

from . import geo, maps, style

#: Arabian Peninsula to western China, Lambert azimuthal equal-area centred on Pakistan.
REGION = maps.Frame("+proj=laea +lat_0=29 +lon_0=63 +datum=WGS84 +units=m", 36, 12, 90, 45)
#: Gulf of Oman and the Strait of Hormuz, UTM zone 41N.
GULF = maps.Frame("EPSG:32641", 54.6, 22.4, 67.6, 27.9)
#: From the Persian Gulf to the East China Sea, Lambert azimuthal equal-area.
SEA_ROUTES = maps.Frame("+proj=laea +lat_0=18 +lon_0=92 +datum=WGS84 +units=m", 52, -4, 128, 44)


def _place_handles(kinds: Sequence[str]):
    from matplotlib.lines import Line2D

    names = {"capital": "Capital", "city": "City", "port": "Port", "pass": "Mountain pass", "strait": "Strait"}
    out = []
    for k in kinds:
        m = maps.MARKERS[k]
        out.append(Line2D([], [], linestyle="none", marker=m["marker"], markersize=(m["s"] ** 0.5),
                          markerfacecolor=m["color"], markeredgecolor=m.get("edgecolor", m["color"]), label=names[k]))
    return out


def regional_map(layers: dict, places, *, source: str):
    """Pakistan between the Middle East, Central Asia and South Asia."""
    f = REGION
    fig, ax = maps.new_map(f, legend_rows=2, source=source)
    maps.draw_graticule(ax, f, 10)
    maps.draw_base(ax, f, layers, focus=("PAK",))
    for lon, lat, text in [(44, 29.5, "MIDDLE EAST"), (61, 40.3, "CENTRAL ASIA"), (79, 23.5, "SOUTH ASIA")]:
        maps.label_area(ax, f, lon, lat, text, kind="region", fontsize=style.BASE_FONT_PT, fontweight="bold")
    maps.label_area(ax, f, 69.2, 29.0, "PAKISTAN", kind="country", fontsize=style.MIN_FONT_PT)
    for lon, lat, text in [(64.5, 18.0, "Arabian Sea"), (87.5, 15.5, "Bay of\nBengal"), (50.3, 27.6, "Persian\nGulf"),
                           (38.3, 20.5, "Red\nSea")]:
        maps.label_area(ax, f, lon, lat, text)
    ids = ["gwadar", "karachi", "islamabad", "kashgar", "strait_of_hormuz", "tehran", "kabul", "new_delhi",
           "riyadh", "tashkent", "muscat"]
    offsets = {
        "gwadar": (0, 9, "center"), "karachi": (5, -6, "left"), "islamabad": (5, 4, "left"),
        "kashgar": (5, 3, "left"), "strait_of_hormuz": (6, 7, "left"), "tehran": (5, 4, "left"),
        "kabul": (-5, 5, "right"), "new_delhi": (5, -3, "left"), "riyadh": (5, -5, "left"),
        "tashkent": (5, 3, "left"), "muscat": (5, -5, "left"),
    }
    maps.draw_places(ax, f, places, ids, offsets=offsets)
    classes = list(layers["boundaries"]["FEATURECLA"].unique())
    maps.legend_below(fig, ax, _place_handles(["capital", "city", "port", "strait"]) + maps.boundary_legend_handles(
        [c for c in maps.BOUNDARY_STYLE if c in classes]), ncol=4)
    return fig


def gulf_map(layers: dict, places, *, hormuz_km: float, source: str):
    """Gwadar, the Gulf of Oman and the Strait of Hormuz, with the geodesic from Gwadar to the strait."""
    f = GULF
    fig, ax = maps.new_map(f, legend_rows=1, source=source)
    maps.draw_graticule(ax, f, 2)
    maps.draw_base(ax, f, layers, focus=("PAK",))
    a, b = geo.lonlat(places.loc["gwadar"]), geo.lonlat(places.loc["strait_of_hormuz"])
    maps.draw_route(ax, f, [a, b], color=style.ROLE["highlight"], linestyle=(0, (4, 2)), linewidth=1.8,
                    gid="route:gwadar_hormuz")
    mid = geo.GEOD.npts(a[0], a[1], b[0], b[1], 1)[0]
    x, y = f.project(*mid)
    ax.annotate(f"{hormuz_km:,.0f} km in a straight line", (x, y), xytext=(0, 12), textcoords="offset points", ha="center",
                va="bottom", fontsize=style.BASE_FONT_PT, fontweight="bold", zorder=9,
                bbox=dict(boxstyle="round,pad=0.2", fc="white", ec=style.ROLE["highlight"], lw=0.8))
    for lon, lat, text in [(58.7, 24.6, "Gulf of Oman"), (63.0, 23.4, "Arabian Sea"), (55.3, 26.9, "Persian\nGulf")]:
        maps.label_area(ax, f, lon, lat, text)
    for lon, lat, text in [(59.6, 27.4, "IRAN"), (65.3, 27.3, "PAKISTAN"), (57.0, 22.9, "OMAN"), (55.3, 24.0, "UAE")]:
        maps.label_area(ax, f, lon, lat, text, kind="region", fontsize=style.BASE_FONT_PT)
    ids = ["gwadar", "karachi", "chabahar", "bandar_abbas", "muscat", "dubai", "strait_of_hormuz"]
    offsets = {"gwadar": (0, -10, "center"), "karachi": (-5, 6, "right"), "chabahar": (0, -10, "center"),
               "bandar_abbas": (5, 5, "left"), "muscat": (-5, -6, "right"), "dubai": (-5, 6, "right"),
               "strait_of_hormuz": (-6, -8, "right")}
    maps.draw_places(ax, f, places, ids, offsets=offsets)
    maps.scale_bar(ax, f, 200, lon=64.6, lat=22.75)
    maps.legend_below(fig, ax, _place_handles(["capital", "port", "strait"]), ncol=3)
    return fig


def two_routes_map(layers: dict, places, *, sea_route: LineString, land_route: Sequence[tuple[float, float]],
                   sea_label: str, land_label: str, source: str):
    """China's two ways to the Arabian Sea: by sea through Malacca, or overland from Kashgar."""
    from matplotlib.lines import Line2D

    f = SEA_ROUTES
    fig, ax = maps.new_map(f, legend_rows=2, source=source)
    maps.draw_graticule(ax, f, 10)
    maps.draw_base(ax, f, layers, focus=("PAK", "CHN"))
    maps.draw_route(ax, f, list(sea_route.coords), color=style.ROLE["sea_route"], linewidth=2.2, gid="route:sea")
    maps.draw_route(ax, f, land_route, color=style.ROLE["land_route"], linestyle=(0, (5, 2)), linewidth=2.4,
                    gid="route:land")
    for lon, lat, text in [(64, 16.5, "Arabian\nSea"), (88, 14, "Bay of\nBengal"), (78, 0, "Indian Ocean"),
                           (114, 13, "South\nChina\nSea")]:
        maps.label_area(ax, f, lon, lat, text)
    for lon, lat, text in [(71.8, 29.0, "PAKISTAN"), (98, 35, "CHINA")]:
        maps.label_area(ax, f, lon, lat, text, kind="country", fontsize=style.MIN_FONT_PT)
    ids = ["shanghai", "kashgar", "gwadar", "singapore", "strait_of_malacca", "beijing"]
    offsets = {"shanghai": (5, -4, "left"), "kashgar": (5, 4, "left"), "gwadar": (-5, -7, "right"),
               "singapore": (5, -6, "left"), "strait_of_malacca": (-28, 30, "right", True), "beijing": (5, 3, "left")}
    maps.draw_places(ax, f, places, ids, offsets=offsets)
    handles = [Line2D([], [], color=style.ROLE["sea_route"], linewidth=2.2, label=sea_label),
               Line2D([], [], color=style.ROLE["land_route"], linewidth=2.4, linestyle=(0, (5, 2)), label=land_label)]
    maps.legend_below(fig, ax, handles + _place_handles(["capital", "port", "city", "strait"]), ncol=3)
    return fig
