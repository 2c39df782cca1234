"""Table-driven: malformed inputs each raise one DataError naming file, place, column and expectation.

Each case writes a small file into a throw-away data folder with its own catalogue and
asserts the exact message, so a loader that stops checking something fails here.
"""

from __future__ import annotations

import json

import pytest

from pakbook import data
from pakbook.data import arms as arms_data
from pakbook.data import validate
from pakbook.data.aid import FAGOV, GREENBOOK
from pakbook.data.arms import SIPRI_2022
from pakbook.data.trade import DOTS_2020
from pakbook.errors import DataError

PLACES_HEAD = "place_id,name,kind,country,lat,lon,source_id,source_ref,note\n"
GOOD_PLACE = "gwadar,Gwadar,port,PK,25.12163,62.32541,GEONAMES,GeoNames 1177446,\n"
FACTS_HEAD = "fact_id,fact,value,qualifier,unit,as_of,source_id,confidence,note\n"
WAYPOINTS_HEAD = "route_id,seq,place,lat,lon,coord_confidence,coord_source,segment_note,source_id\n"
GOOD_WAYPOINT = "western_alignment,1,Gwadar,25.1,62.3,high,GeoNames [GEONAMES],,R01\n"
P = "raw/test/places.csv"
F = "raw/test/facts.csv"
W = "raw/test/waypoints.csv"
G = "derived/test/layer.geojson"
KIND_CHOICES = "one of capital, city, port, pass, strait, sea"

# issue 3 datasets: one good row each, which the cases below break one way at a time
FAGOV_HEAD = "fiscal_year,transaction_type,current_usd,constant_usd,constant_base_fy,complete_year,source_id,note\n"
GOOD_FAGOV = f"2010,Obligations,2681066585,3649395594,2023,yes,{FAGOV},\n"
GB_HEAD = (
    "fiscal_year,assistance_category,publication_row,funding_agency,funding_account_name,"
    "obligations_current_usd,obligations_constant2020_usd,source_id\n"
)
GOOD_GB = (
    f"2010,Military,Foreign Military Financing,Department of Defense,FMF Program,298000000,352000000,{GREENBOOK}\n"
)
CRS_HEAD = "source_id,period,period_type,line_item,category,value_usd_m,value_flag\n"
GOOD_CRS = "CRS_PAKAID_2019-03,FY2014,annual,CSF Reimbursements,csf,1198,\n"
DOTS_HEAD = "year,reporter,partner,flow,valuation,value_usd_m,source_id\n"
GOOD_DOTS = f"2020,China,Pakistan,exports,FOB,15380.701,{DOTS_2020}\n"
CGIT_HEAD = (
    "year,investment_usd_m,construction_usd_m,total_usd_m,n_investment_deals,n_construction_contracts,"
    "months_covered,source_id,note\n"
)
GOOD_CGIT = "2015,4230,16910,21140,6,7,12,AEI_CGIT_2024-FALL_VIA_FAIZKRISNADI,\n"
TARIFF_HEAD = "step,announced,effective,rate_pct,instrument,event,source_id,confidence,note\n"
GOOD_T1 = "1,2025-04-02,2025-04-05,10,Executive Order 14257,Baseline duty,EO_14257_2025-04-02,high,\n"
TR_HEAD = (
    "period,period_type,period_start,period_end,reporter,partner,flow,scope,value_usd_m,qualifier,status,basis,"
    "source_id,confidence,note\n"
)
GOOD_TR = "2021,calendar_year,2021-01-01,2021-12-31,China,Pakistan,exports,goods,24230,exact,reported,GACC,GACC_2021_VIA_BRECORDER,high,\n"
ATT_HEAD = (
    "incident_id,date,date_precision,place,district,province,lat,lon,coord_precision,coord_basis,coord_source_id,"
    "target,claimed_by,source_id,confidence,note\n"
)
GOOD_ATT = (
    "2024_karachi_airport,2024-10-06,day,Karachi,Karachi,Sindh,24.9065,67.160797,landmark,airport reference point,"
    "OURAIRPORTS_VIA_OPENFLIGHTS,convoy,BLA,DAWN_2024-10-07,high,\n"
)
CAS_HEAD = "incident_id,measure,value_low,value_high,source_id,note\n"
SH_HEAD = "period,metric,supplier,value_pct,sipri_release,source_id,confidence,note\n"
TIV_HEAD = "year,supplier,tiv_m,tiv_flag,source_id\n"
GOOD_TIV = f"1952,United States,0,{arms_data.TIV_UNDER_HALF},{SIPRI_2022}\n"
CPT_HEAD = "period,period_type,year,fiscal_year_end,direction,reporter,measure,value_usd_m,qualifier,status,basis,source_id,note\n"
GOOD_CPT = "FY2023-24,fiscal_year,,2024,pakistan_to_china,Pakistan,exports,2707,exact,reported,PBS (Pakistan),PBS_VIA_JAVEDCH_2018-06,\n"
A, B, C = "raw/test/fagov.csv", "raw/test/greenbook.csv", "raw/test/crs.csv"
D, I, T = "raw/test/dots.csv", "raw/test/cgit.csv", "raw/test/tariffs.csv"
R, K, Q, S = "raw/test/trade.csv", "raw/test/attacks.csv", "raw/test/casualties.csv", "raw/test/shares.csv"
V, Y = "raw/test/tiv.csv", "derived/test/china_trade.csv"


