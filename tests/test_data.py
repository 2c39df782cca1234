"""Every dataset of the book loads and validates, and its contents make geographic sense."""

from __future__ import annotations

import pytest
from shapely.geometry import Point

from pakbook import brief, data, geo


@pytest.mark.parametrize("name", sorted(data.SCHEMAS))
def test_every_dataset_loads(name):
    df = data.load(name)
    assert len(df) > 0
    assert df.attrs["source_file"]


def test_places_the_maps_need_are_present():
    places = data.places()
    needed = {"gwadar", "karachi", "islamabad", "kashgar", "strait_of_hormuz", "chabahar", "bandar_abbas",
              "muscat", "shanghai", "strait_of_malacca", "khunjerab_pass"}
    assert needed <= set(places.index)


def test_places_lie_in_their_country():
    """Catches swapped or mistyped coordinates: each place is inside (or within 10 km of) its country's outline."""
    places = data.places()
    countries = data.basemap("50m")["countries"]
    iso = {"PK": "PAK", "CN": "CHN", "IR": "IRN", "OM": "OMN", "AF": "AFG", "IN": "IND", "SA": "SAU",
           "AE": "ARE", "UZ": "UZB", "SG": "SGP"}
    checked = 0
    for pid, row in places.iterrows():
        if row["country"] is None or row["country"] != row["country"]:
            continue
        shape = countries.loc[countries["ADM0_A3"] == iso[row["country"]], "geometry"].iloc[0]
        point = Point(row["lon"], row["lat"])
        assert shape.distance(point) < 0.1, f"{pid} is not in {row['country']}"
        checked += 1
    assert checked >= 20


def test_straits_are_at_sea():
    countries = data.basemap("50m")["countries"].union_all()
    places = data.places()
    for pid in ("strait_of_hormuz", "strait_of_malacca"):
        assert not countries.contains(Point(geo.lonlat(places.loc[pid]))), pid


def test_malacca_point_lies_between_the_iho_limits():
    """The row's point is the midpoint of the IHO's north-west and south-east limits, as its note says."""
    nw = ((5 + 40 / 60 + 7 + 45 / 60) / 2, (95 + 26 / 60 + 98 + 18 / 60) / 2)
    se = ((1 + 16 / 60 + 1 + 10 / 60) / 2, (103 + 31 / 60 + 103 + 23.5 / 60) / 2)
    row = data.places().loc["strait_of_malacca"]
    assert row["lat"] == pytest.approx((nw[0] + se[0]) / 2, abs=0.06)
    assert row["lon"] == pytest.approx((nw[1] + se[1]) / 2, abs=0.06)


def test_kashmir_boundaries_are_classified():
    """The base map keeps Natural Earth's disputed and line-of-control classes (so maps can draw them distinctly)."""
    lines = data.basemap("50m")["boundaries"]
    classes = set(lines["FEATURECLA"])
    assert {"Line of control (please verify)", "Disputed (please verify)", "International boundary (verify)"} <= classes
    kashmir = lines.cx[73:80, 32:37]
    assert "Line of control (please verify)" in set(kashmir["FEATURECLA"])


def test_corridor_routes_have_located_ends():
    wp = data.cpec_waypoints()
    for route in ("china_g314_kashgar_khunjerab", "karakoram_highway", "western_alignment"):
        leg = wp[wp["route_id"] == route].sort_values("seq")
        located = leg[leg["lat"].notna()]
        assert len(located) >= 2, route
        assert leg["seq"].tolist() == list(range(1, len(leg) + 1)), f"{route}: sequence has gaps"


def test_key_facts_keep_conflicting_values_apart():
    facts = data.key_facts()
    reported = facts[facts["fact_id"] == "gwadar_xinjiang_corridor_length_reported"]
    assert len(reported) == 2 and reported["source_id"].nunique() == 2


def test_fact_lookup_refuses_ambiguity():
    facts = data.key_facts()
    with pytest.raises(KeyError, match="matches 7 rows"):
        data.fact(facts, "hormuz_oil_flow")
    assert data.fact(facts, "hormuz_oil_flow", "2024")["value"] == 20


def test_brief_claims_checked_against_facts_in_the_same_unit():
    checked = brief.check_claims(data.load("brief_claims"), data.key_facts())
    hormuz = checked.set_index("claim_id").loc["hormuz_share"]
    assert hormuz["verdict"] == "differs"
    assert set(checked["verdict"]) <= {"matches", "rounded", "differs", "not yet checked"}


@pytest.mark.parametrize("claimed,sourced,expected", [
    (1046, 1046, "matches"), (240e6, 241.5e6, "rounded"), (80, 20, "differs"), (20.2, None, "not yet checked"),
])
def test_verdict_bounds(claimed, sourced, expected):
    assert brief.verdict(claimed, sourced) == expected
