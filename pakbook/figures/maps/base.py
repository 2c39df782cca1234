"""Map primitives: the map window, base layers, disputed lines drawn distinctly, routes, graticule, scale bar, boundary note.

Every function takes data frames and an Axes (or returns a Figure); none reads a
file. Maps are drawn in a projected CRS chosen per map (``crs``, a PROJ string or
EPSG code); inputs are in WGS 84 longitude/latitude.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import geopandas as gpd
import numpy as np
from matplotlib.collections import LineCollection, PathCollection
from matplotlib.lines import Line2D
from matplotlib.path import Path as MplPath
from pyproj import Transformer
from shapely.geometry import LineString

from ... import geo
from ...data.geography import BOUNDARY_CLASSES
from .. import frame, style
from ..page import BASE_FONT_PT, MIN_FONT_PT, TEXT_WIDTH_IN

#: The point of view of every map, printed inside each map image (intro.md and the site footer say it at length).
BOUNDARY_NOTE_SHORT = (
    "Boundaries: Natural Earth, de facto control; disputed lines dashed, lines of control dotted; "
    "no endorsement implied."
)

#: How each kind of boundary is drawn: (linestyle, linewidth, colour).
_LINE = {
    "International boundary": ("-", 0.6, style.MAP["boundary"]),
    "Disputed boundary": ((0, (3, 2)), 1.0, style.MAP["disputed"]),
    "Line of control": ((0, (1, 1.5)), 1.4, style.MAP["disputed"]),
}
#: Which kind each of Natural Earth's boundary classes is (the classes are the schema's, pakbook.data.geography).
_KIND = {
    "International boundary (verify)": "International boundary",
    "Line of control (please verify)": "Line of control",
}
#: How each Natural Earth boundary class is drawn: (legend label, linestyle, linewidth, colour).
BOUNDARY_STYLE = {cls: (k := _KIND.get(cls, "Disputed boundary"), *_LINE[k]) for cls in BOUNDARY_CLASSES}


@dataclass(frozen=True)
class MapWindow:
    """What a map shows: the projected CRS, its name for the source line, and the lon/lat window."""

    crs: str
    lon0: float
    lat0: float
    lon1: float
    lat1: float
    #: How the source line names the projection ("UTM zone 41N projection").
    projection: str = ""

    def transformer(self) -> Transformer:
        return Transformer.from_crs("EPSG:4326", self.crs, always_xy=True)

    def project(self, lon, lat):
        return self.transformer().transform(lon, lat)

    def bounds(self) -> tuple[float, float, float, float]:
        """Projected bounds of the lon/lat window (its edges densified)."""
        lons = np.concatenate(
            [
                np.linspace(self.lon0, self.lon1, 50),
                np.full(50, self.lon1),
                np.linspace(self.lon1, self.lon0, 50),
                np.full(50, self.lon0),
            ]
        )
        lats = np.concatenate(
            [
                np.full(50, self.lat0),
                np.linspace(self.lat0, self.lat1, 50),
                np.full(50, self.lat1),
                np.linspace(self.lat1, self.lat0, 50),
            ]
        )
        x, y = self.project(lons, lats)
        return float(np.min(x)), float(np.min(y)), float(np.max(x)), float(np.max(y))

    def aspect(self) -> float:
        x0, y0, x1, y1 = self.bounds()
        return (y1 - y0) / (x1 - x0)


def new_map(window: MapWindow, *, legend_rows: int = 2, source: str, note: str = BOUNDARY_NOTE_SHORT):
    """A figure at text width with one map axes of the window's aspect, room for the legend, and the source
    line (with the projection's name) and boundary note drawn at the bottom."""
    m = frame.MAP_MARGINS
    map_w = TEXT_WIDTH_IN - m.left - m.right
    if window.projection and window.projection not in source:
        source = f"{source} {window.projection}."
    fig, ax = frame.new_figure(
        plot_height_in=map_w * window.aspect(), source=source, note=note, legend_rows=legend_rows, margins=m
    )
    x0, y0, x1, y1 = window.bounds()
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    ax.set_aspect("equal")
    ax.set_xticks([])
    ax.set_yticks([])
    for side in ("top", "right", "bottom", "left"):
        ax.spines[side].set_visible(True)
        ax.spines[side].set_linewidth(0.6)
    ax.set_facecolor(style.MAP["sea"])
    return fig, ax


#: The legend band under a map: the one every figure has (frame.legend_below).
legend_below = frame.legend_below


def _polygon_path(geom) -> MplPath:
    """A matplotlib path for a (multi)polygon, holes included."""
    verts, codes = [], []
    for poly in getattr(geom, "geoms", [geom]):
        for ring in (poly.exterior, *poly.interiors):
            xy = np.asarray(ring.coords)
            verts.append(xy)
            codes.append(np.full(len(xy), MplPath.LINETO, dtype=MplPath.code_type))
            codes[-1][0] = MplPath.MOVETO
            codes[-1][-1] = MplPath.CLOSEPOLY
    return MplPath(np.concatenate(verts), np.concatenate(codes))


def draw_polygons(ax, geoms, *, facecolor, edgecolor="none", linewidth=0.0, zorder=1, gid=None):
    """Fill polygons in one collection (geopandas' plot redraws the figure on every call)."""
    paths = [_polygon_path(g) for g in geoms if g is not None and not g.is_empty]
    coll = PathCollection(
        paths, facecolors=facecolor, edgecolors=edgecolor, linewidths=linewidth, zorder=zorder, gid=gid
    )
    ax.add_collection(coll)
    return coll


def draw_base(ax, window: MapWindow, layers: dict, *, focus: Sequence[str] = ("PAK",)) -> None:
    """Countries (``focus`` countries tinted), lakes, and land boundaries styled by Natural Earth class."""
    countries = layers["countries"].to_crs(window.crs)
    in_focus = countries["ADM0_A3"].isin(focus)
    draw_polygons(
        ax,
        countries.geometry[~in_focus],
        facecolor=style.MAP["land"],
        edgecolor=style.MAP["land_edge"],
        linewidth=0.3,
        gid="countries",
    )
    draw_polygons(
        ax,
        countries.geometry[in_focus],
        facecolor=style.MAP["land_focus"],
        edgecolor=style.MAP["land_edge"],
        linewidth=0.3,
        gid="countries:focus",
    )
    if "lakes" in layers:
        draw_polygons(
            ax, layers["lakes"].to_crs(window.crs).geometry, facecolor=style.MAP["sea"], zorder=2, gid="lakes"
        )
    if "boundaries" in layers:
        draw_boundaries(ax, window, layers["boundaries"])
    x0, y0, x1, y1 = window.bounds()
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)