def fc(*features, **extra) -> str:
    return json.dumps({"type": "FeatureCollection", **extra, "features": list(features)})


def country(geometry, **props) -> dict:
    return {"type": "Feature", "properties": {"ADM0_A3": "PAK", "NAME": "Pakistan", **props}, "geometry": geometry}


SQUARE = {"type": "Polygon", "coordinates": [[[60, 24], [61, 24], [61, 25], [60, 25], [60, 24]]]}
BOWTIE = {"type": "Polygon", "coordinates": [[[60, 24], [61, 25], [61, 24], [60, 25], [60, 24]]]}

# (id, dataset, path, content, expected message)
CASES = [
    (
        "missing column",
        "places",
        P,
        PLACES_HEAD.replace(",note", "") + GOOD_PLACE.rstrip(",\n") + "\n",
        f"{P}, line 1, column 'note': expected the columns place_id, name, kind, country, lat, lon, source_id, source_ref, note; found the column is missing",
    ),
    (
        "unexpected column",
        "places",
        P,
        PLACES_HEAD.rstrip("\n") + ",extra\n" + GOOD_PLACE.rstrip("\n") + ",x\n",
        f"{P}, line 1, column 'extra': expected only the columns place_id, name, kind, country, lat, lon, source_id, source_ref, note; found an unexpected column",
    ),
    (
        "repeated column",
        "places",
        P,
        PLACES_HEAD.rstrip("\n") + ",lat\n" + GOOD_PLACE.rstrip("\n") + ",1\n",
        f"{P}, line 1, column 'lat': expected each column once; found a repeated column name",
    ),
    (
        "wrong type",
        "places",
        P,
        PLACES_HEAD + GOOD_PLACE.replace("25.12163", "25.1N"),
        f"{P}, line 2, column 'lat': expected a number between -90 and 90; found '25.1N'",
    ),
    (
        "blank required cell",
        "places",
        P,
        PLACES_HEAD + GOOD_PLACE.replace(",Gwadar,", ",,"),
        f"{P}, line 2, column 'name': expected text; found a blank cell",
    ),
    (
        "latitude out of range",
        "places",
        P,
        PLACES_HEAD + GOOD_PLACE.replace("25.12163", "125.12163"),
        f"{P}, line 2, column 'lat': expected a number between -90 and 90; found '125.12163'",
    ),
    (
        "longitude out of range",
        "places",
        P,
        PLACES_HEAD + GOOD_PLACE.replace("62.32541", "-262.3"),
        f"{P}, line 2, column 'lon': expected a number between -180 and 180; found '-262.3'",
    ),
    (
        "not a finite number",
        "places",
        P,
        PLACES_HEAD + GOOD_PLACE.replace("25.12163", "nan"),
        f"{P}, line 2, column 'lat': expected a number between -90 and 90; found 'nan'",
    ),
    (
        "duplicate key",
        "places",
        P,
        PLACES_HEAD + GOOD_PLACE + GOOD_PLACE,
        f"{P}, line 3, column 'place_id': expected a unique key (place_id=gwadar appears once); found a duplicate of line 2",
    ),
    (
        "unknown source id",
        "places",
        P,
        PLACES_HEAD + GOOD_PLACE.replace("GEONAMES", "GEONAMEZ"),
        f"{P}, line 2, column 'source_id': expected a source id defined under 'sources' in data/catalog.yml; found 'GEONAMEZ'",
    ),
    (
        "value not among the choices",
        "places",
        P,
        PLACES_HEAD + GOOD_PLACE.replace(",port,", ",harbour,"),
        f"{P}, line 2, column 'kind': expected {KIND_CHOICES}; found 'harbour'",
    ),
    (
        "pattern mismatch",
        "places",
        P,
        PLACES_HEAD + GOOD_PLACE.replace(",PK,", ",Pakistan,"),
        f"{P}, line 2, column 'country': expected text matching /[A-Z]{{2}}/; found 'Pakistan'",
    ),
    (
        "surrounding spaces",
        "places",
        P,
        PLACES_HEAD + GOOD_PLACE.replace(",port,", ", port,"),
        f"{P}, line 2, column 'kind': expected {KIND_CHOICES} without surrounding spaces; found ' port'",
    ),
    (
        "too many fields",
        "places",
        P,
        PLACES_HEAD + GOOD_PLACE.rstrip("\n") + ",surplus\n",
        f"{P}, line 2: expected 9 fields; found 10 fields",
    ),
    (
        "unclosed quote",
        "places",
        P,
        PLACES_HEAD + GOOD_PLACE + 'karachi,"Karachi,port,PK,24.86,67.01,GEONAMES,x,\n',
        f"{P}, line 3: expected well-formed CSV; found unexpected end of data",
    ),
    ("empty file", "places", P, "", f"{P}: expected a header and data rows; found an empty file"),
    ("header only", "places", P, PLACES_HEAD, f"{P}: expected at least 1 data row(s); found 0 data rows"),
    (
        "non-UTF-8 bytes",
        "places",
        P,
        (PLACES_HEAD + GOOD_PLACE.replace("Gwadar,port", "Gw\xe4dar,port")).encode("latin-1"),
        f"{P}, line 2: expected UTF-8 text; found the byte 0xe4, which is not UTF-8",
    ),
    (
        "byte-order mark",
        "places",
        P,
        "\ufeff" + PLACES_HEAD + GOOD_PLACE,
        f"{P}, line 1: expected UTF-8 without a byte-order mark; found a byte-order mark",
    ),
    (
        "negative amount",
        "key_facts",
        F,
        FACTS_HEAD + "pakistan_coastline,Coastline,-1046,exact,km,2022,CIA_WFB_PAKISTAN,high,\n",
        f"{F}, line 2, column 'value': expected a number of at least 0; found '-1046'",
    ),
    (
        "digit separator in a number",
        "key_facts",
        F,
        FACTS_HEAD + "pakistan_coastline,Coastline,1_046,exact,km,2022,CIA_WFB_PAKISTAN,high,\n",
        f"{F}, line 2, column 'value': expected a number of at least 0; found '1_046'",
    ),
    (
        "qualifier not among the choices",
        "key_facts",
        F,
        FACTS_HEAD + "pakistan_coastline,Coastline,1046,more than,km,2022,CIA_WFB_PAKISTAN,high,\n",
        f"{F}, line 2, column 'qualifier': expected one of exact, rounded, approximate, lower_bound; found 'more than'",
    ),
    (
        "confidence not among the choices",
        "key_facts",
        F,
        FACTS_HEAD + "pakistan_coastline,Coastline,1046,exact,km,2022,CIA_WFB_PAKISTAN,certain,\n",
        f"{F}, line 2, column 'confidence': expected one of high, medium, low; found 'certain'",
    ),
    (
        "duplicate fact for the same year and source",
        "key_facts",
        F,
        FACTS_HEAD
        + "hormuz_oil_flow,Flow,20,exact,mb/d,2024,EIA_2025_HORMUZ,high,\nhormuz_oil_flow,Flow,21,exact,mb/d,2024,EIA_2025_HORMUZ,high,\n",
        f"{F}, line 3, column 'fact_id,as_of,source_id': expected a unique key (fact_id=hormuz_oil_flow, as_of=2024, source_id=EIA_2025_HORMUZ appears once); found a duplicate of line 2",
    ),
    (
        "latitude without longitude",
        "cpec_waypoints",
        W,
        WAYPOINTS_HEAD + GOOD_WAYPOINT.replace(",62.3,", ",,"),
        f"{W}, line 2, column 'lon': expected a value, because 'lat' has one; found a blank",
    ),
    (
        "fractional sequence number",
        "cpec_waypoints",
        W,
        WAYPOINTS_HEAD + GOOD_WAYPOINT.replace(",1,", ",1.5,"),
        f"{W}, line 2, column 'seq': expected a whole number of at least 1; found '1.5'",
    ),
    (
        "digits of another script",
        "cpec_waypoints",
        W,
        WAYPOINTS_HEAD + GOOD_WAYPOINT.replace(",1,", ",\u0661,"),
        f"{W}, line 2, column 'seq': expected a whole number of at least 1; found '\u0661'",
    ),
    (
        "waypoint outside Pakistan's box",
        "cpec_waypoints",
        W,
        WAYPOINTS_HEAD + GOOD_WAYPOINT.replace(",25.1,", ",52.1,"),
        f"{W}, line 2, column 'lat': expected a number between 20 and 45; found '52.1'",
    ),
    (
        "one of several source ids unknown",
        "cpec_waypoints",
        W,
        WAYPOINTS_HEAD + GOOD_WAYPOINT.replace(",R01", ",R01;R99"),
        f"{W}, line 2, column 'source_id': expected a source id defined under 'sources' in data/catalog.yml; found 'R99'",
    ),
    (
        "waypoint coordinate without its confidence",
        "cpec_waypoints",
        W,
        WAYPOINTS_HEAD + GOOD_WAYPOINT.replace(",high,", ",,"),
        f"{W}, line 2, column 'coord_confidence': expected a value, because 'lat' has one; found a blank",
    ),
    (
        "unknown source cited in a text",
        "cpec_waypoints",
        W,
        WAYPOINTS_HEAD + GOOD_WAYPOINT.replace("[GEONAMES]", "[G01]"),
        f"{W}, line 2, column 'coord_source': expected bracketed citations that are source ids defined under 'sources' in data/catalog.yml; found 'G01'",
    ),
    (
        "invalid geometry",
        "ne_countries_10m",
        G,
        fc(country(BOWTIE)),
        f"{G}, feature 0, column 'geometry': expected a valid geometry; found Self-intersection[60.5 24.5]",
    ),
    (
        "coordinates out of bounds",
        "ne_countries_10m",
        G,
        fc(country({"type": "Polygon", "coordinates": [[[60, 84], [61, 84], [61, 95], [60, 84]]]})),
        f"{G}, feature 0, column 'geometry': expected coordinates within lon -180..180, lat -90..90; found bounds (60.0, 84.0, 61.0, 95.0)",
    ),
    (
        "wrong geometry type",
        "ne_countries_10m",
        G,
        fc(country({"type": "Point", "coordinates": [60, 24]})),
        f"{G}, feature 0, column 'geometry': expected a geometry of type Polygon or MultiPolygon; found Point",
    ),
    (
        "empty geometry",
        "ne_countries_10m",
        G,
        fc(country({"type": "Polygon", "coordinates": []})),
        f"{G}, feature 0, column 'geometry': expected a non-empty geometry; found an empty geometry",
    ),
    (
        "not a feature collection",
        "ne_countries_10m",
        G,
        json.dumps({"type": "Feature"}),
        f"{G}, column 'type': expected a GeoJSON FeatureCollection; found Feature",
    ),
    (
        "malformed JSON",
        "ne_countries_10m",
        G,
        '{"type": "FeatureCollection", "features": [\n',
        f"{G}, line 2: expected valid JSON; found Expecting value",
    ),
    (
        "unexpected property",
        "ne_countries_10m",
        G,
        fc(country(SQUARE, POP=1)),
        f"{G}, feature 0, column 'POP': expected only the properties ADM0_A3, NAME; found an unexpected property",
    ),
    (
        "projected coordinates",
        "ne_countries_10m",
        G,
        fc(country(SQUARE), crs={"type": "name", "properties": {"name": "EPSG:3857"}}),
        f"{G}, column 'crs': expected WGS 84 longitude/latitude (CRS84); found EPSG:3857",
    ),
    (
        "duplicate country",
        "ne_countries_10m",
        G,
        fc(country(SQUARE), country(SQUARE)),
        f"{G}, feature 1, column 'ADM0_A3': expected a unique key (ADM0_A3=PAK appears once); found a duplicate of feature 0",
    ),
    ("no features", "ne_countries_10m", G, fc(), f"{G}: expected at least 1 feature(s); found 0 features"),
    # -- the datasets of issue 3 ------------------------------------------------------------------
    (
        "duplicate fiscal year",
        "us_aid_fagov",
        A,
        FAGOV_HEAD + GOOD_FAGOV + GOOD_FAGOV.replace("2681066585", "2681066568"),
        f"{A}, line 3, column 'fiscal_year,transaction_type': expected a unique key (fiscal_year=2010, transaction_type=Obligations appears once); found a duplicate of line 2",
    ),
    (
        "negative aid amount",
        "us_aid_fagov",
        A,
        FAGOV_HEAD + GOOD_FAGOV.replace(",2681066585,", ",-2681066585,"),
        f"{A}, line 2, column 'current_usd': expected a number of at least 0; found '-2681066585'",
    ),
    (
        "fiscal year out of range",
        "us_aid_greenbook",
        B,
        GB_HEAD + GOOD_GB.replace("2010,", "2031,", 1),
        f"{B}, line 2, column 'fiscal_year': expected a fiscal year between 1946 and 2020; found '2031'",
    ),
    (
        "malformed fiscal year",
        "us_aid_greenbook",
        B,
        GB_HEAD + GOOD_GB.replace("2010,", "FY2010,", 1),
        f"{B}, line 2, column 'fiscal_year': expected text matching /\\d{{4}}(TQ)?/; found 'FY2010'",
    ),
    (
        "constant and current dollars of opposite sign",
        "us_aid_greenbook",
        B,
        GB_HEAD + GOOD_GB.replace(",352000000,", ",-352000000,"),
        f"{B}, line 2, column 'obligations_constant2020_usd': expected the sign of 'obligations_current_usd' (298000000); found '-352000000'",
    ),
    (
        "gap without a reason",
        "us_aid_crs",
        C,
        CRS_HEAD + GOOD_CRS.replace(",1198,", ",,"),
        f"{C}, line 2, column 'value_flag': expected the reason why 'value_usd_m' is blank; found a blank",
    ),
    (
        "cumulative column with a single year",
        "us_aid_crs",
        C,
        CRS_HEAD + GOOD_CRS.replace(",annual,", ",cumulative,"),
        f"{C}, line 2, column 'period': expected a range FYyyyy-FYyyyy, because 'period_type' is cumulative; found 'FY2014'",
    ),
    (
        "valuation that does not fit the flow",
        "trade_dots",
        D,
        DOTS_HEAD + GOOD_DOTS.replace(",FOB,", ",CIF,"),
        f"{D}, line 2, column 'valuation': expected FOB, because 'flow' is exports; found 'CIF'",
    ),
    (
        "reporter trading with itself",
        "trade_dots",
        D,
        DOTS_HEAD + GOOD_DOTS.replace("China,Pakistan", "China,China"),
        f"{D}, line 2, column 'partner': expected a partner other than the reporter; found 'China'",
    ),
    (
        "US customs-value imports labelled CIF",
        "trade_dots",
        D,
        DOTS_HEAD + GOOD_DOTS.replace("China,Pakistan,exports,FOB", "United States,Pakistan,imports,CIF"),
        f"{D}, line 2, column 'valuation': expected customs value (IMF label CIF), because the United States reports imports at customs value; found 'CIF'",
    ),
    (
        "year out of range",
        "cgit_annual",
        I,
        CGIT_HEAD + GOOD_CGIT.replace("2015,", "1999,", 1),
        f"{I}, line 2, column 'year': expected a four-digit year between 2005 and 2030; found '1999'",
    ),
    (
        "total that is not the sum of its parts",
        "cgit_annual",
        I,
        CGIT_HEAD + GOOD_CGIT.replace(",21140,", ",21340,"),
        f"{I}, line 2, column 'total_usd_m': expected the sum of investment_usd_m, construction_usd_m (21140, within 0.5); found '21340'",
    ),
    (
        "years out of order",
        "cgit_annual",
        I,
        CGIT_HEAD + GOOD_CGIT + GOOD_CGIT.replace("2015,", "2014,", 1),
        f"{I}, line 3, column 'year': expected rows in ascending order of year (not before 2015 on line 2); found '2014'",
    ),
    (
        "single transaction not said",
        "cgit_annual",
        I,
        CGIT_HEAD + GOOD_CGIT.replace(",6,7,", ",1,7,"),
        f"{I}, line 2, column 'note': expected a note saying 'single transaction', because a count is 1; found ''",
    ),
    (
        "SIPRI zero without its meaning",
        "sipri_tiv",
        V,
        TIV_HEAD + GOOD_TIV.replace(arms_data.TIV_UNDER_HALF, ""),
        f"{V}, line 2, column 'tiv_flag': expected 'more than 0 but under 0.5', because SIPRI's 0 means that; found a blank",
    ),
    (
        "fiscal year given a calendar year",
        "china_pakistan_trade",
        Y,
        CPT_HEAD + GOOD_CPT.replace(",,2024,", ",2024,2024,"),
        f"{Y}, line 2, column 'year': expected a blank, because 'period_type' is fiscal_year; found '2024'",
    ),
    (
        "impossible date",
        "us_tariffs_2025",
        T,
        TARIFF_HEAD + GOOD_T1.replace("2025-04-05", "2025-02-30"),
        f"{T}, line 2, column 'effective': expected an ISO date YYYY-MM-DD between 2025-01-01 and 2026-12-31; found '2025-02-30'",
    ),
    (
        "date out of range",
        "us_tariffs_2025",
        T,
        TARIFF_HEAD + GOOD_T1.replace("2025-04-02", "2024-04-02"),
        f"{T}, line 2, column 'announced': expected an ISO date YYYY-MM-DD between 2025-01-01 and 2026-12-31; found '2024-04-02'",
    ),
    (
        "effective before announced",
        "us_tariffs_2025",
        T,
        TARIFF_HEAD + GOOD_T1.replace("2025-04-05", "2025-03-05"),
        f"{T}, line 2, column 'effective': expected a value not before 'announced' (2025-04-02); found '2025-03-05'",
    ),
    (
        "rate without an effective date",
        "us_tariffs_2025",
        T,
        TARIFF_HEAD + GOOD_T1.replace("2025-04-05", ""),
        f"{T}, line 2, column 'effective': expected a value, because 'rate_pct' has one; found a blank",
    ),
    (
        "value for a figure not found",
        "trade_reported",
        R,
        TR_HEAD + GOOD_TR.replace(",reported,", ",not_found,"),
        f"{R}, line 2, column 'value_usd_m': expected a blank, because 'status' is not_found; found '24230'",
    ),
    (
        "reported figure without a value",
        "trade_reported",
        R,
        TR_HEAD + GOOD_TR.replace(",24230,", ",,"),
        f"{R}, line 2, column 'value_usd_m': expected a value, because 'status' is reported; found a blank",
    ),
    (
        "negative trade flow",
        "trade_reported",
        R,
        TR_HEAD + GOOD_TR.replace(",24230,", ",-24230,"),
        f"{R}, line 2, column 'value_usd_m': expected a number of at least 0, because 'flow' is exports; found '-24230'",
    ),
    (
        "period ending before it starts",
        "trade_reported",
        R,
        TR_HEAD + GOOD_TR.replace("2021-12-31", "2020-12-31"),
        f"{R}, line 2, column 'period_end': expected a value not before 'period_start' (2021-01-01); found '2020-12-31'",
    ),
    (
        "date less precise than stated",
        "attacks",
        K,
        ATT_HEAD + GOOD_ATT.replace(",2024-10-06,day,", ",2024-10,day,"),
        f"{K}, line 2, column 'date': expected a date written YYYY-MM-DD, because 'date_precision' is day; found '2024-10'",
    ),
    (
        "attacks out of date order",
        "attacks",
        K,
        ATT_HEAD + GOOD_ATT + GOOD_ATT.replace("2024_karachi_airport,2024-10-06", "2024_karachi_airport_b,2024-10-05"),
        f"{K}, line 3, column 'date': expected rows in ascending order of date (not before 2024-10-06 on line 2); found '2024-10-05'",
    ),
    (
        "month 13",
        "attacks",
        K,
        ATT_HEAD + GOOD_ATT.replace(",2024-10-06,day,", ",2024-13,month,"),
        f"{K}, line 2, column 'date': expected an ISO date YYYY-MM-DD, YYYY-MM or YYYY between 2000-01-01 and 2026-12-31; found '2024-13'",
    ),
    (
        "attack outside Pakistan",
        "attacks",
        K,
        ATT_HEAD + GOOD_ATT.replace(",24.9065,", ",40.9065,"),
        f"{K}, line 2, column 'lat': expected a number between 23.5 and 37.5; found '40.9065'",
    ),
    (
        "point given although precision is none",
        "attacks",
        K,
        ATT_HEAD + GOOD_ATT.replace(",landmark,", ",none,"),
        f"{K}, line 2, column 'lat': expected a blank, because 'coord_precision' is none; found '24.9065'",
    ),
    (
        "coordinate without its source",
        "attacks",
        K,
        ATT_HEAD + GOOD_ATT.replace(",OURAIRPORTS_VIA_OPENFLIGHTS,", ",,"),
        f"{K}, line 2, column 'coord_source_id': expected a value, because 'coord_precision' is landmark; found a blank",
    ),
    (
        "unknown coordinate source",
        "attacks",
        K,
        ATT_HEAD + GOOD_ATT.replace(",OURAIRPORTS_VIA_OPENFLIGHTS,", ",OURAIRPORTS,"),
        f"{K}, line 2, column 'coord_source_id': expected a source id defined under 'sources' in data/catalog.yml; found 'OURAIRPORTS'",
    ),
    (
        "incident id without its year",
        "attacks",
        K,
        ATT_HEAD + GOOD_ATT.replace("2024_karachi_airport", "karachi_airport"),
        f"{K}, line 2, column 'incident_id': expected text matching /\\d{{4}}_[a-z][a-z0-9_]*/; found 'karachi_airport'",
    ),
    (
        "count range upside down",
        "attack_casualties",
        Q,
        CAS_HEAD + "2024_karachi_airport,total_injured,16,10,LOKMAT_GEO_2024-10-14,\n",
        f"{Q}, line 2, column 'value_high': expected a value not less than 'value_low' (16); found '10'",
    ),
    (
        "fractional casualty count",
        "attack_casualties",
        Q,
        CAS_HEAD + "2024_karachi_airport,total_injured,16.5,,LOKMAT_GEO_2024-10-14,\n",
        f"{Q}, line 2, column 'value_low': expected a whole number of at least 0; found '16.5'",
    ),
    (
        "supplier named for a non-supplier figure",
        "sipri_shares",
        S,
        SH_HEAD + "2021-25,share_of_world_imports,China,4.2,SIPRI 2026,SIPRI_2026_VIA_DECCANCHRONICLE,high,\n",
        f"{S}, line 2, column 'supplier': expected a blank, because 'metric' is share_of_world_imports; found 'China'",
    ),
    (
        "share above 100 percent",
        "sipri_shares",
        S,
        SH_HEAD + "2020-24,supplier_share,China,181,SIPRI 2025,SCMP_2025-03,high,\n",
        f"{S}, line 2, column 'value_pct': expected a share between 0 and 100, because 'metric' is supplier_share; found '181'",
    ),
]


