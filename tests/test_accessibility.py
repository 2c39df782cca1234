"""Figures a reader with any colour vision can read: palette checked, type at least 8 pt in print, nothing told by colour alone.

Colour differences are CIEDE2000 between the colours as seen with normal vision
and as simulated for protanopia, deuteranopia and tritanopia (Machado et al.
2009; pakbook/a11y.py). Print size: figures are drawn at the PDF's text width,
so a font size in the figure is the size on paper; tests/test_pdf.py checks
that the PDF places them at exactly that width.
"""

from __future__ import annotations

import itertools
import json

import matplotlib

matplotlib.use("Agg")  # noqa: E402  (tests draw off-screen)

import pytest
from matplotlib.lines import Line2D

from bookbuild import execute as notebooks
from bookbuild.checks import a11y
from pakbook import paths
from pakbook.figures import page, style
from pakbook.figures.maps import points

#: CIEDE2000 that lines, markers and chart series of one figure must keep between them.
MARKS = 10.0
#: CIEDE2000 that large areas side by side (sea, land, the country in focus) must keep.
FILLS = 5.0
#: WCAG 2 contrast (level AA, normal-size text) for labels on the colour they sit on.
TEXT_CONTRAST = 4.5
#: Colours this close to white (CIEDE2000) are paper: the page around a map, and the white boxes behind labels.
PAPER = 3.0

#: The roles of countries and the rest that may share a chart.
COUNTRY_ROLES = ("china", "united_states", "pakistan", "india", "russia", "other")
#: Colours that mark different things on one figure, and the difference each group must keep.
GROUPS = {
    "chart series (SERIES, the colour cycle)": ({f"SERIES[{i}]": lk.color for i, lk in enumerate(style.SERIES)}, MARKS),
    "countries and others (ROLE)": ({k: style.ROLE[k].color for k in COUNTRY_ROLES}, MARKS),
    "routes and highlight (ROLE)": ({k: style.ROLE[k].color for k in ("sea_route", "land_route", "highlight")}, MARKS),
    "map fills (MAP)": ({k: style.MAP[k] for k in ("sea", "land", "land_focus")}, FILLS),
}
#: Label colours and the fills they are printed on.
LABELS_ON = {"water_label": ("sea",), "region_label": ("land", "land_focus")}


@pytest.mark.parametrize("group", GROUPS)
def test_palette_colours_stay_apart_for_every_kind_of_colour_vision(group):
    colours, minimum = GROUPS[group]
    found = a11y.clashes(group, colours, minimum)
    assert not found, "\n".join(map(str, found))


def test_route_and_highlight_colours_stand_out_on_every_map_fill():
    found = []
    for mark, fill in itertools.product(("sea_route", "land_route", "highlight"), ("sea", "land", "land_focus")):
        found += a11y.clashes("marks on fills", {mark: style.ROLE[mark].color, fill: style.MAP[fill]}, MARKS)
    assert not found, "\n".join(map(str, found))


@pytest.mark.parametrize("label", LABELS_ON)
def test_map_labels_are_legible_on_the_fills_they_sit_on(label):
    for fill in LABELS_ON[label]:
        ratio = a11y.contrast_ratio(style.MAP[label], style.MAP[fill])
        assert ratio >= TEXT_CONTRAST, (
            f"MAP[{label!r}] on MAP[{fill!r}]: contrast {ratio:.2f}:1, {TEXT_CONTRAST}:1 needed"
        )


def test_default_type_sizes_are_at_least_8_pt():
    from matplotlib.font_manager import FontProperties

    sizes = {k: v for k, v in style.RC.items() if k.endswith("size") and not k.startswith("figure.")}
    assert sizes, "style.RC sets no font sizes"
    small = {k: v for k, v in sizes.items() if FontProperties(size=v).get_size_in_points() < page.MIN_FONT_PT}
    assert not small, f"style.RC sets type under {page.MIN_FONT_PT} pt: {small}"


# -- the book's maps, drawn as chapter 1 draws them (the fixture book_maps is in conftest.py) ---------------
MAP_NAMES = ["regional", "gulf", "two routes"]


