"""Distances against values known from the WGS 84 ellipsoid, and the route helpers."""

from __future__ import annotations

import pandas as pd
import pytest
from shapely.geometry import LineString

from pakbook import geo
from pakbook.data import geography


def test_one_degree_of_latitude_at_the_equator():
    # Meridian arc from 0° to 1° N on WGS 84: 110.574 km.
    assert geo.distance_km((0, 0), (0, 1)) == pytest.approx(110.574, abs=0.001)


def test_one_degree_of_longitude_on_the_equator():
    # Equatorial radius 6378.137 km: 2π a / 360 = 111.319 km.
    assert geo.distance_km((0, 0), (1, 0)) == pytest.approx(111.319, abs=0.001)


def test_pole_to_pole_is_twice_the_quarter_meridian():
    # WGS 84 quarter meridian: 10,001.966 km.
    assert geo.distance_km((0, -90), (0, 90)) == pytest.approx(2 * 10001.966, abs=0.01)


def test_path_length_adds_segments():
    a, b, c = (62.3, 25.1), (67.0, 24.9), (73.0, 33.7)
    assert geo.path_length_km([a, b, c]) == pytest.approx(geo.distance_km(a, b) + geo.distance_km(b, c), rel=1e-9)
    with pytest.raises(ValueError):
        geo.path_length_km([a])


def test_densify_keeps_ends_and_length():
    coords = [(62.3, 25.1), (121.5, 31.2)]
    dense = geo.densify(coords, step_km=100)
    assert dense[0] == coords[0] and dense[-1] == coords[-1]
    assert len(dense) > 50
    assert geo.path_length_km(dense) == pytest.approx(geo.path_length_km(coords), rel=1e-6)


def test_sea_route_from_shanghai_to_gwadar_passes_malacca_not_sunda():
    places = geography.places()
    line = geo.sea_route(geo.lonlat(places.loc["shanghai"]), geo.lonlat(places.loc["gwadar"]))
    length = geo.line_length_km(line)
    # A sea route must be longer than the great circle and, for this pair, near 10,000 km.
    assert length > geo.distance_km(geo.lonlat(places.loc["shanghai"]), geo.lonlat(places.loc["gwadar"]))
    assert 9000 < length < 11000
    assert geo.nearest_approach_km(line, geo.lonlat(places.loc["strait_of_malacca"])) < 60
    assert geo.nearest_approach_km(line, (105.8, -6.0)) > 500  # Sunda Strait


def test_nearest_approach_follows_the_geodesic():
    meridian = LineString([(60, 20), (60, 30)])  # a meridian is a geodesic
    assert geo.nearest_approach_km(meridian, (60, 25)) < 2.5  # resolution: half the 5 km densifying step
    assert geo.nearest_approach_km(meridian, (61, 25)) == pytest.approx(geo.distance_km((60, 25), (61, 25)), rel=0.01)
    # Between two points on a parallel the geodesic bows towards the pole: it misses the
    # parallel's midpoint by several kilometres, as it should.
    assert 5 < geo.nearest_approach_km(LineString([(60, 20), (70, 20)]), (65, 20)) < 10


def test_chain_routes_skips_unlocated_and_joins_shared_ends():
    wp = pd.DataFrame(
        {
            "route_id": ["a", "a", "a", "b", "b"],
            "seq": [1, 2, 3, 1, 2],
            "place": ["P", "Q", "R", "S", "R"],
            "lat": [30.0, None, 32.0, 34.0, 32.0],
            "lon": [60.0, None, 62.0, 64.0, 62.0],
        }
    )
    path = geo.chain_routes(wp, [("a", False), ("b", True)])
    assert path["place"].tolist() == ["P", "R", "S"]
    assert path.attrs["unlocated"] == 1 and path.attrs["skipped"] == 0
    with pytest.raises(KeyError):
        geo.chain_routes(wp, [("c", False)])


def test_chain_routes_leaves_out_low_confidence_coordinates():
    wp = pd.DataFrame(
        {
            "route_id": ["a"] * 3,
            "seq": [1, 2, 3],
            "place": ["P", "Q", "R"],
            "lat": [30.0, 31.0, 32.0],
            "lon": [60.0, 61.0, 62.0],
            "coord_confidence": ["high", "low", "medium"],
        }
    )
    path = geo.chain_routes(wp, [("a", False)])
    assert path["place"].tolist() == ["P", "R"] and path.attrs["unlocated"] == 1


def test_chain_routes_leaves_out_places_on_request():
    wp = pd.DataFrame(
        {
            "route_id": ["a"] * 3,
            "seq": [1, 2, 3],
            "place": ["P", "Q", "R"],
            "lat": [30.0, 31.0, 32.0],
            "lon": [60.0, 61.0, 62.0],
        }
    )
    path = geo.chain_routes(wp, [("a", False)], skip=["Q"])
    assert path["place"].tolist() == ["P", "R"] and path.attrs["skipped"] == 1
    with pytest.raises(KeyError, match="not waypoints"):
        geo.chain_routes(wp, [("a", False)], skip=["Z"])


def test_distance_to_a_shape_is_geodesic():
    from shapely.geometry import LineString as Line
    from shapely.geometry import box

    # A meridian at 61°E: from (60°E, 0°) the nearest point is one degree of longitude away on the equator.
    assert geo.distance_to_shape_km((60, 0), Line([(61, -5), (61, 5)])) == pytest.approx(111.319, rel=2e-3)
    # Inside a polygon the distance is zero; outside it is measured to the outline.
    assert geo.distance_to_shape_km((60.5, 0.5), box(60, 0, 61, 1)) == 0
    assert geo.distance_to_shape_km((60.5, 2), box(60, 0, 61, 1)) == pytest.approx(
        geo.distance_km((60.5, 2), (60.5, 1)), rel=2e-3
    )