def draw_boundaries(ax, window: MapWindow, boundaries: gpd.GeoDataFrame) -> None:
    """Draw land boundaries, one collection per Natural Earth class, styled by BOUNDARY_STYLE."""
    lines = boundaries.to_crs(window.crs)
    for cls, (_, ls, lw, colour) in BOUNDARY_STYLE.items():
        part = lines[lines["FEATURECLA"] == cls]
        if part.empty:
            continue
        segments = [np.asarray(g.coords) for geom in part.geometry for g in getattr(geom, "geoms", [geom])]
        ax.add_collection(
            LineCollection(segments, colors=colour, linewidths=lw, linestyles=[ls], zorder=3, gid=f"boundary:{cls}")
        )


def boundary_legend_handles(classes: Sequence[str]) -> list[Line2D]:
    """Legend entries for the boundary classes present on a map (one per label)."""
    seen, handles = set(), []
    for cls in classes:
        label, ls, lw, colour = BOUNDARY_STYLE[cls]
        if label not in seen:
            seen.add(label)
            handles.append(Line2D([], [], color=colour, linestyle=ls, linewidth=lw, label=label))
    return handles


def draw_graticule(ax, window: MapWindow, step: float) -> None:
    """Meridians and parallels every ``step`` degrees, labelled where they leave the map's bottom and left edges."""
    tr = window.transformer()
    x0, y0, x1, y1 = window.bounds()
    edge_bottom = LineString([(x0, y0), (x1, y0)])
    edge_left = LineString([(x0, y0), (x0, y1)])
    lon_start = np.floor((window.lon0 - 20) / step) * step
    lat_start = np.floor((window.lat0 - 20) / step) * step
    kw = dict(color=style.MAP["graticule"], linewidth=0.4, zorder=0.5, linestyle="-", marker="none")
    for lon in np.arange(lon_start, window.lon1 + 20 + step, step):
        lats = np.linspace(max(window.lat0 - 20, -89), min(window.lat1 + 20, 89), 200)
        x, y = tr.transform(np.full_like(lats, lon), lats)
        ax.plot(x, y, **kw)
        hit = LineString(zip(x, y)).intersection(edge_bottom)
        if not hit.is_empty and hit.geom_type == "Point":
            ax.annotate(
                _deg(lon, "E", "W"),
                (hit.x, y0),
                xytext=(0, -2),
                textcoords="offset points",
                ha="center",
                va="top",
                fontsize=MIN_FONT_PT,
                color="#555555",
                annotation_clip=False,
            )
    for lat in np.arange(lat_start, window.lat1 + 20 + step, step):
        lons = np.linspace(window.lon0 - 30, window.lon1 + 30, 300)
        x, y = tr.transform(lons, np.full_like(lons, lat))
        ax.plot(x, y, **kw)
        hit = LineString(zip(x, y)).intersection(edge_left)
        if not hit.is_empty and hit.geom_type == "Point":
            ax.annotate(
                _deg(lat, "N", "S"),
                (x0, hit.y),
                xytext=(-2, 0),
                textcoords="offset points",
                ha="right",
                va="center",
                fontsize=MIN_FONT_PT,
                color="#555555",
                annotation_clip=False,
            )
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)


