"""Table-driven: malformed inputs each raise one DataError naming file, place, column and expectation.

Each case writes a small file into a throw-away data folder with its own catalogue and
asserts the exact message, so a loader that stops checking something fails here.
"""

from __future__ import annotations

import json

import pytest

from pakbook import data
from pakbook.errors import DataError

PLACES_HEAD = "place_id,name,kind,country,lat,lon,source_id,source_ref,note\n"
GOOD_PLACE = "gwadar,Gwadar,port,PK,25.12163,62.32541,GEONAMES,GeoNames 1177446,\n"
FACTS_HEAD = "fact_id,fact,value,unit,as_of,source_id,confidence,note\n"
WAYPOINTS_HEAD = "route_id,seq,place,lat,lon,coord_source,segment_note,source_id\n"
P = "raw/test/places.csv"
F = "raw/test/facts.csv"
W = "raw/test/waypoints.csv"
G = "derived/test/layer.geojson"
KIND_CHOICES = "one of capital, city, port, pass, strait, sea"


def fc(*features, **extra) -> str:
    return json.dumps({"type": "FeatureCollection", **extra, "features": list(features)})


def country(geometry, **props) -> dict:
    return {"type": "Feature", "properties": {"ADM0_A3": "PAK", "NAME": "Pakistan", **props}, "geometry": geometry}


SQUARE = {"type": "Polygon", "coordinates": [[[60, 24], [61, 24], [61, 25], [60, 25], [60, 24]]]}
BOWTIE = {"type": "Polygon", "coordinates": [[[60, 24], [61, 25], [61, 24], [60, 25], [60, 24]]]}

