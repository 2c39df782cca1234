"""The figures layer on synthetic frames: every chart helper keeps the figure contract.

Drawn at the text width; no type under 8 pt; no text past the edges; series that differ in more
than colour; gaps that stay gaps; the source line equal to the sources of the rows drawn; fiscal
years labelled; events placed at their precision; tables numbered and captioned.
"""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")  # noqa: E402  (tests draw off-screen)

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle

from bookbuild.checks import a11y
from pakbook import figures
from pakbook.data.catalog import Catalog
from pakbook.figures import axes, frame, marks, page, sources, style, tables

#: Registered source ids with distinct credits, so the tests can tell which were credited.
A, B, C = "GEONAMES", "NATURAL_EARTH", "IHO_1953"


@pytest.fixture(autouse=True, scope="module")
def _close():
    """Close the figures this module made, and only those (other modules' session figures stay open)."""
    before = set(plt.get_fignums())
    yield
    for num in set(plt.get_fignums()) - before:
        plt.close(num)


def _credit(sid: str) -> str:
    return sources.credit([sid])


def _text(fig) -> str:
    return " ".join(" ".join(t.get_text() for t in fig.findobj(matplotlib.text.Text)).split())


def _annual(values_by_name: dict, first: int = 2000, source: dict | None = None) -> pd.DataFrame:
    rows = []
    for name, values in values_by_name.items():
        for i, v in enumerate(values):
            rows.append({"year": first + i, "who": name, "value": v, "source_id": (source or {}).get(name, A)})
    return pd.DataFrame(rows)


def _events() -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "event_id": "a",
                "date": "2002-07",
                "date_precision": "month",
                "end_date": None,
                "label": "Month event",
                "source_id": C,
            },
            {
                "event_id": "b",
                "date": "2004-03-15",
                "date_precision": "day",
                "end_date": None,
                "label": "Day event",
                "source_id": C,
            },
            {
                "event_id": "c",
                "date": "2005",
                "date_precision": "year",
                "end_date": "2006",
                "label": "A period",
                "source_id": C,
            },
            {
                "event_id": "z",
                "date": "1990-01-01",
                "date_precision": "day",
                "end_date": None,
                "label": "Out of range",
                "source_id": B,
            },
        ]
    )


def _charts():
    df = _annual({"China": [1, 2, np.nan, 4, 5, 6, 7], "United States": [2, 2, 2, 3, 3, 3, 3], "Others": [1] * 7})
    bars = pd.DataFrame(
        [
            {"period": p, "supplier": s, "share": v, "source_id": A}
            for p in ("2010-14", "2015-19")
            for s, v in (("China", 60), ("United States", 20), ("Sweden", 8), ("Italy", 7), ("Turkey", 5))
        ]
    )
    tl = pd.DataFrame(
        [
            {"date": "2024-05-15", "date_precision": "day", "power": "China", "event_type": "visit", "source_id": A},
            {"date": "2024-05-18", "date_precision": "day", "power": "China", "event_type": "call", "source_id": A},
            {
                "date": "2024-09",
                "date_precision": "month",
                "power": "United States",
                "event_type": "meeting",
                "source_id": B,
            },
        ]
    )
    return {
        "series": figures.series(df, x="year", y="value", by="who", unit="US$ billion", events=_events()),
        "bars": figures.bars(
            bars,
            value="share",
            category="period",
            by="supplier",
            stacked=True,
            horizontal=True,
            top=3,
            unit="% of imports",
        ),
        "timeline": figures.timeline(tl, lane="power", shape_by="event_type"),
    }


CHARTS = ["series", "bars", "timeline"]


@pytest.fixture(scope="module")
def charts():
    made = _charts()
    yield made
    for fig in made.values():
        plt.close(fig)