@pytest.mark.parametrize("name", MAP_NAMES)
def test_map_is_drawn_at_text_width_with_no_type_under_8_pt(book_maps, name):
    fig = book_maps[name]
    assert fig.get_size_inches()[0] == pytest.approx(page.TEXT_WIDTH_IN), "not drawn at the text width"
    small = [
        (t.get_text()[:30], t.get_fontsize())
        for t in fig.findobj(matplotlib.text.Text)
        if t.get_text().strip() and t.get_visible() and t.get_fontsize() < page.MIN_FONT_PT
    ]
    assert not small, f"text under {page.MIN_FONT_PT} pt: {small}"


def _legend_entries(fig):
    legends = list(fig.legends) + [ax.get_legend() for ax in fig.axes if ax.get_legend()]
    for leg in legends:
        yield from zip([t.get_text() for t in leg.get_texts()], leg.legend_handles)


@pytest.mark.parametrize("name", MAP_NAMES)
def test_map_legend_entries_differ_in_more_than_colour(book_maps, name):
    entries = list(_legend_entries(book_maps[name]))
    assert len(entries) >= 3, "the map has no legend"
    same = [
        (a, b)
        for (a, ha), (b, hb) in itertools.combinations(entries, 2)
        if a11y.look_without_colour(ha) == a11y.look_without_colour(hb)
    ]
    assert not same, f"legend entries told apart by colour alone: {same}"


def test_route_lines_differ_in_dash_pattern(book_maps):
    routes = [a for a in book_maps["two routes"].findobj(Line2D) if str(a.get_gid()).startswith("route:")]
    assert len(routes) == 2
    looks = {a.get_gid(): a11y.look_without_colour(a) for a in routes}
    assert len(set(looks.values())) == 2, f"the routes differ only in colour: {looks}"


def test_each_kind_of_place_has_its_own_marker_shape():
    shapes = {kind: m["marker"] for kind, m in points.MARKERS.items()}
    assert len(set(shapes.values())) == len(shapes), f"two kinds of place share a marker shape: {shapes}"


# -- the figures readers see: the PNGs committed in the notebooks ------------------------------------------
def _committed_pngs():
    out = []
    for nb in notebooks.in_toc():
        doc = json.loads((paths.ROOT / nb).read_text(encoding="utf-8"))
        for k, img in enumerate(notebooks.images(doc)):
            out.append(pytest.param(img.png, id=f"{nb.as_posix()}:cell{img.cell}:{k}"))
    return out


COMMITTED = _committed_pngs()


def test_the_book_has_committed_figures():
    assert len(COMMITTED) >= 3


@pytest.mark.parametrize("png", COMMITTED)
def test_committed_figure_is_drawn_at_text_width(png):
    width, height, dpi = a11y.png_info(png)
    assert dpi, "the PNG does not record its resolution"
    assert width / dpi == pytest.approx(page.TEXT_WIDTH_IN, abs=page.TOLERANCE_IN), (
        f"{width} px at {dpi:.0f} dpi is {width / dpi:.2f} in, not the text width {page.TEXT_WIDTH_IN} in: "
        "its type would be scaled in print"
    )


@pytest.mark.parametrize("png", COMMITTED)
def test_committed_figure_areas_stay_apart_for_every_kind_of_colour_vision(png):
    """The colours that fill large areas of the figure as committed (sea, land, the country in focus, bars).

    A line chart has no large coloured area; every figure must have something drawn on its paper.
    """
    inked = [c for c in a11y.area_colours(png, min_share=0.0005) if a11y.difference(c, "#FFFFFF") >= PAPER]
    assert inked, "nothing drawn: the figure is blank paper"
    areas = [c for c in a11y.area_colours(png, min_share=0.01) if a11y.difference(c, "#FFFFFF") >= PAPER]
    found = a11y.clashes("areas of the committed figure", {c: c for c in areas}, FILLS)
    assert not found, "\n".join(map(str, found)) + "\n(re-execute the notebook after a palette change)"