@pytest.mark.parametrize("dataset,path,content,message", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_malformed_input_raises_the_specific_error(scratch_data, dataset, path, content, message):
    catalog = scratch_data(dataset, path, content)
    with pytest.raises(DataError) as err:
        data.load(dataset, catalog=catalog)
    assert str(err.value) == message


def test_at_least_twenty_kinds_of_malformed_input_are_covered():
    assert len({c[0] for c in CASES}) >= 20
    assert len({c[0] for c in CASES}) == len(CASES), "each case is a different kind"


def test_every_new_dataset_family_is_fed_bad_input():
    fed = {c[1] for c in CASES}
    for name in (
        "us_aid_fagov",
        "us_aid_greenbook",
        "us_aid_crs",
        "trade_dots",
        "trade_reported",
        "us_tariffs_2025",
        "cgit_annual",
        "attacks",
        "attack_casualties",
        "sipri_shares",
    ):
        assert name in fed, name


@pytest.mark.parametrize(
    "dataset,path,content",
    [
        ("us_aid_fagov", A, FAGOV_HEAD + GOOD_FAGOV),
        ("us_aid_greenbook", B, GB_HEAD + GOOD_GB),
        ("us_aid_crs", C, CRS_HEAD + GOOD_CRS),
        ("trade_dots", D, DOTS_HEAD + GOOD_DOTS),
        ("cgit_annual", I, CGIT_HEAD + GOOD_CGIT),
        ("us_tariffs_2025", T, TARIFF_HEAD + GOOD_T1),
        ("trade_reported", R, TR_HEAD + GOOD_TR),
        ("attacks", K, ATT_HEAD + GOOD_ATT),
        ("cpec_waypoints", W, WAYPOINTS_HEAD + GOOD_WAYPOINT),
        ("sipri_tiv", V, TIV_HEAD + GOOD_TIV),
        ("china_pakistan_trade", Y, CPT_HEAD + GOOD_CPT),
    ],
)
def test_the_good_rows_of_the_cases_load(scratch_data, dataset, path, content):
    """The cases break a row that is otherwise valid: so each message is about the one thing broken."""
    assert len(data.load(dataset, catalog=scratch_data(dataset, path, content))) == 1


def test_checksum_mismatch_is_refused_before_reading(scratch_data):
    catalog = scratch_data("places", P, PLACES_HEAD + GOOD_PLACE, checksum="0" * 64)
    with pytest.raises(DataError) as err:
        data.load("places", catalog=catalog)
    assert str(err.value).startswith(
        f"{P}: expected sha256 000000000000… as recorded in the catalogue; found checksum mismatch"
    )


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


# -- the row and table checks themselves ---------------------------------------------------------------
@pytest.mark.parametrize(
    "kind,text",
    [
        ("float", "1_000"),
        ("float", "\u0663\u0664"),
        ("float", "1,000"),
        ("float", "infinity"),
        ("float", " 1"),
        ("int", "1_0"),
        ("int", "\u0663\u0664"),
        ("int", "\uff11"),
        ("year", "\u0662\u0660\u0662\u0664"),
        ("date", "\u0662\u0660\u0662\u0664-01-01"),
        ("partial_date", "\u0662\u0660\u0662\u0664"),
    ],
)
def test_numbers_and_dates_are_read_as_ascii_only(kind, text):
    with pytest.raises(DataError):
        validate.convert(text, validate.Col("x", kind), "f", 2)


@pytest.mark.parametrize("text,value", [("1", 1.0), ("-2.5", -2.5), ("1e6", 1e6), (".5", 0.5), ("+3", 3.0)])
def test_plain_numbers_still_read(text, value):
    assert validate.convert(text, validate.Col("x", "float"), "f", 2) == value


def test_cited_ids_reads_the_ids_in_brackets_only():
    assert validate.cited_ids("G01 not cited; [R14; same elevation R15, R16] and [U26;U32] [sic]") == [
        "R14",
        "R15",
        "R16",
        "U26",
        "U32",
    ]


def test_partial_dates_compare_at_the_shorter_precision():
    check = validate.not_before("end", "start")
    assert check({"end": "2024-10", "start": "2024-10-06"}) is None  # same month: not provably before
    assert check({"end": "2024-09", "start": "2024-10-06"}) == (
        "end",
        "a value not before 'start' (2024-10-06)",
        "'2024-09'",
    )
    assert check({"end": None, "start": "2024"}) is None


def test_sorted_by_skips_blanks_but_not_disorder():
    check = validate.sorted_by("d")
    assert check([{"d": 1}, {"d": None}, {"d": 2}], [2, 3, 4]) is None
    assert check([{"d": 2}, {"d": None}, {"d": 1}], [2, 3, 4]) == (
        4,
        "d",
        "rows in ascending order of d (not before 2 on line 2)",
        "'1'",
    )


def test_partial_date_kind_validates_the_calendar():
    col = validate.Col("d", "partial_date")
    assert validate.convert("2024", col, "f", 2) == "2024"
    assert validate.convert("2024-02-29", col, "f", 2) == "2024-02-29"
    with pytest.raises(DataError, match="found '2023-02-29'"):
        validate.convert("2023-02-29", col, "f", 2)


def test_date_bounds_apply_to_dates_only():
    with pytest.raises(ValueError, match="earliest/latest apply to dates only"):
        validate.Col("x", "float", earliest="2000-01-01")


def test_same_sign_accepts_zero_with_zero_only():
    check = validate.same_sign("a", "b")
    assert check({"a": 0.0, "b": 0.0}) is None
    assert check({"a": 0.0, "b": 5.0}) == ("b", "the sign of 'a' (0)", "'5'")
