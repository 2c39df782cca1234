"""Distances and routes on the WGS 84 ellipsoid; nothing hand-rolled.

Coordinates are (longitude, latitude) in degrees throughout, as in GeoJSON and
shapely. Lengths are in kilometres.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from pyproj import Geod
from shapely.geometry import LineString, Point

GEOD = Geod(ellps="WGS84")
#: International mile (1959), in kilometres.
KM_PER_MILE = 1.609344

LonLat = tuple[float, float]


def miles_to_km(miles: float) -> float:
    return miles * KM_PER_MILE


def distance_km(a: LonLat, b: LonLat) -> float:
    """Geodesic (shortest ellipsoidal) distance between two points."""
    _, _, metres = GEOD.inv(a[0], a[1], b[0], b[1])
    return metres / 1000.0


def path_length_km(coords: Sequence[LonLat]) -> float:
    """Length of a path that follows geodesics between consecutive points."""
    if len(coords) < 2:
        raise ValueError("a path needs at least two points")
    lons, lats = zip(*coords)
    return GEOD.line_length(lons, lats) / 1000.0


def line_length_km(line: LineString) -> float:
    return path_length_km(list(line.coords))


def densify(coords: Sequence[LonLat], step_km: float = 50.0) -> list[LonLat]:
    """Insert points along each geodesic segment so the path draws as a curve in any projection."""
    out: list[LonLat] = [tuple(coords[0])]
    for (x0, y0), (x1, y1) in zip(coords[:-1], coords[1:]):
        n = int(distance_km((x0, y0), (x1, y1)) // step_km)
        if n > 0:
            out.extend(GEOD.npts(x0, y0, x1, y1, n))
        out.append((x1, y1))
    return out


def sea_route(origin: LonLat, destination: LonLat) -> LineString:
    """The route between two points on the sea-lane network of the ``searoute`` package.

    The package snaps both ends to the nearest node of its network (derived from
    the Oak Ridge National Laboratory global shipping lanes) and returns the
    shortest path. The returned line's length should be measured with
    :func:`line_length_km`, on the ellipsoid, like every other distance in the book.
    """
    import searoute

    feature = searoute.searoute(list(origin), list(destination))
    return LineString(feature.geometry["coordinates"])


def nearest_approach_km(line: LineString, point: LonLat, step_km: float = 5.0) -> float:
    """Smallest geodesic distance from ``point`` to the (densified) line: does a route pass a strait?"""
    coords = densify(list(line.coords), step_km)
    lons = np.array([c[0] for c in coords])
    lats = np.array([c[1] for c in coords])
    _, _, d = GEOD.inv(lons, lats, np.full_like(lons, point[0]), np.full_like(lats, point[1]))
    return float(d.min() / 1000.0)


def lonlat(row) -> LonLat:
    """(lon, lat) of a row with ``lon`` and ``lat`` fields (a places or waypoints row)."""
    return (float(row["lon"]), float(row["lat"]))


def chain_routes(waypoints, legs: Sequence[tuple[str, bool]], *, skip: Sequence[str] = ()):
    """Join routes of the waypoints table end to end into one path of located waypoints.

    ``legs`` is a sequence of (route_id, reverse). Waypoints without a sourced
    coordinate, or whose coordinate has ``coord_confidence`` "low", and the places
    named in ``skip`` are left out (the path runs straight past them); a waypoint
    that ends one leg and starts the next is kept once. Returns a DataFrame with
    ``route_id``, ``place``, ``lon``, ``lat`` (and ``source_id``) in path order; ``attrs["unlocated"]``
    counts the waypoints passed for want of a trustworthy coordinate and
    ``attrs["skipped"]`` those left out on request.
    """
    import pandas as pd

    parts, unlocated, skipped = [], 0, 0
    unknown = set(skip) - set(waypoints["place"])
    if unknown:
        raise KeyError(f"cannot skip places that are not waypoints: {sorted(unknown)}")
    for route_id, reverse in legs:
        leg = waypoints[waypoints["route_id"] == route_id].sort_values("seq", ascending=not reverse)
        if leg.empty:
            raise KeyError(f"no waypoints for route {route_id!r}")
        located = leg["lat"].notna()
        if "coord_confidence" in leg:
            located &= leg["coord_confidence"] != "low"
        unlocated += int((~located).sum())
        asked = leg["place"].isin(skip)
        skipped += int((asked & located).sum())
        cols = [c for c in ("route_id", "place", "lon", "lat", "source_id") if c in leg.columns]
        parts.append(leg[located & ~asked][cols])
    path = pd.concat(parts, ignore_index=True)
    same_as_previous = (path["lon"].diff() == 0) & (path["lat"].diff() == 0)
    path = path[~same_as_previous].reset_index(drop=True)
    path.attrs["unlocated"] = unlocated
    path.attrs["skipped"] = skipped
    return path


def distance_to_shape_km(point: LonLat, shape) -> float:
    """Shortest geodesic distance from a point to a (lon/lat) polygon or line.

    Both are projected to an azimuthal equidistant projection centred on the point,
    where the distance from the centre to anything is its geodesic distance; the
    nearest point of the (densified) outline is then found in the plane.
    """
    import shapely
    from pyproj import Transformer

    aeqd = f"+proj=aeqd +lat_0={point[1]} +lon_0={point[0]} +datum=WGS84 +units=m"
    tr = Transformer.from_crs("EPSG:4326", aeqd, always_xy=True)
    dense = shapely.segmentize(shape, 0.02)  # degrees: long edges would cut corners once projected
    projected = shapely.transform(dense, lambda xy: np.column_stack(tr.transform(xy[:, 0], xy[:, 1])))
    return float(projected.distance(Point(0, 0)) / 1000.0)