# (id, dataset, path, content, expected message)
CASES = [
    ("missing column", "places", P, PLACES_HEAD.replace(",note", "") + GOOD_PLACE.rstrip(",\n") + "\n",
     f"{P}, line 1, column 'note': expected the columns place_id, name, kind, country, lat, lon, source_id, source_ref, note; found the column is missing"),
    ("unexpected column", "places", P, PLACES_HEAD.rstrip("\n") + ",extra\n" + GOOD_PLACE.rstrip("\n") + ",x\n",
     f"{P}, line 1, column 'extra': expected only the columns place_id, name, kind, country, lat, lon, source_id, source_ref, note; found an unexpected column"),
    ("repeated column", "places", P, PLACES_HEAD.rstrip("\n") + ",lat\n" + GOOD_PLACE.rstrip("\n") + ",1\n",
     f"{P}, line 1, column 'lat': expected each column once; found a repeated column name"),
    ("wrong type", "places", P, PLACES_HEAD + GOOD_PLACE.replace("25.12163", "25.1N"),
     f"{P}, line 2, column 'lat': expected a number between -90 and 90; found '25.1N'"),
    ("blank required cell", "places", P, PLACES_HEAD + GOOD_PLACE.replace(",Gwadar,", ",,"),
     f"{P}, line 2, column 'name': expected text; found a blank cell"),
    ("latitude out of range", "places", P, PLACES_HEAD + GOOD_PLACE.replace("25.12163", "125.12163"),
     f"{P}, line 2, column 'lat': expected a number between -90 and 90; found '125.12163'"),
    ("longitude out of range", "places", P, PLACES_HEAD + GOOD_PLACE.replace("62.32541", "-262.3"),
     f"{P}, line 2, column 'lon': expected a number between -180 and 180; found '-262.3'"),
    ("not a finite number", "places", P, PLACES_HEAD + GOOD_PLACE.replace("25.12163", "nan"),
     f"{P}, line 2, column 'lat': expected a number between -90 and 90; found 'nan'"),
    ("duplicate key", "places", P, PLACES_HEAD + GOOD_PLACE + GOOD_PLACE,
     f"{P}, line 3, column 'place_id': expected a unique key (place_id=gwadar appears once); found a duplicate of line 2"),
    ("unknown source id", "places", P, PLACES_HEAD + GOOD_PLACE.replace("GEONAMES", "GEONAMEZ"),
     f"{P}, line 2, column 'source_id': expected a source id defined under 'sources' in data/catalog.yml; found 'GEONAMEZ'"),
    ("value not among the choices", "places", P, PLACES_HEAD + GOOD_PLACE.replace(",port,", ",harbour,"),
     f"{P}, line 2, column 'kind': expected {KIND_CHOICES}; found 'harbour'"),
    ("pattern mismatch", "places", P, PLACES_HEAD + GOOD_PLACE.replace(",PK,", ",Pakistan,"),
     f"{P}, line 2, column 'country': expected text matching /[A-Z]{{2}}/; found 'Pakistan'"),
    ("surrounding spaces", "places", P, PLACES_HEAD + GOOD_PLACE.replace(",port,", ", port,"),
     f"{P}, line 2, column 'kind': expected {KIND_CHOICES} without surrounding spaces; found ' port'"),
    ("too many fields", "places", P, PLACES_HEAD + GOOD_PLACE.rstrip("\n") + ",surplus\n",
     f"{P}, line 2: expected 9 fields; found 10 fields"),
    ("unclosed quote", "places", P, PLACES_HEAD + GOOD_PLACE + 'karachi,"Karachi,port,PK,24.86,67.01,GEONAMES,x,\n',
     f"{P}, line 3: expected well-formed CSV; found unexpected end of data"),
    ("empty file", "places", P, "",
     f"{P}: expected a header and data rows; found an empty file"),
    ("header only", "places", P, PLACES_HEAD,
     f"{P}: expected at least 1 data row(s); found 0 data rows"),
    ("non-UTF-8 bytes", "places", P, (PLACES_HEAD + GOOD_PLACE.replace("Gwadar,port", "Gw\xe4dar,port")).encode("latin-1"),
     f"{P}, line 2: expected UTF-8 text; found the byte 0xe4, which is not UTF-8"),
    ("byte-order mark", "places", P, "\ufeff" + PLACES_HEAD + GOOD_PLACE,
     f"{P}, line 1: expected UTF-8 without a byte-order mark; found a byte-order mark"),
    ("negative amount", "key_facts", F, FACTS_HEAD + "pakistan_coastline,Coastline,-1046,km,2022,CIA_WFB_PAKISTAN,high,\n",
     f"{F}, line 2, column 'value': expected a number of at least 0; found '-1046'"),
    ("confidence not among the choices", "key_facts", F, FACTS_HEAD + "pakistan_coastline,Coastline,1046,km,2022,CIA_WFB_PAKISTAN,certain,\n",
     f"{F}, line 2, column 'confidence': expected one of high, medium, low; found 'certain'"),
    ("duplicate fact for the same year and source", "key_facts", F,
     FACTS_HEAD + "hormuz_oil_flow,Flow,20,mb/d,2024,EIA_2025_HORMUZ,high,\nhormuz_oil_flow,Flow,21,mb/d,2024,EIA_2025_HORMUZ,high,\n",
     f"{F}, line 3, column 'fact_id,as_of,source_id': expected a unique key (fact_id=hormuz_oil_flow, as_of=2024, source_id=EIA_2025_HORMUZ appears once); found a duplicate of line 2"),
    ("latitude without longitude", "cpec_waypoints", W, WAYPOINTS_HEAD + "western_alignment,1,Gwadar,25.1,,GeoNames,,R01\n",
     f"{W}, line 2, column 'lon': expected a value, because 'lat' has one; found a blank"),
    ("fractional sequence number", "cpec_waypoints", W, WAYPOINTS_HEAD + "western_alignment,1.5,Gwadar,25.1,62.3,GeoNames,,R01\n",
     f"{W}, line 2, column 'seq': expected a whole number of at least 1; found '1.5'"),
    ("waypoint outside Pakistan's box", "cpec_waypoints", W, WAYPOINTS_HEAD + "western_alignment,1,Gwadar,52.1,62.3,GeoNames,,R01\n",
     f"{W}, line 2, column 'lat': expected a number between 20 and 45; found '52.1'"),
    ("one of several source ids unknown", "cpec_waypoints", W, WAYPOINTS_HEAD + "western_alignment,1,Gwadar,25.1,62.3,GeoNames,,R01;R99\n",
     f"{W}, line 2, column 'source_id': expected a source id defined under 'sources' in data/catalog.yml; found 'R99'"),
    ("invalid geometry", "ne_countries_10m", G, fc(country(BOWTIE)),
     f"{G}, feature 0, column 'geometry': expected a valid geometry; found Self-intersection[60.5 24.5]"),
    ("coordinates out of bounds", "ne_countries_10m", G,
     fc(country({"type": "Polygon", "coordinates": [[[60, 84], [61, 84], [61, 95], [60, 84]]]})),
     f"{G}, feature 0, column 'geometry': expected coordinates within lon -180..180, lat -90..90; found bounds (60.0, 84.0, 61.0, 95.0)"),
    ("wrong geometry type", "ne_countries_10m", G, fc(country({"type": "Point", "coordinates": [60, 24]})),
     f"{G}, feature 0, column 'geometry': expected a geometry of type Polygon or MultiPolygon; found Point"),
    ("empty geometry", "ne_countries_10m", G, fc(country({"type": "Polygon", "coordinates": []})),
     f"{G}, feature 0, column 'geometry': expected a non-empty geometry; found an empty geometry"),
    ("not a feature collection", "ne_countries_10m", G, json.dumps({"type": "Feature"}),
     f"{G}, column 'type': expected a GeoJSON FeatureCollection; found Feature"),
    ("malformed JSON", "ne_countries_10m", G, '{"type": "FeatureCollection", "features": [\n',
     f"{G}, line 2: expected valid JSON; found Expecting value"),
    ("unexpected property", "ne_countries_10m", G, fc(country(SQUARE, POP=1)),
     f"{G}, feature 0, column 'POP': expected only the properties ADM0_A3, NAME; found an unexpected property"),
    ("projected coordinates", "ne_countries_10m", G,
     fc(country(SQUARE), crs={"type": "name", "properties": {"name": "EPSG:3857"}}),
     f"{G}, column 'crs': expected WGS 84 longitude/latitude (CRS84); found EPSG:3857"),
    ("duplicate country", "ne_countries_10m", G, fc(country(SQUARE), country(SQUARE)),
     f"{G}, feature 1, column 'ADM0_A3': expected a unique key (ADM0_A3=PAK appears once); found a duplicate of feature 0"),
    ("no features", "ne_countries_10m", G, fc(),
     f"{G}: expected at least 1 feature(s); found 0 features"),
]