def _deg(v: float, pos: str, neg: str) -> str:
    v = float(v)
    if v == 0:
        return "0°"
    return f"{abs(v):g}°{pos if v > 0 else neg}"


def label_area(
    ax, window: MapWindow, lon: float, lat: float, text: str, *, kind: str = "water", fontsize=None, **kw
) -> None:
    """An italic label for a sea, a region or a country (a cartographic label, not a located fact)."""
    x, y = window.project(lon, lat)
    colour = style.MAP["water_label"] if kind == "water" else style.MAP["region_label"]
    ax.text(
        x,
        y,
        text,
        ha="center",
        va="center",
        fontsize=fontsize or BASE_FONT_PT,
        style="italic",
        color=colour,
        zorder=4,
        **kw,
    )


def draw_route(
    ax,
    window: MapWindow,
    coords: Sequence[tuple[float, float]],
    *,
    color: str,
    linestyle="-",
    linewidth: float = 2.0,
    gid: str | None = None,
):
    """A route given as lon/lat points, densified along geodesics and projected."""
    pts = geo.densify(list(coords), step_km=25)
    x, y = window.transformer().transform([p[0] for p in pts], [p[1] for p in pts])
    (line,) = ax.plot(
        x,
        y,
        color=color,
        linestyle=linestyle,
        linewidth=linewidth,
        zorder=5,
        marker="none",
        solid_capstyle="round",
        gid=gid,
    )
    return line


def scale_bar(ax, window: MapWindow, length_km: float, *, lon: float, lat: float) -> None:
    """A scale bar of ``length_km`` starting at (lon, lat), measured on the ellipsoid along the parallel."""
    x0, y0 = window.project(lon, lat)
    lon_end, lat_end, _ = geo.GEOD.fwd(lon, lat, 90, length_km * 1000)
    x1, _ = window.project(lon_end, lat_end)
    ax.plot(
        [x0, x1], [y0, y0], color="#222222", linewidth=2, linestyle="-", marker="none", solid_capstyle="butt", zorder=8
    )
    ax.text((x0 + x1) / 2, y0, f"{length_km:,.0f} km", ha="center", va="bottom", fontsize=MIN_FONT_PT, zorder=8)
