"""The map functions draw the layers a reader relies on: disputed lines distinct, places, routes, notes."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")  # noqa: E402  (tests draw off-screen)

import matplotlib.pyplot as plt
import pytest
from matplotlib.collections import LineCollection

from pakbook import atlas, data, geo, maps, style


@pytest.fixture(scope="module")
def inputs():
    return {"places": data.places(), "b50": data.basemap("50m"), "b10": data.basemap("10m")}


def _by_gid(fig, prefix):
    return {a.get_gid(): a for a in fig.findobj() if isinstance(a.get_gid(), str) and a.get_gid().startswith(prefix)}


def _texts(fig):
    return [t.get_text() for t in fig.findobj(matplotlib.text.Text) if t.get_text().strip()]


def _check_common(fig):
    assert fig.get_size_inches()[0] == pytest.approx(style.TEXT_WIDTH_IN)
    assert min(style.font_sizes(fig)) >= style.MIN_FONT_PT
    text = " ".join(" ".join(_texts(fig)).split())  # the note is wrapped over lines
    assert "Source:" in text and maps.BOUNDARY_NOTE_SHORT in text


def test_regional_map_draws_disputed_lines_distinctly(inputs):
    fig = atlas.regional_map(inputs["b50"], inputs["places"], source="test")
    try:
        _check_common(fig)
        boundaries = _by_gid(fig, "boundary:")
        loc = boundaries["boundary:Line of control (please verify)"]
        disputed = boundaries["boundary:Disputed (please verify)"]
        international = boundaries["boundary:International boundary (verify)"]
        assert all(isinstance(c, LineCollection) for c in (loc, disputed, international))
        styles = {name: str(c.get_linestyle()) for name, c in boundaries.items()}
        assert styles["boundary:Line of control (please verify)"] != styles["boundary:International boundary (verify)"]
        assert styles["boundary:Disputed (please verify)"] != styles["boundary:International boundary (verify)"]
        places = _by_gid(fig, "place:")
        for pid in ("gwadar", "karachi", "islamabad", "kashgar", "strait_of_hormuz"):
            assert f"place:{pid}" in places
        text = _texts(fig)
        assert {"Line of control", "Disputed boundary", "Arabian Sea"} <= set(text)
    finally:
        plt.close(fig)


def test_gulf_map_shows_the_distance_it_is_given(inputs):
    fig = atlas.gulf_map(inputs["b10"], inputs["places"], hormuz_km=1234.4, source="test")
    try:
        _check_common(fig)
        assert "route:gwadar_hormuz" in _by_gid(fig, "route:")
        assert "1,234 km in a straight line" in _texts(fig)
        for pid in ("gwadar", "chabahar", "bandar_abbas", "muscat", "karachi", "strait_of_hormuz"):
            assert f"place:{pid}" in _by_gid(fig, "place:")
    finally:
        plt.close(fig)


def test_two_routes_map_draws_both_routes_with_their_labels(inputs):
    places = inputs["places"]
    sea = geo.sea_route(geo.lonlat(places.loc["shanghai"]), geo.lonlat(places.loc["gwadar"]))
    land = [geo.lonlat(places.loc["kashgar"]), geo.lonlat(places.loc["gwadar"])]
    fig = atlas.two_routes_map(inputs["b50"], places, sea_route=sea, land_route=land,
                               sea_label="SEA LABEL", land_label="LAND LABEL", source="test")
    try:
        _check_common(fig)
        routes = _by_gid(fig, "route:")
        assert set(routes) == {"route:sea", "route:land"}
        assert routes["route:sea"].get_linestyle() != routes["route:land"].get_linestyle()
        assert {"SEA LABEL", "LAND LABEL"} <= set(_texts(fig))
    finally:
        plt.close(fig)


def test_frame_bounds_contain_the_window_corners():
    f = atlas.REGION
    x0, y0, x1, y1 = f.bounds()
    for lon, lat in [(f.lon0, f.lat0), (f.lon1, f.lat1), (f.lon0, f.lat1), (f.lon1, f.lat0)]:
        x, y = f.project(lon, lat)
        assert x0 - 1 <= x <= x1 + 1 and y0 - 1 <= y <= y1 + 1


def test_boundary_legend_has_one_entry_per_label():
    handles = maps.boundary_legend_handles(list(maps.BOUNDARY_STYLE))
    labels = [h.get_label() for h in handles]
    assert labels == ["International boundary", "Disputed boundary", "Line of control"]
