"""The map functions draw the layers a reader relies on: disputed lines distinct, places, routes, notes.

The three maps are drawn once per session by the fixture ``book_maps`` (tests/conftest.py), with
the values of ``map_inputs``; that they are drawn at the text width with no type under 8 pt is
checked in tests/test_accessibility.py.
"""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")  # noqa: E402  (tests draw off-screen)

import pytest
from matplotlib.collections import LineCollection

from pakbook.figures import frame
from pakbook.figures.maps import base as maps
from pakbook.figures.maps import windows

MAP_NAMES = ["regional", "gulf", "two routes"]


def _by_gid(fig, prefix):
    return {a.get_gid(): a for a in fig.findobj() if isinstance(a.get_gid(), str) and a.get_gid().startswith(prefix)}


def _texts(fig):
    return [t.get_text() for t in fig.findobj(matplotlib.text.Text) if t.get_text().strip()]


@pytest.mark.parametrize("name", MAP_NAMES)
def test_map_credits_what_it_draws_its_projection_and_the_boundary_note(book_maps, map_inputs, name):
    """The source line names the base map's producer and the places' sources (from their rows), and the projection."""
    text = " ".join(" ".join(_texts(book_maps[name])).split())  # the note is wrapped over lines
    window = {"regional": windows.REGION, "gulf": windows.GULF, "two routes": windows.SEA_ROUTES}[name]
    assert "Source: Natural Earth" in text and "GeoNames" in text
    assert window.projection in text and maps.BOUNDARY_NOTE_SHORT in text


@pytest.mark.parametrize("name", MAP_NAMES)
def test_no_text_runs_past_the_edges_of_the_map(book_maps, name):
    """Nothing is cut off at the edges of the image: the source note is wrapped to fit (frame.SOURCE_WRAP)."""
    fig = book_maps[name]
    fig.canvas.draw()  # lays out the legends, whose texts have no place before
    renderer = fig.canvas.get_renderer()
    width, height = fig.canvas.get_width_height()
    out = []
    for t in fig.findobj(matplotlib.text.Text):
        if not (t.get_visible() and t.get_text().strip()):
            continue
        box = t.get_window_extent(renderer)
        if box.x0 < -0.5 or box.x1 > width + 0.5 or box.y0 < -0.5 or box.y1 > height + 0.5:
            out.append(
                f"{t.get_text()[:50]!r}: x {box.x0:.0f}..{box.x1:.0f} of {width}, y {box.y0:.0f}..{box.y1:.0f} "
                f"of {height} px"
            )
    assert not out, f"text cut off at the edges of the {name} map:\n" + "\n".join(out)


#: The source note that ran 0.25 in past the right edge of chapter 1's Gulf map when the note was
#: wrapped at 112 characters ("... on the WG" was all a reader saw).
CLIPPED_ONCE = (
    "Natural Earth (coasts and boundaries); GeoNames and Wikipedia (places). "
    "Distance: geodesic on the WGS 84 ellipsoid. UTM zone 41N projection."
)


def test_a_long_source_note_is_wrapped_to_the_figure():
    import matplotlib.pyplot as plt

    fig = frame.new_figure(plot_height_in=2, source=CLIPPED_ONCE, note=maps.BOUNDARY_NOTE_SHORT)[0]
    try:
        [text] = fig.texts
        right = text.get_window_extent(fig.canvas.get_renderer()).x1
        assert right <= fig.canvas.get_width_height()[0], f"the note ends {right:.0f} px from the left edge"
    finally:
        plt.close(fig)


def test_regional_map_draws_disputed_lines_distinctly(book_maps):
    fig = book_maps["regional"]
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


def test_gulf_map_shows_the_distance_it_is_given(book_maps, map_inputs):
    fig = book_maps["gulf"]
    assert "route:gwadar_hormuz" in _by_gid(fig, "route:")
    assert f"{map_inputs['hormuz_km']:,.0f} km in a straight line" in _texts(fig)
    for pid in ("gwadar", "chabahar", "bandar_abbas", "muscat", "karachi", "strait_of_hormuz"):
        assert f"place:{pid}" in _by_gid(fig, "place:")


def test_two_routes_map_draws_both_routes_with_their_labels(book_maps, map_inputs):
    fig = book_maps["two routes"]
    routes = _by_gid(fig, "route:")
    assert set(routes) == {"route:sea", "route:land"}
    assert routes["route:sea"].get_linestyle() != routes["route:land"].get_linestyle()
    assert {map_inputs["sea_label"], map_inputs["land_label"]} <= set(_texts(fig))


def test_frame_bounds_contain_the_window_corners():
    f = windows.REGION
    x0, y0, x1, y1 = f.bounds()
    for lon, lat in [(f.lon0, f.lat0), (f.lon1, f.lat1), (f.lon0, f.lat1), (f.lon1, f.lat0)]:
        x, y = f.project(lon, lat)
        assert x0 - 1 <= x <= x1 + 1 and y0 - 1 <= y <= y1 + 1


def test_boundary_legend_has_one_entry_per_label():
    handles = maps.boundary_legend_handles(list(maps.BOUNDARY_STYLE))
    labels = [h.get_label() for h in handles]
    assert labels == ["International boundary", "Disputed boundary", "Line of control"]