@pytest.mark.parametrize("name", CHARTS)
def test_chart_is_drawn_at_text_width_with_no_type_under_8_pt(charts, name):
    fig = charts[name]
    assert fig.get_size_inches()[0] == pytest.approx(page.TEXT_WIDTH_IN)
    small = [
        (t.get_text(), t.get_fontsize())
        for t in fig.findobj(matplotlib.text.Text)
        if t.get_text().strip() and t.get_visible() and t.get_fontsize() < page.MIN_FONT_PT
    ]
    assert not small


@pytest.mark.parametrize("name", CHARTS)
def test_nothing_drawn_runs_past_the_edges_of_a_chart(charts, name):
    """The tight box of everything drawn (tick labels, legend, source note) lies inside the image."""
    fig = charts[name]
    fig.canvas.draw()
    box = fig.get_tightbbox(fig.canvas.get_renderer())
    w, h = fig.get_size_inches()
    tol = 0.5 / 72
    assert box.x0 >= -tol and box.y0 >= -tol and box.x1 <= w + tol and box.y1 <= h + tol, (box, (w, h))


@pytest.mark.parametrize("name", CHARTS)
def test_legend_entries_differ_in_more_than_colour(charts, name):
    [legend] = charts[name].legends
    looks = [a11y.look_without_colour(h) for h in legend.legend_handles]
    assert len(set(looks)) == len(looks), looks


def test_every_look_differs_from_every_other_in_dash_and_marker():
    """Roles and the series cycle: two looks never share a dash pattern or a marker (so never only colour)."""
    people = [lk for k, lk in style.ROLE.items() if k not in ("sea_route", "land_route", "highlight")]
    for group in (people, list(style.SERIES)):
        assert len({str(lk.linestyle) for lk in group}) == len(group)
        assert len({lk.marker for lk in group}) == len(group)
        assert len({lk.hatch for lk in group}) == len(group) or group is people


def test_an_inline_plot_gets_dashes_and_markers_not_only_colours():
    style.apply()
    fig, ax = plt.subplots()
    lines = [ax.plot([0, 1], [i, i])[0] for i in range(4)]
    assert len({a11y.look_without_colour(ln) for ln in lines}) == 4


def test_roles_are_found_by_name_and_never_shared():
    looks = style.looks(["United States", "China", "Sweden", "Italy"])
    assert looks["China"] == style.ROLE["china"] and looks["United States"] == style.ROLE["united_states"]
    assert len(set(looks.values())) == 4
    assert style.ROLE["china"].color not in {looks["Sweden"].color, looks["Italy"].color}


def test_a_gap_stays_a_gap(charts):
    """2002 of China is blank: no point there, and the line is not joined across it (matplotlib breaks at NaN)."""
    fig = charts["series"]
    line = next(a for a in fig.axes[0].lines if a.get_gid() == "series:China")
    x, y = np.asarray(line.get_xdata(), float), np.asarray(line.get_ydata(), float)
    assert np.isnan(y[list(x).index(2002)])
    assert not (y == 0).any(), "a blank became a zero"


def test_a_missing_row_is_a_gap_too():
    df = _annual({"China": [1, 2, 3]}).query("year != 2001")
    fig = figures.series(df, x="year", y="value", by="who", unit="u")
    line = fig.axes[0].lines[0]
    assert list(line.get_xdata()) == [2000, 2001, 2002] and np.isnan(line.get_ydata()[1])


def test_the_source_line_credits_exactly_the_rows_drawn():
    """A blank value's source is not credited; every drawn row's is, once; the events' too."""
    df = _annual({"China": [1, 2, 3], "India": [np.nan, np.nan, np.nan]}, source={"China": A, "India": B})
    df = df[df["who"] == "China"]
    fig = figures.series(df.assign(value=[1.0, 2.0, 3.0]), x="year", y="value", unit="u")
    text = _text(fig)
    assert f"Source: {_credit(A)}." in text and _credit(B) not in text
    blank = _annual({"China": [1, 2, 3], "India": [np.nan, 4, np.nan]}, source={"China": A, "India": B})
    blank.loc[blank["who"] == "India", "value"] = np.nan
    with pytest.raises(ValueError):
        figures.series(blank[blank["who"] == "India"], x="year", y="value", unit="u")
    ev = figures.series(_annual({"China": [1, 2, 3, 4, 5, 6, 7]}), x="year", y="value", unit="u", events=_events())
    t = _text(ev)
    assert _credit(C) in t and _credit(B) not in t, "the event out of range is not drawn, so not credited"