@pytest.mark.parametrize("dataset,path,content,message", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_malformed_input_raises_the_specific_error(scratch_data, dataset, path, content, message):
    catalog = scratch_data(dataset, path, content)
    with pytest.raises(DataError) as err:
        data.load(dataset, catalog=catalog)
    assert str(err.value) == message


def test_at_least_twenty_kinds_of_malformed_input_are_covered():
    assert len({c[0] for c in CASES}) >= 20


def test_checksum_mismatch_is_refused_before_reading(scratch_data):
    catalog = scratch_data("places", P, PLACES_HEAD + GOOD_PLACE, checksum="0" * 64)
    with pytest.raises(DataError) as err:
        data.load("places", catalog=catalog)
    assert str(err.value).startswith(f"{P}: expected sha256 000000000000… as recorded in the catalogue; found checksum mismatch")


def test_unknown_dataset_is_a_key_error():
    with pytest.raises(KeyError, match="unknown dataset 'nope'"):
        data.load("nope")


def test_a_good_file_loads_with_types(scratch_data):
    df = data.load("places", catalog=scratch_data("places", P, PLACES_HEAD + GOOD_PLACE))
    assert df.loc[0, "lat"] == pytest.approx(25.12163)
    assert str(df["lat"].dtype) == "float64"
    assert df.attrs["units"]["lat"] == "degree north (WGS 84)"


def test_nothing_partial_is_returned(scratch_data):
    """A bad last row fails the whole load: no frame of the good rows comes back."""
    content = PLACES_HEAD + GOOD_PLACE + GOOD_PLACE.replace("gwadar", "karachi").replace("25.12163", "x")
    with pytest.raises(DataError):
        data.load("places", catalog=scratch_data("places", P, content))