def test_sites_map_draws_each_class_of_site_in_its_own_look(map_inputs):
    import pandas as pd

    from pakbook.figures.maps import book

    sites = pd.DataFrame(
        {
            "number": [1, 2, 3],
            "lat": [29.1, 35.9, None],
            "lon": [62.1, 71.8, None],
            "coord_precision": ["site", "proxy", "none"],
            "claim_class": ["established", "claimed", "claimed"],
            "source_id": ["M01", "M12", "M18"],
        }
    )
    classes = {"established": "Established deposit or mine", "claimed": "Claimed or prospective"}
    fig = book.sites_map(
        map_inputs["b50"], sites, window=windows.PAKISTAN, number="number", what="Site", classes=classes
    )
    marks = {a.get_gid(): a for a in fig.axes[0].lines if (a.get_gid() or "").startswith("site:")}
    assert set(marks) == {"site:1", "site:2"}  # the site without a point is not drawn
    assert marks["site:1"].get_markeredgecolor() != marks["site:2"].get_markeredgecolor()
    assert marks["site:2"].get_markerfacecolor() == "white"  # a proxy point is hollow
    labels = [t.get_text() for t in fig.legends[0].get_texts()] if fig.legends else []
    labels += [t.get_text() for ax in fig.axes for lg in [ax.get_legend()] if lg for t in lg.get_texts()]
    assert any("Claimed or prospective" in s for s in labels) and any("1 without a sourced point" in s for s in labels)
    with pytest.raises(ValueError, match="no legend label"):
        book.sites_map(
            map_inputs["b50"],
            sites,
            window=windows.PAKISTAN,
            number="number",
            what="Site",
            classes={"established": "x"},
        )
    matplotlib.pyplot.close(fig)


def test_sites_map_moves_a_place_label_by_its_offset(map_inputs):
    """A place label given an offset (e.g. Peshawar's, set left of its point so as not to cover Islamabad)
    is drawn there; others keep the default, to the right."""
    import pandas as pd

    from pakbook.figures.maps import book

    sites = pd.DataFrame(
        {
            "number": [1],
            "lat": [29.1],
            "lon": [62.1],
            "coord_precision": ["site"],
            "claim_class": ["established"],
            "source_id": ["M01"],
        }
    )
    places = map_inputs["places"]
    ids = ["islamabad", "peshawar"]
    fig = book.sites_map(
        map_inputs["b50"],
        sites,
        window=windows.PAKISTAN,
        number="number",
        what="Site",
        places=places,
        place_ids=ids,
        place_offsets={"peshawar": (-4, -3, "right")},
    )
    labels = {t.get_text(): t for t in fig.axes[0].texts if t.get_text() in set(places.loc[ids, "name"])}
    pesh, isb = labels[places.loc["peshawar", "name"]], labels[places.loc["islamabad", "name"]]
    assert pesh.get_ha() == "right" and tuple(pesh.xyann) == (-4, -3)
    assert isb.get_ha() == "left" and tuple(isb.xyann) == (4, 3)
    matplotlib.pyplot.close(fig)


def test_sites_map_keeps_a_town_marker_visible_beside_a_landmark_on_it(map_inputs):
    """A hollow (town) marker whose point falls on a filled (landmark) marker is drawn above it and set
    beside it with a leader line, so the town's numbers are not read as the landmark's."""
    import pandas as pd

    from pakbook.figures.maps import book

    sites = pd.DataFrame(
        {
            "number": ["4, 8", "11", "1"],
            "lat": [25.1216, 25.1105, 30.2],
            "lon": [62.3254, 62.3396, 67.0],
            "coord_precision": ["town", "landmark", "town"],
            "source_id": ["GEONAMES", "WIKI_GWADAR_IPFS", "GEONAMES"],
        }
    )
    fig = book.sites_map(map_inputs["b50"], sites, window=windows.PAKISTAN, number="number", what="Attack")
    ax = fig.axes[0]
    marks = {a.get_gid(): a for a in ax.lines if (a.get_gid() or "").startswith("site:")}
    town, port, alone = marks["site:4, 8"], marks["site:11"], marks["site:1"]
    assert town.get_markerfacecolor() == "white" and port.get_markerfacecolor() != "white"
    assert town.get_zorder() > port.get_zorder()  # hollow above filled
    # on the page, the two markers no longer overlap (each is 6 pt across)
    to_pt = ax.transData.transform
    tx = to_pt((town.get_xdata()[0], town.get_ydata()[0]))[0]
    px = to_pt((port.get_xdata()[0], port.get_ydata()[0]))[0]
    assert abs(tx - px) / (fig.dpi / 72) >= 6
    # a leader line runs from the town's true point to its moved marker
    leaders = [
        a for a in ax.lines if not a.get_gid() and len(a.get_xdata()) == 2 and a.get_xdata()[1] == town.get_xdata()[0]
    ]
    assert leaders
    # a town marker with nothing under it stays on its point
    x_true, _ = windows.PAKISTAN.transformer().transform(67.0, 30.2)
    assert alone.get_xdata()[0] == pytest.approx(x_true)
    matplotlib.pyplot.close(fig)