def test_sources_refuses_a_frame_with_no_sources_and_an_unregistered_id():
    with pytest.raises(ValueError):
        sources.ids_of(pd.DataFrame({"x": [1]}))
    with pytest.raises(KeyError):
        sources.credit(["NOT_A_SOURCE"], Catalog())


def test_events_are_numbered_keyed_and_drawn_at_their_precision(charts):
    fig = charts["series"]
    ax = fig.axes[0]
    text = _text(fig)
    assert "Marked: 1 Month event, Jul 2002; 2 Day event, 15 Mar 2004; 3 A period, 2005 to 2006." in text
    gids = {a.get_gid(): a for a in ax.get_children() if isinstance(a.get_gid(), str)}
    assert "event:z" not in gids, "an event outside the chart's years is left out"
    month = gids["event:a"]
    assert isinstance(month, Rectangle) or hasattr(month, "get_xy"), "a month is drawn as a band, not a rule"
    assert isinstance(gids["event:b"], Line2D)


def test_date_span_places_months_and_fiscal_years():
    a, b = axes.date_span("2002-07", "month", "calendar_year")
    assert 2001.5 < a < b < 2002.5 and b - a == pytest.approx(31 / 365, rel=1e-6)
    # 1 October 2010 opens US FY2011; 1 July 2010 opens Pakistan's FY2011 (FY2010-11)
    assert axes.date_span("2010-10-01", "day", "us_fiscal_year")[0] == pytest.approx(2010.5)
    assert axes.date_span("2010-07-01", "day", "pk_fiscal_year")[0] == pytest.approx(2010.5)
    assert axes.date_span("2010-07-01", "day", "us_fiscal_year")[0] == pytest.approx(2010.5 - 92 / 365)


def test_fiscal_years_are_labelled_as_such_and_never_mixed_with_calendar_years():
    df = pd.DataFrame(
        {"fiscal_year_end": [2020, 2021, 2022], "period_type": "fiscal_year", "v": [1.0, 2, 3], "source_id": A}
    )
    fig = figures.series(df, x="fiscal_year_end", y="v", unit="u")
    ax = fig.axes[0]
    assert ax.get_xlabel().startswith("Pakistani fiscal year")
    assert all(t.get_text().startswith("FY") for t in ax.get_xticklabels())
    mixed = pd.concat([df, df.assign(period_type="calendar_year")])
    with pytest.raises(ValueError, match="never drawn on one axis"):
        figures.series(mixed, x="fiscal_year_end", y="v", unit="u", by="period_type")


def test_the_us_fiscal_years_old_end_is_named_only_on_axes_that_reach_before_fy1977():
    def label(first):
        df = pd.DataFrame({"year": [first, first + 5], "v": [1.0, 2.0], "source_id": A})
        df.attrs["period"] = "us_fiscal_year"
        return figures.series(df, x="year", y="v", unit="u").axes[0].get_xlabel()

    assert label(1970) == "US fiscal year (to 30 September; to 30 June until FY1976)"
    assert label(2008) == "US fiscal year (to 30 September)"


def test_a_change_of_source_is_one_solid_rule_named_on_each_side():
    df = _annual({"China": [1, 2, 3]})
    fig = figures.series(df, x="year", y="value", unit="u")
    ax = fig.axes[0]
    figures.source_break(ax, 2020.5, "Greenbook", "FA.gov")
    rule = [ln for ln in ax.lines if ln.get_gid() == "source-break"]
    assert len(rule) == 1 and rule[0].get_linestyle() == "-" and rule[0].get_xdata()[0] == 2020.5
    texts = {t.get_gid(): t for t in ax.texts}
    assert texts["source-break:before"].get_text() == "Greenbook" and texts["source-break:before"].get_ha() == "right"
    assert texts["source-break:after"].get_text() == "FA.gov" and texts["source-break:after"].get_ha() == "left"
    assert texts["source-break:after"].get_position()[0] > 2020.5 > texts["source-break:before"].get_position()[0]


def test_a_part_year_is_a_hollow_marker_not_part_of_the_line():
    df = _annual({"China": [1, 2, 3]}).assign(months=[12, 12, 7])
    fig = figures.series(df, x="year", y="value", unit="u")
    ax = fig.axes[0]
    line = next(a for a in ax.lines if a.get_gid() == "series:None")
    assert np.isnan(line.get_ydata()[2])
    partial = next(a for a in ax.lines if a.get_gid() == "series:None:partial")
    assert partial.get_markerfacecolor() == "white" and "part of a year" in _text(fig)


def test_bars_keep_the_top_suppliers_and_sum_the_rest(charts):
    fig = charts["bars"]
    gids = {p.get_gid() for p in fig.axes[0].patches}
    assert {"bars:China", "bars:United States", "bars:Sweden", "bars:All others"} <= gids
    others = [p for p in fig.axes[0].patches if p.get_gid() == "bars:All others"]
    assert [round(p.get_width()) for p in others] == [12, 12]  # Italy 7 + Turkey 5 in each period


def test_a_month_precision_contact_is_drawn_as_its_month(charts):
    ax = charts["timeline"].axes[0]
    gids = {ln.get_gid(): ln for ln in ax.lines}
    month = gids["event:United States:2024-09:month"]
    start, end = matplotlib.dates.date2num(month.get_xdata())
    assert end - start == pytest.approx(29)
    assert gids["event:United States:2024-09"].get_markerfacecolor() == "white"


def test_a_table_is_numbered_captioned_and_credits_its_rows():
    df = pd.DataFrame({"place": ["Gwadar", "Karachi | port"], "killed": [3, None], "source_id": [A, B]})
    text = tables.markdown(df[["place", "killed"]], name="tbl-test", caption="Two rows.", source=sources.line(df))
    assert text.startswith(":::{table} Two rows.\n:name: tbl-test\n") and ":class: longtable" in text
    assert "Karachi \\| port" in text and "| –" in text
    assert f"Source: {_credit(A)}; {_credit(B)}." in text
    with pytest.raises(ValueError):
        tables.markdown(df, name="table one", caption="x")


def test_a_helper_takes_at_most_eight_keyword_arguments():
    import inspect

    for fn in (figures.series, figures.bars, figures.timeline, figures.table):
        params = inspect.signature(fn).parameters.values()
        assert sum(p.kind == p.KEYWORD_ONLY for p in params) <= 8, fn.__name__


def test_frame_leaves_room_for_the_source_note_inside_the_image():
    fig, ax = frame.new_figure(plot_height_in=2.0, source="x " * 200, legend_rows=2)
    bottom_of_plot = ax.get_position().y0 * fig.get_size_inches()[1]
    needed = len(frame.source_lines("x " * 200)) * frame.SOURCE_LINE_IN + 2 * frame.LEGEND_ROW_IN
    assert bottom_of_plot >= needed


def test_events_key_prints_dates_at_their_precision():
    ev = _events()
    assert [marks.when(e) for _, e in ev.iterrows()] == ["Jul 2002", "15 Mar 2004", "2005 to 2006", "1 Jan 1990"]


def test_long_legend_labels_wrap_into_rows_inside_the_image():
    names = {f"A rather long series label number {i} (with its basis)": [1, 2, 3] for i in range(4)}
    fig = figures.series(_annual(names), x="year", y="value", by="who", unit="u")
    fig.canvas.draw()
    box = fig.get_tightbbox(fig.canvas.get_renderer())
    w, _ = fig.get_size_inches()
    assert box.x0 >= -0.01 and box.x1 <= w + 0.01
    assert fig.legends[0]._ncols < 4
