"""One schema and one loader per dataset.

``load(name)`` returns a validated DataFrame (or GeoDataFrame) for a dataset named
in ``data/catalog.yml``, or raises one :class:`~pakbook.errors.DataError` that
names the file, line and column of the first problem. A dataset may be stored in
several files with the same schema (``parts``); they are read, validated and
concatenated, and the key must be unique across them.

Columns are documented here (name, type, unit, meaning); the "Data and sources"
page of the book prints these descriptions.
"""

from __future__ import annotations

import pandas as pd

from .catalog import Catalog
from .errors import DataError
from .validate import (
    Col,
    GeoSchema,
    TableSchema,
    at_least,
    blank_if,
    both_or_neither,
    date_matches_precision,
    not_before,
    read_geojson,
    read_table,
    reason_if_blank,
    required_if,
    same_sign,
    sorted_by,
    sums_to,
)

ISO2 = r"[A-Z]{2}"
SLUG = r"[a-z][a-z0-9_]*"
#: Incident ids start with the year: 2024_karachi_airport.
INCIDENT = r"\d{4}_[a-z][a-z0-9_]*"
#: A US federal fiscal year as the Greenbook writes it; 1976TQ is the transition quarter (July-September 1976).
US_FY = r"\d{4}(TQ)?"
CONFIDENCE = ("high", "medium", "low")
#: How a published figure relates to the true value: exact = as published, to the precision shown; rounded = a
#: round figure as published (e.g. "US$2.9 billion": to the nearest US$100m); approximate = the source says "about",
#: "some", "around"; lower_bound = the source says "more than" or "at least".
QUALIFIERS = ("exact", "rounded", "approximate", "lower_bound")

# -- source vintages ---------------------------------------------------------------------------------
# Source ids of the data vintages that code selects by name (derivation rules, loaders' defaults, tests): named here once.
GREENBOOK = "USAID_GREENBOOK_2022-08"
FAGOV = "FAGOV_COUNTRY_2025"
#: IMF DOTS, data to 2020 (c. January 2022 vintage) and the copy with data to 2022.
DOTS_2020 = "IMF_DOTS_2021VINTAGE_VIA_SAMLEBLANC"
DOTS_2022 = "IMF_DOTS_VIA_JACQPARK"
#: SIPRI arms-transfer TIV: the 2022 vintage (by supplier) and the October 2024 export (totals, register).
SIPRI_2022 = "SIPRI_AT_VALUES_2022_VIA_LAJH87"
SIPRI_2024 = "SIPRI_AT_VALUES_2024-10_VIA_MJHOFMANN"
#: Pakistan with a margin (degrees): a point outside cannot be a place in Pakistan.
PAK_LAT, PAK_LON = (23.5, 37.5), (60.5, 77.9)
#: How precise a point is: the site itself, a named landmark next to it, the town, another place standing in, or none.
COORD_PRECISION = ("site", "landmark", "town", "proxy", "none")

TOPICS = (
    "Geography and base maps",
    "The brief and key facts",
    "US aid",
    "Trade and tariffs",
    "Arms transfers",
    "Chinese investment, finance and CPEC",
    "Attacks on Chinese nationals",
    "Critical minerals",
    "High-level contacts",
)


def fy_between(col: str, first: int, last: int):
    """Row check: a fiscal-year label (``2010``, ``1976TQ``) lies in ``first``..``last``."""

    def check(row):
        v = row[col]
        if v is not None and not first <= int(v[:4]) <= last:
            return col, f"a fiscal year between {first} and {last}", repr(v)
        return None

    return check


def located_unless_none(precision: str = "coord_precision", lat: str = "lat", lon: str = "lon", source: str = "coord_source_id"):
    """Row checks: a point (both coordinates, and the source of the coordinate) is given exactly when its precision is not 'none'."""
    located = tuple(p for p in COORD_PRECISION if p != "none")
    return (
        both_or_neither(lat, lon),
        required_if(lat, precision, located),
        blank_if(lat, precision, ("none",)),
        required_if(source, precision, located),
        blank_if(source, precision, ("none",)),
    )

def point_columns(coord_basis_doc: str = "what the point is, or why there is none") -> tuple[Col, ...]:
    """The five columns of a point in Pakistan and its provenance (checked by ``located_unless_none``)."""
    return (
        Col("lat", "float", required=False, min=PAK_LAT[0], max=PAK_LAT[1], unit="degree north (WGS 84)"),
        Col("lon", "float", required=False, min=PAK_LON[0], max=PAK_LON[1], unit="degree east (WGS 84)"),
        Col("coord_precision", choices=COORD_PRECISION, doc="site, landmark, town, proxy (another place standing in) or none"),
        Col("coord_basis", doc=coord_basis_doc),
        Col("coord_source_id", required=False, doc="source of the coordinate"),
    )


# -- places ---------------------------------------------------------------------------------------
PLACES = TableSchema(
    topic="Geography and base maps",
    doc="Named places drawn on the maps: cities, ports, passes, straits, and sea-label anchors.",
    columns=(
        Col("place_id", pattern=SLUG, doc="identifier used by the chapters"),
        Col("name", doc="name as given by the source"),
        Col("kind", choices=("capital", "city", "port", "pass", "strait", "sea"), doc="what the point is"),
        Col("country", required=False, pattern=ISO2, doc="ISO 3166-1 alpha-2 code; blank at sea"),
        Col("lat", "float", min=-90, max=90, unit="degree north (WGS 84)"),
        Col("lon", "float", min=-180, max=180, unit="degree east (WGS 84)"),
        Col("source_id", doc="producer of the coordinate (see sources)"),
        Col("source_ref", doc="record in that source (e.g. GeoNames id, article)"),
        Col("note", required=False),
    ),
    key=("place_id",),
)

# -- key facts -----------------------------------------------------------------------------------
KEY_FACTS = TableSchema(
    topic="The brief and key facts",
    doc="Single figures the prose cites (coastline, population, oil flows...). Conflicting values are separate rows.",
    columns=(
        Col("fact_id", pattern=SLUG),
        Col("fact", doc="what is measured"),
        Col("value", "float", min=0, doc="the figure as published"),
        Col("qualifier", choices=QUALIFIERS, doc="how the figure relates to the true value: lower_bound = the source says 'more than'"),
        Col("unit"),
        Col("as_of", doc="year or period the figure refers to"),
        Col("source_id"),
        Col("confidence", choices=CONFIDENCE),
        Col("note", required=False),
    ),
    key=("fact_id", "as_of", "source_id"),
)

# -- the brief's claims ---------------------------------------------------------------------------
BRIEF_CLAIMS = TableSchema(
    topic="The brief and key facts",
    doc="Numerical claims of the brief the book grew from, each with the key fact it is checked against.",
    columns=(
        Col("claim_id", pattern=SLUG),
        Col("section", doc="section of the brief"),
        Col("claim", doc="the claim, paraphrased"),
        Col("value", "float", min=0, doc="the figure as the brief states it"),
        Col("unit"),
        Col("as_of", required=False),
        Col("compare_fact_id", required=False, pattern=SLUG, doc="key fact to compare with; blank = no sourced figure yet"),
        Col("compare_as_of", required=False),
        Col("chapter", pattern=r"\d\d_[a-z_]+", doc="chapter that discusses the claim"),
        Col("source_id"),
    ),
    key=("claim_id",),
    row_checks=(both_or_neither("compare_fact_id", "compare_as_of"),),
)

# -- CPEC alignments ----------------------------------------------------------------------------
CPEC_WAYPOINTS = TableSchema(
    topic="Chinese investment, finance and CPEC",
    doc="CPEC road and rail alignments as ordered waypoints (towns named by the sources, not road centre-lines). "
        "How far each coordinate can be trusted is in coord_confidence: a low-confidence point is not to be drawn or measured as a waypoint.",
    columns=(
        Col("route_id", pattern=SLUG),
        Col("seq", "int", min=1, doc="order along the route as listed by the source"),
        Col("place"),
        Col("lat", "float", required=False, min=20, max=45, unit="degree north (WGS 84)", doc="blank where no sourced coordinate exists"),
        Col("lon", "float", required=False, min=55, max=80, unit="degree east (WGS 84)"),
        Col("coord_confidence", required=False, choices=CONFIDENCE,
            doc="how far the coordinate can be trusted: high = a gazetteer record (GeoNames); medium = a reference work read on a "
                "copy (an old Wikipedia revision); low = an unverified value whose source cannot be traced; blank where there is no coordinate"),
        Col("coord_source", doc="where the coordinate comes from, or why it is blank; source ids in brackets"),
        Col("segment_note", required=False, doc="the section that ends at this waypoint"),
        Col("source_id", doc="sources naming the route or this waypoint, ';'-separated"),
    ),
    key=("route_id", "seq"),
    cited_in_text=("coord_source", "segment_note"),
    row_checks=(both_or_neither("lat", "lon"), both_or_neither("coord_confidence", "lat")),
)

# -- base geography (Natural Earth) -------------------------------------------------------------
_NE_BOUNDARY_CLASSES = (
    "International boundary (verify)",
    "Disputed (please verify)",
    "Line of control (please verify)",
    "Indefinite (please verify)",
    "Indeterminant frontier",
)
#: How a country's point of view reclassifies a line (Natural Earth's FCLASS_* columns).
_NE_POV_CLASSES = _NE_BOUNDARY_CLASSES + ("Unrecognized", "Admin-1 boundary", "Map unit boundary")
NE_COUNTRIES = GeoSchema(
    topic="Geography and base maps",
    doc="Natural Earth admin-0 countries (de facto edition), clipped.",
    properties=(Col("ADM0_A3", pattern=r"[A-Z0-9]{3}"), Col("NAME")),
    geometry_types=("Polygon", "MultiPolygon"),
    key=("ADM0_A3",),
)
NE_BOUNDARY_LINES = GeoSchema(
    topic="Geography and base maps",
    doc="Natural Earth land boundary lines with their class and the Chinese, Indian and Pakistani points of view.",
    properties=(
        Col("NE_ID", "int", min=0),
        Col("FEATURECLA", choices=_NE_BOUNDARY_CLASSES),
        Col("FCLASS_CN", required=False, choices=_NE_POV_CLASSES, doc="class in China's view; blank = as FEATURECLA"),
        Col("FCLASS_IN", required=False, choices=_NE_POV_CLASSES, doc="class in India's view"),
        Col("FCLASS_PK", required=False, choices=_NE_POV_CLASSES, doc="class in Pakistan's view"),
    ),
    geometry_types=("LineString", "MultiLineString"),
    key=(),  # Natural Earth gives some boundaries in several parts under one NE_ID
)
NE_LAKES = GeoSchema(
    topic="Geography and base maps",
    doc="Natural Earth lakes (large water bodies such as the Caspian Sea), clipped.",
    properties=(Col("ne_id", "int", min=0), Col("name", required=False)),
    geometry_types=("Polygon", "MultiPolygon"),
    key=(),  # ne_id repeats for lakes given in several parts
)


# == US aid ======================================================================================
US_AID_GREENBOOK = TableSchema(
    topic="US aid",
    doc="US obligations to Pakistan by fiscal year and account, economic or military, as the USAID Greenbook publishes them "
        "(negative amounts are de-obligations). Excludes Coalition Support Funds, which are not foreign assistance.",
    columns=(
        Col("fiscal_year", pattern=US_FY, doc="US fiscal year (to FY1976 July-June, from FY1977 October-September; 1976TQ = July-September 1976)"),
        Col("assistance_category", choices=("Economic", "Military"), doc="as the Greenbook classifies the account"),
        Col("publication_row", doc="the Greenbook's programme group"),
        Col("funding_agency"),
        Col("funding_account_name"),
        Col("obligations_current_usd", "float", unit="US$ (current)"),
        Col("obligations_constant2020_usd", "float", unit="US$ (constant 2020, Greenbook deflator)"),
        Col("source_id"),
    ),
    key=("fiscal_year", "assistance_category", "publication_row", "funding_agency", "funding_account_name"),
    row_checks=(fy_between("fiscal_year", 1946, 2020), same_sign("obligations_current_usd", "obligations_constant2020_usd")),
)

US_AID_FAGOV = TableSchema(
    topic="US aid",
    doc="ForeignAssistance.gov country totals for Pakistan by fiscal year and transaction type (no economic/military split).",
    columns=(
        Col("fiscal_year", pattern=US_FY),
        Col("transaction_type", choices=("Obligations", "Disbursements", "Appropriated and Planned", "President's Budget Requests")),
        Col("current_usd", "float", min=0, unit="US$ (current)"),
        Col("constant_usd", "float", min=0, unit="US$ (constant, base in constant_base_fy)"),
        Col("constant_base_fy", "year", min=2015, max=2030, doc="base year of the constant dollars, inferred: the year whose constant and current amounts are equal"),
        Col("complete_year", choices=("yes", "no"), doc="no = the fiscal year was not over at the data vintage"),
        Col("source_id"),
        Col("note", required=False),
    ),
    key=("fiscal_year", "transaction_type"),
    row_checks=(fy_between("fiscal_year", 1946, 2030),),
)


def _crs_period_matches_type(row):
    span = "-" in (row["period"] or "")
    if span != (row["period_type"] == "cumulative"):
        want = "a range FYyyyy-FYyyyy" if row["period_type"] == "cumulative" else "a single fiscal year FYyyyy"
        return "period", f"{want}, because 'period_type' is {row['period_type']}", repr(row["period"])
    return None


US_AID_CRS = TableSchema(
    topic="US aid",
    doc="CRS tables of US aid appropriations for Pakistan and military reimbursements, FY2002 onward, by account, "
        "one row per edition: editions revise earlier years, so each edition's figures are kept.",
    columns=(
        Col("source_id", doc="the CRS edition"),
        Col("period", pattern=r"FY\d{4}(-FY\d{4})?", doc="a fiscal year or, for cumulative columns, a range"),
        Col("period_type", choices=("annual", "estimate", "cumulative", "request")),
        Col("line_item", doc="account as CRS labels it (FMF, ESF, CSF Reimbursements, totals...)"),
        Col("category", choices=("security", "economic", "csf", "total"), doc="CRS grouping; csf = Coalition Support Funds (Pentagon reimbursements, not aid)"),
        Col("value_usd_m", "float", required=False, min=0, unit="US$ million (current, rounded)", doc="blank where CRS gives no figure"),
        Col("value_flag", required=False, doc="why a figure is blank, or a footnote attached to it"),
    ),
    key=("source_id", "period", "line_item"),
    row_checks=(reason_if_blank("value_usd_m", "value_flag"), _crs_period_matches_type),
)

US_AID_ECON_MIL = TableSchema(
    topic="US aid",
    doc="US aid obligations to Pakistan by fiscal year: economic, military and total, current and constant dollars. "
        "FY1948-FY2020 summed from the Greenbook accounts; FY2021-FY2024 totals from ForeignAssistance.gov, whose split is not "
        "available (blank). Coalition Support Funds are not included (see the CRS series).",
    columns=(
        Col("fiscal_year", pattern=US_FY),
        Col("year", "year", min=1946, max=2030, doc="calendar year in which the fiscal year ends (1976 for 1976TQ)"),
        Col("months", "int", min=3, max=12, doc="length of the fiscal year (3 for the transition quarter)"),
        Col("category", choices=("economic", "military", "total")),
        Col("obligations_current_usd", "float", required=False, unit="US$ (current)"),
        Col("obligations_constant2020_usd", "float", required=False, unit="US$ (constant 2020)", doc="Greenbook deflator; blank after FY2020"),
        Col("obligations_constant_fy2023_usd", "float", required=False, unit="US$ (constant FY2023)",
            doc="current dollars times ForeignAssistance.gov's deflator for that year (its constant/current ratio for obligations)"),
        Col("basis", doc="which source and definition the figure follows"),
        Col("source_id"),
        Col("note", required=False, doc="why a figure is blank"),
    ),
    key=("fiscal_year", "category"),
    row_checks=(reason_if_blank("obligations_current_usd", "note"), fy_between("fiscal_year", 1946, 2030)),
    table_checks=(sorted_by("year"),),
)

US_AID_CRS_SERIES = TableSchema(
    topic="US aid",
    doc="CRS series FY2002 onward: security-related and economic-related aid appropriations, Coalition Support Fund "
        "reimbursements and their total, each figure from the latest CRS edition that reports it. FY2002-FY2007 is one cumulative period.",
    columns=(
        Col("period", pattern=r"FY\d{4}(-FY\d{4})?"),
        Col("fy_first", "year", min=2002, max=2030),
        Col("fy_last", "year", min=2002, max=2030),
        Col("period_type", choices=("annual", "estimate", "cumulative", "request")),
        Col("series", choices=("security", "economic", "csf", "total")),
        Col("value_usd_m", "float", required=False, min=0, unit="US$ million (current)"),
        Col("value_flag", required=False),
        Col("source_id", doc="the CRS edition the figure is taken from"),
    ),
    key=("period", "series"),
    row_checks=(not_before("fy_last", "fy_first"), reason_if_blank("value_usd_m", "value_flag")),
)

# == trade =========================================================================================
REPORTERS = ("Pakistan", "China", "United States")


#: US-reported imports in DOTS: the IMF labels them CIF, but they equal the US Census customs-value series (within 0.2%).
US_CUSTOMS = "customs value (IMF label CIF)"


def _dots_valuation(row):
    if row["flow"] == "exports":
        want, why = "FOB", "'flow' is exports"
    elif row["reporter"] == "United States":
        want, why = US_CUSTOMS, "the United States reports imports at customs value"
    else:
        want, why = "CIF", "'flow' is imports"
    if row["valuation"] != want:
        return "valuation", f"{want}, because {why}", repr(row["valuation"])
    if row["reporter"] == row["partner"]:
        return "partner", "a partner other than the reporter", repr(row["partner"])
    return None


TRADE_DOTS = TableSchema(
    topic="Trade and tariffs",
    doc="IMF Direction of Trade Statistics: goods trade as each reporter records it (exports FOB, imports CIF), "
        "two vintages kept apart. China is China, P.R.: Mainland. US-reported imports, which the IMF labels CIF, are at customs "
        "value (they agree with the US Census customs-value series within 0.2%), so their valuation reads 'customs value (IMF label CIF)'.",
    columns=(
        Col("year", "year", min=1948, max=2030),
        Col("reporter", choices=REPORTERS, doc="the country whose statistics these are"),
        Col("partner", choices=REPORTERS + ("World",)),
        Col("flow", choices=("exports", "imports"), doc="from the reporter's side"),
        Col("valuation", choices=("FOB", "CIF", US_CUSTOMS), doc="FOB for exports; CIF for imports, except the United States' (customs value)"),
        Col("value_usd_m", "float", min=0, unit="US$ million (current)"),
        Col("source_id", doc="the DOTS vintage"),
    ),
    key=("year", "reporter", "partner", "flow", "source_id"),
    row_checks=(_dots_valuation,),
)

TRADE_CENSUS_MONTHLY = TableSchema(
    topic="Trade and tariffs",
    doc="US general imports of goods from Pakistan, customs basis, monthly (US Census Bureau via FRED, series IMP5350).",
    columns=(
        Col("month", "date", pattern=r"\d{4}-\d{2}-01", earliest="2015-01-01", latest="2030-12-01", doc="first day of the month"),
        Col("value_usd_m", "float", min=0, unit="US$ million (current, not seasonally adjusted)"),
        Col("source_id"),
    ),
    key=("month", "source_id"),
    table_checks=(sorted_by("month"),),
)


#: What a reported trade figure covers.
SCOPES = ("goods", "goods_and_services", "not_stated")


def _reported_value_sign(row):
    if row["value_usd_m"] is not None and row["value_usd_m"] < 0 and row["flow"] != "balance":
        return "value_usd_m", f"a number of at least 0, because 'flow' is {row['flow']}", repr(f"{row['value_usd_m']:.15g}")
    return None


TRADE_REPORTED = TableSchema(
    topic="Trade and tariffs",
    doc="Official bilateral trade figures as quoted by news reports (customs, central-bank and statistics-office figures), "
        "for years and bases the statistical files do not cover. Reporter and flow are from the reporting country's side; "
        "figures not found are kept as rows with status not_found and no value.",
    columns=(
        Col("period", doc="as the source gives it: a calendar year, a Pakistani fiscal year (FY2023-24 = July 2023-June 2024) or part of a year"),
        Col("period_type", choices=("calendar_year", "fiscal_year", "part_year")),
        Col("period_start", "date", earliest="1947-01-01", latest="2030-12-31"),
        Col("period_end", "date", earliest="1947-01-01", latest="2030-12-31"),
        Col("reporter", choices=REPORTERS),
        Col("partner", choices=REPORTERS),
        Col("flow", choices=("exports", "imports", "total", "balance"), doc="balance = exports minus imports, as reported"),
        Col("scope", choices=SCOPES, doc="goods; goods_and_services where the source says the figure includes services (SBP); not_stated"),
        Col("value_usd_m", "float", required=False, unit="US$ million (current)"),
        Col("qualifier", required=False, choices=QUALIFIERS, doc="rounded = given as US$x.x billion"),
        Col("status", choices=("reported", "not_found"), doc="not_found: a figure cited (e.g. by the brief) that no stored source confirms"),
        Col("basis", doc="whose statistics, as the source states"),
        Col("source_id"),
        Col("confidence", choices=CONFIDENCE + ("unverified",)),
        Col("note", required=False),
    ),
    key=("period", "reporter", "partner", "flow", "source_id"),
    row_checks=(
        not_before("period_end", "period_start"),
        required_if("value_usd_m", "status", ("reported",)),
        blank_if("value_usd_m", "status", ("not_found",)),
        required_if("qualifier", "status", ("reported",)),
        _reported_value_sign,
    ),
)

US_TARIFFS = TableSchema(
    topic="Trade and tariffs",
    doc="The 2025 steps of US tariffs on goods from Pakistan: when each was announced, when it took effect, and the rate that applied to Pakistan.",
    columns=(
        Col("step", "int", min=1),
        Col("announced", "date", earliest="2025-01-01", latest="2026-12-31"),
        Col("effective", "date", required=False, earliest="2025-01-01", latest="2026-12-31", doc="blank: no rate change took effect"),
        Col("rate_pct", "float", required=False, min=0, max=100, unit="percent ad valorem (additional duty)", doc="rate applying to Pakistan from the effective date"),
        Col("instrument"),
        Col("event"),
        Col("source_id"),
        Col("confidence", choices=CONFIDENCE),
        Col("note", required=False),
    ),
    key=("step",),
    row_checks=(not_before("effective", "announced"), both_or_neither("effective", "rate_pct")),
    table_checks=(sorted_by("step"), sorted_by("announced")),
)

def _period_columns() -> tuple[Col, ...]:
    """Period columns of the derived trade tables: a calendar year and a Pakistani fiscal year never share the column 'year'."""
    return (
        Col("period", doc="a calendar year, or a Pakistani fiscal year FY2023-24 (July 2023-June 2024)"),
        Col("period_type", choices=("calendar_year", "fiscal_year")),
        Col("year", "year", required=False, min=1948, max=2030, doc="the calendar year; blank for a fiscal year, so that a filter on 'year' never mixes the two"),
        Col("fiscal_year_end", "year", required=False, min=1948, max=2030, doc="the calendar year in which a Pakistani fiscal year ends; blank for a calendar year"),
    )


def _period_checks():
    return (
        required_if("year", "period_type", ("calendar_year",)), blank_if("year", "period_type", ("fiscal_year",)),
        required_if("fiscal_year_end", "period_type", ("fiscal_year",)), blank_if("fiscal_year_end", "period_type", ("calendar_year",)),
    )


def _measures(statistical: tuple[str, ...]) -> tuple[str, ...]:
    """The measures of a derived trade table: the statistical files' flows and the press-reported ones with their scope."""
    return statistical + ("exports", "imports", "exports (goods and services)", "imports (goods and services)",
                          "exports (scope not stated)", "imports (scope not stated)")


CHINA_PAKISTAN_TRADE = TableSchema(
    topic="Trade and tariffs",
    doc="China-Pakistan goods trade by direction, as each side reports it: China's exports to Pakistan (China-reported, FOB) and "
        "Pakistan's imports from China (Pakistan-reported, CIF) measure the same flow from two sides and are kept apart. "
        "IMF DOTS 1960-2020; press-reported customs figures only for years DOTS does not cover; Pakistani fiscal years as their own rows "
        "(their 'year' is blank: use 'fiscal_year_end'). The State Bank's fiscal-year figures include services and say so in 'measure'.",
    columns=(
        *_period_columns(),
        Col("direction", choices=("china_to_pakistan", "pakistan_to_china")),
        Col("reporter", choices=("China", "Pakistan")),
        Col("measure", choices=_measures(("exports FOB", "imports CIF")),
            doc="the reporter's flow, with the valuation where the source states it; '(goods and services)' where the figure includes services"),
        Col("value_usd_m", "float", required=False, min=0, unit="US$ million (current)"),
        Col("qualifier", required=False, choices=QUALIFIERS, doc="rounded = published as US$x.x billion; blank for a figure not found"),
        Col("status", choices=("reported", "not_found")),
        Col("basis"),
        Col("source_id"),
        Col("note", required=False),
    ),
    key=("period", "direction", "reporter", "source_id"),
    row_checks=(*_period_checks(), required_if("value_usd_m", "status", ("reported",)), blank_if("value_usd_m", "status", ("not_found",)),
                required_if("qualifier", "status", ("reported",))),
)

CHINA_PAKISTAN_MIRROR_GAP = TableSchema(
    topic="Trade and tariffs",
    doc="The mirror gap in China-Pakistan trade (IMF DOTS): for each direction, the exporter's reported exports (FOB) minus the "
        "importer's reported imports (CIF). Imports valued CIF should exceed exports FOB; a positive gap means the importer records less.",
    columns=(
        Col("year", "year", min=1948, max=2030),
        Col("direction", choices=("china_to_pakistan", "pakistan_to_china")),
        Col("exporter_reported_usd_m", "float", min=0, unit="US$ million", doc="exports FOB as the exporting country reports them"),
        Col("importer_reported_usd_m", "float", min=0, unit="US$ million", doc="imports CIF as the importing country reports them"),
        Col("gap_usd_m", "float", unit="US$ million", doc="exporter-reported minus importer-reported"),
        Col("gap_pct", "float", unit="percent of the importer-reported value"),
        Col("source_id"),
    ),
    key=("year", "direction"),
)

US_PAKISTAN_TRADE = TableSchema(
    topic="Trade and tariffs",
    doc="US-Pakistan goods trade by direction, with each figure's reporter and basis: IMF DOTS (two vintages), US Census "
        "customs-basis imports (annual sums of monthly data), USTR and US government figures quoted in the press, and "
        "Pakistani fiscal-year figures (their 'year' is blank: use 'fiscal_year_end'). Different bases and vintages are separate rows; "
        "US-reported imports are at customs value in every source (DOTS labels them CIF).",
    columns=(
        *_period_columns(),
        Col("direction", choices=("us_to_pakistan", "pakistan_to_us")),
        Col("reporter", choices=("United States", "Pakistan")),
        Col("measure", choices=_measures(("exports FOB", "imports CIF", f"imports {US_CUSTOMS}", "imports, customs value"))),
        Col("value_usd_m", "float", min=0, unit="US$ million (current)"),
        Col("qualifier", choices=QUALIFIERS, doc="rounded = published as US$x.x billion"),
        Col("months", "int", min=1, max=12, doc="months covered (12 unless the year was incomplete)"),
        Col("basis"),
        Col("source_id"),
        Col("note", required=False),
    ),
    key=("period", "direction", "reporter", "measure", "source_id"),
    row_checks=_period_checks(),
)

#: SIPRI's "0": deliveries of more than 0 but under 0.5 million TIV (a blank means none).
TIV_UNDER_HALF = "more than 0 but under 0.5"


def _tiv_zero_flagged(row):
    if (row["tiv_m"] == 0) != (row["tiv_flag"] == TIV_UNDER_HALF):
        if row["tiv_m"] == 0:
            return "tiv_flag", f"'{TIV_UNDER_HALF}', because SIPRI's 0 means that", "a blank"
        return "tiv_flag", "a blank, because 'tiv_m' is not 0", repr(row["tiv_flag"])
    return None


# == arms transfers =================================================================================
SIPRI_TIV = TableSchema(
    topic="Arms transfers",
    doc="SIPRI trend-indicator values (TIV) of major arms delivered to Pakistan, by supplier and year, with SIPRI's total "
        "(supplier 'Total'); two database vintages kept apart. TIV is SIPRI's volume index, not US dollars. SIPRI prints 0 for deliveries "
        "of more than 0 but under 0.5 million TIV: such rows say so in tiv_flag. A missing supplier-year means no deliveries identified.",
    columns=(
        Col("year", "year", min=1950, max=2030),
        Col("supplier"),
        Col("tiv_m", "float", min=0, unit="SIPRI TIV, millions (1990 constant-price index units, not US$)"),
        Col("tiv_flag", required=False, choices=(TIV_UNDER_HALF,), doc=f"'{TIV_UNDER_HALF}' where SIPRI prints 0"),
        Col("source_id", doc="the database vintage"),
    ),
    key=("year", "supplier", "source_id"),
    row_checks=(_tiv_zero_flagged,),
)

SIPRI_REGISTER = TableSchema(
    topic="Arms transfers",
    doc="SIPRI trade register: every deal for major arms to Pakistan with orders or deliveries 1950-2024 (export of 13 Oct 2024).",
    columns=(
        Col("deal_no", "int", min=1, doc="position in the export (Pakistan rows, in export order)"),
        Col("supplier"),
        Col("order_year", "year", min=1945, max=2030),
        Col("order_year_estimated", choices=("yes", "no"), doc="SIPRI marks the year as uncertain"),
        Col("n_ordered", "int", required=False, min=0),
        Col("n_ordered_estimated", choices=("yes", "no")),
        Col("designation"),
        Col("description"),
        Col("n_delivered", "int", required=False, min=0),
        Col("n_delivered_estimated", choices=("yes", "no")),
        Col("delivery_years", required=False, pattern=r"\d{4}(;\d{4})*", doc="years of delivery, ';'-separated"),
        Col("status", choices=("New", "Second hand", "Second hand but modernized")),
        Col("comments", required=False),
        Col("tiv_unit", "float", min=0, unit="SIPRI TIV, millions per item"),
        Col("tiv_order", "float", min=0, unit="SIPRI TIV, millions"),
        Col("tiv_delivered", "float", min=0, unit="SIPRI TIV, millions"),
        Col("source_id"),
    ),
    key=("deal_no",),
    table_checks=(sorted_by("deal_no"),),
)


def _share_bounds(row):
    if row["metric"] != "change_on_previous_period" and not 0 <= row["value_pct"] <= 100:
        return "value_pct", f"a share between 0 and 100, because 'metric' is {row['metric']}", repr(f"{row['value_pct']:.15g}")
    return None


SIPRI_SHARES = TableSchema(
    topic="Arms transfers",
    doc="Five-year figures SIPRI publishes in its annual fact sheets: suppliers' shares of Pakistan's major-arms imports, "
        "Pakistan's share of world imports, the change on the previous five years. Revisions by later releases are separate rows.",
    columns=(
        Col("period", pattern=r"\d{4}-\d{2}", doc="five-year period, e.g. 2020-24"),
        Col("metric", choices=("supplier_share", "share_of_world_imports", "change_on_previous_period", "share_of_china_exports_to_pakistan")),
        Col("supplier", required=False, doc="only for supplier_share"),
        Col("value_pct", "float", min=-100, max=1000, unit="percent"),
        Col("sipri_release"),
        Col("source_id", doc="the report that quotes the fact sheet"),
        Col("confidence", choices=CONFIDENCE),
        Col("note", required=False),
    ),
    key=("period", "metric", "supplier", "source_id"),
    row_checks=(
        required_if("supplier", "metric", ("supplier_share",)),
        blank_if("supplier", "metric", ("share_of_world_imports", "change_on_previous_period", "share_of_china_exports_to_pakistan")),
        _share_bounds,
    ),
)

SIPRI_SHARES_COMPUTED = TableSchema(
    topic="Arms transfers",
    doc="Suppliers' shares of Pakistan's major-arms imports over every five-year window, computed from the SIPRI TIV by supplier "
        "and year (2022 vintage), to set beside the shares SIPRI publishes.",
    columns=(
        Col("period", pattern=r"\d{4}-\d{2}"),
        Col("first_year", "year", min=1950, max=2030),
        Col("last_year", "year", min=1950, max=2030),
        Col("supplier"),
        Col("tiv_m", "float", min=0, unit="SIPRI TIV, millions (sum over the window)"),
        Col("total_tiv_m", "float", min=0, unit="SIPRI TIV, millions (SIPRI total over the window)"),
        Col("share_pct", "float", min=0, max=100, unit="percent"),
        Col("source_id"),
    ),
    key=("period", "supplier"),
    row_checks=(not_before("last_year", "first_year"),),
)

# == Chinese investment, finance and CPEC ==========================================================
#: The words a CGIT note must contain when a year's total is one transaction.
SINGLE_TRANSACTION = "single transaction"


def _single_transaction_noted(row):
    if 1 in (row["n_investment_deals"], row["n_construction_contracts"]) and SINGLE_TRANSACTION not in (row["note"] or ""):
        return "note", f"a note saying '{SINGLE_TRANSACTION}', because a count is 1", repr(row["note"] or "")
    return None


CGIT_ANNUAL = TableSchema(
    topic="Chinese investment, finance and CPEC",
    doc="Chinese investment and construction contracts in Pakistan by year (deals of US$95m or more), annual totals of AEI's "
        "China Global Investment Tracker. The deal rows are not reproduced: the tracker is all rights reserved. A total of 0 "
        "means no tracked transaction of US$95m or more, not no Chinese money. Where a count is 1 the total is a single "
        "transaction's value, and the note says so: credited to AEI and the Heritage Foundation, and given only as the year's total.",
    columns=(
        Col("year", "year", min=2005, max=2030),
        Col("investment_usd_m", "float", min=0, unit="US$ million (current)"),
        Col("construction_usd_m", "float", min=0, unit="US$ million (current)"),
        Col("total_usd_m", "float", min=0, unit="US$ million (current)"),
        Col("n_investment_deals", "int", min=0, doc="transactions tracked (1: the total is one transaction's value)"),
        Col("n_construction_contracts", "int", min=0),
        Col("months_covered", "int", min=1, max=12, doc="6 for 2024: the release runs to June 2024"),
        Col("source_id"),
        Col("note", required=False),
    ),
    key=("year",),
    row_checks=(sums_to("total_usd_m", ("investment_usd_m", "construction_usd_m"), 0.5), _single_transaction_noted),
    table_checks=(sorted_by("year"),),
)

AIDDATA_GCDF3 = TableSchema(
    topic="Chinese investment, finance and CPEC",
    doc="Chinese official development finance committed to Pakistan by year and flow class (AidData GCDF 3.0, projects "
        "recommended for aggregates). The adjusted amount is AidData's figure for aggregates: it nets out double counting "
        "(e.g. a loan that refinances an earlier one), so it is at most the amount.",
    columns=(
        Col("commitment_year", "year", min=2000, max=2030),
        Col("flow_class", choices=("ODA-like", "OOF-like", "Vague (official finance)")),
        Col("amount_const2021_usd", "float", min=0, unit="US$ (constant 2021)"),
        Col("adjusted_amount_const2021_usd", "float", min=0, unit="US$ (constant 2021)", doc="net of double counting such as refinancing"),
        Col("source_id"),
    ),
    key=("commitment_year", "flow_class"),
    row_checks=(at_least("amount_const2021_usd", "adjusted_amount_const2021_usd"),),
)

CPEC_PROJECTS = TableSchema(
    topic="Chinese investment, finance and CPEC",
    doc="CPEC and related projects named in the book, with a point where a source gives one and how precise it is.",
    columns=(
        Col("project_id", pattern=SLUG),
        Col("name"),
        Col("category", choices=("rail", "road", "port", "airport", "energy_coal", "energy_wind", "energy_hydro", "urban_transit")),
        Col("location"),
        *point_columns(),
        Col("status"),
        Col("status_as_of", required=False),
        Col("source_id"),
        Col("note", required=False),
    ),
    key=("project_id",),
    source_columns=("source_id", "coord_source_id"),
    row_checks=located_unless_none(),
)

CPEC_FIGURES = TableSchema(
    topic="Chinese investment, finance and CPEC",
    doc="Headline CPEC figures (project_id 'cpec') and project costs and capacities, one row per figure, date and source: "
        "the ML-1 railway's successive cost estimates are separate rows, never averaged. Rows that report the same decision share "
        "an event_id (count each decision once); a row without as_of_date has no known date and is not to be placed on a time axis.",
    columns=(
        Col("project_id", pattern=SLUG, doc="a project of cpec_projects, or 'cpec' for the corridor as a whole"),
        Col("metric"),
        Col("value", "float", min=0),
        Col("unit", choices=("USD bn", "USD m", "PKR m", "MW")),
        Col("as_of", doc="date or period as the source gives it"),
        Col("as_of_date", "partial_date", required=False, earliest="2000-01-01", latest="2030-12-31",
            doc="the same, machine-readable, where known; blank = undated: leave the row off a time axis"),
        Col("event_id", required=False, pattern=SLUG, doc="the decision or announcement the figure reports; rows reporting the same one share it"),
        Col("qualifier", choices=QUALIFIERS),
        Col("source_id"),
        Col("confidence", choices=CONFIDENCE),
        Col("note", required=False),
    ),
    key=("project_id", "metric", "as_of", "source_id"),
)

# == attacks on Chinese nationals ===================================================================
PROVINCES = ("Balochistan", "Sindh", "Khyber Pakhtunkhwa", "Punjab", "Gilgit-Baltistan", "Islamabad Capital Territory", "Azad Kashmir")
ATTACKS = TableSchema(
    topic="Attacks on Chinese nationals",
    doc="Attacks on Chinese nationals and Chinese-linked sites in Pakistan: date (to the precision known), place, a point and "
        "how precise it is, target and claimant. Casualties are in attack_casualties.",
    columns=(
        Col("incident_id", pattern=INCIDENT),
        Col("date", "partial_date", earliest="2000-01-01", latest="2026-12-31"),
        Col("date_precision", choices=("day", "month", "year")),
        Col("place"),
        Col("district"),
        Col("province", choices=PROVINCES),
        *point_columns(),
        Col("target"),
        Col("claimed_by", required=False, doc="blank: no claim found in the sources read"),
        Col("source_id"),
        Col("confidence", choices=CONFIDENCE),
        Col("note", required=False),
    ),
    key=("incident_id",),
    source_columns=("source_id", "coord_source_id"),
    row_checks=(date_matches_precision("date", "date_precision"), *located_unless_none()),
    table_checks=(sorted_by("date"),),
)

ATTACK_CASUALTIES = TableSchema(
    topic="Attacks on Chinese nationals",
    doc="Casualties of each attack as each source counts them: conflicting counts are separate rows with their own source. "
        "A count not reported is absent, not zero.",
    columns=(
        Col("incident_id", pattern=INCIDENT, doc="an incident of attacks_on_chinese_nationals"),
        Col("measure", choices=("chinese_killed", "total_killed", "chinese_injured", "total_injured", "attackers_killed"),
            doc="total_* exclude the attackers"),
        Col("value_low", "int", min=0, unit="persons"),
        Col("value_high", "int", required=False, min=0, unit="persons", doc="equal to value_low for an exact count; blank for 'at least'"),
        Col("source_id"),
        Col("note", required=False),
    ),
    key=("incident_id", "measure", "source_id"),
    row_checks=(at_least("value_high", "value_low"),),
)

# == critical minerals ================================================================================
MINERAL_SITES = TableSchema(
    topic="Critical minerals",
    doc="Mining sites and prospects: established (an operating mine or reserves in a feasibility study) or claimed "
        "(survey estimates, expert or political statements), with a point where one is sourced.",
    columns=(
        Col("site_id", pattern=SLUG),
        Col("name"),
        Col("minerals"),
        Col("province", choices=PROVINCES),
        Col("district", required=False),
        *point_columns(),
        Col("status"),
        Col("claim_class", choices=("established", "claimed")),
        Col("claim_basis", doc="why the site is classed so"),
        Col("operator_partners"),
        Col("key_figures", doc="summary with the source ids in brackets; numbers in mineral_figures"),
        Col("source_id"),
        Col("note", required=False),
    ),
    key=("site_id",),
    source_columns=("source_id", "coord_source_id"),
    cited_in_text=("coord_basis", "key_figures", "note"),
    row_checks=located_unless_none(),
)

MINERAL_FIGURES = TableSchema(
    topic="Critical minerals",
    doc="Figures about the mineral sites (costs, reserves, capacities) and national claims (site_id 'pakistan'); "
        "conflicting figures are separate rows.",
    columns=(
        Col("site_id", pattern=SLUG, doc="a site of mineral_sites, or 'pakistan' for national claims"),
        Col("figure"),
        Col("value", "float", min=0),
        Col("value_high", "float", required=False, min=0, doc="upper end where the source gives a range"),
        Col("unit"),
        Col("as_of"),
        Col("source_id"),
        Col("confidence", choices=CONFIDENCE),
        Col("note", required=False),
    ),
    key=("site_id", "figure", "source_id"),
    row_checks=(at_least("value_high", "value"),),
)

# == high-level contacts ===============================================================================
CONTACTS = TableSchema(
    topic="High-level contacts",
    doc="High-level contacts of Pakistan with China and with the United States, 2024-2025 (and the first found in 2026): "
        "who met or spoke, where, what was said or agreed, and the sources.",
    columns=(
        Col("date", "partial_date", earliest="2024-01-01", latest="2026-12-31", doc="where it happened (time zones noted)"),
        Col("date_precision", choices=("day", "month")),
        Col("power", choices=("China", "United States")),
        Col("event_type", choices=("visit", "meeting", "call", "statement", "agreement", "tariff action")),
        Col("pakistani_side"),
        Col("foreign_side"),
        Col("place"),
        Col("summary", doc="what happened, paraphrased"),
        Col("source_id", doc="main source first, then corroborating ones"),
        Col("note", required=False),
    ),
    key=("date", "power", "event_type", "pakistani_side", "foreign_side"),
    row_checks=(date_matches_precision("date", "date_precision"),),
)

#: dataset name -> schema. The catalogue's ``dataset`` field must name one of these.
SCHEMAS: dict[str, TableSchema | GeoSchema] = {
    "places": PLACES,
    "key_facts": KEY_FACTS,
    "cpec_waypoints": CPEC_WAYPOINTS,
    "brief_claims": BRIEF_CLAIMS,
    "ne_countries_50m": NE_COUNTRIES,
    "ne_boundary_lines_50m": NE_BOUNDARY_LINES,
    "ne_lakes_50m": NE_LAKES,
    "ne_countries_10m": NE_COUNTRIES,
    "us_aid_greenbook": US_AID_GREENBOOK,
    "us_aid_fagov": US_AID_FAGOV,
    "us_aid_crs": US_AID_CRS,
    "us_aid_econ_mil": US_AID_ECON_MIL,
    "us_aid_crs_series": US_AID_CRS_SERIES,
    "trade_dots": TRADE_DOTS,
    "trade_census_monthly": TRADE_CENSUS_MONTHLY,
    "trade_reported": TRADE_REPORTED,
    "us_tariffs_2025": US_TARIFFS,
    "china_pakistan_trade": CHINA_PAKISTAN_TRADE,
    "china_pakistan_mirror_gap": CHINA_PAKISTAN_MIRROR_GAP,
    "us_pakistan_trade": US_PAKISTAN_TRADE,
    "sipri_tiv": SIPRI_TIV,
    "sipri_register": SIPRI_REGISTER,
    "sipri_shares": SIPRI_SHARES,
    "sipri_shares_computed": SIPRI_SHARES_COMPUTED,
    "cgit_annual": CGIT_ANNUAL,
    "aiddata_gcdf3": AIDDATA_GCDF3,
    "cpec_projects": CPEC_PROJECTS,
    "cpec_figures": CPEC_FIGURES,
    "attacks": ATTACKS,
    "attack_casualties": ATTACK_CASUALTIES,
    "mineral_sites": MINERAL_SITES,
    "mineral_figures": MINERAL_FIGURES,
    "contacts": CONTACTS,
}


def load(name: str, *, catalog: Catalog | None = None) -> pd.DataFrame:
    """Load and validate one dataset by name (all its parts), or raise DataError."""
    if name not in SCHEMAS:
        raise KeyError(f"unknown dataset {name!r}; known: {', '.join(sorted(SCHEMAS))}")
    catalog = catalog or Catalog()
    schema = SCHEMAS[name]
    records = catalog.for_dataset(name)
    if not records:
        raise KeyError(f"dataset {name!r} has no file in {catalog.path}")
    if isinstance(schema, GeoSchema):
        if len(records) != 1:
            raise KeyError(f"dataset {name!r}: GeoJSON datasets have one file, the catalogue lists {len(records)}")
        return read_geojson(catalog, records[0], schema)
    frames = [read_table(catalog, rec, schema) for rec in records]
    if len(frames) == 1:
        return frames[0]
    df = pd.concat(frames, ignore_index=True)
    dup = df.duplicated(list(schema.key), keep="first")
    if dup.any():
        row = df[dup].iloc[0]
        shown = ", ".join(f"{k}={row[k]}" for k in schema.key)
        files = " and ".join(r.path for r in records)
        raise DataError(files, None, ",".join(schema.key), f"a key unique across the parts of {name}", f"{shown} in more than one part")
    df.attrs["source_file"] = ", ".join(r.path for r in records)
    df.attrs["units"] = frames[0].attrs.get("units", {})
    return df


# -- named loaders: what chapters call ------------------------------------------------------------
def places(catalog: Catalog | None = None) -> pd.DataFrame:
    """Places indexed by ``place_id``."""
    return load("places", catalog=catalog).set_index("place_id", drop=False)


def key_facts(catalog: Catalog | None = None) -> pd.DataFrame:
    return load("key_facts", catalog=catalog)


def fact(facts: pd.DataFrame, fact_id: str, as_of: str | None = None) -> pd.Series:
    """The one row of a fact (for a given ``as_of`` if the fact has several); KeyError if not exactly one."""
    rows = facts[facts["fact_id"] == fact_id]
    if as_of is not None:
        rows = rows[rows["as_of"] == as_of]
    if len(rows) != 1:
        raise KeyError(f"fact {fact_id!r} (as_of={as_of!r}) matches {len(rows)} rows; expected 1")
    return rows.iloc[0]


def cpec_waypoints(catalog: Catalog | None = None) -> pd.DataFrame:
    return load("cpec_waypoints", catalog=catalog).sort_values(["route_id", "seq"], ignore_index=True)


def basemap(resolution: str = "50m", catalog: Catalog | None = None) -> dict:
    """The base geography layers at a resolution: ``{"countries": ..., "boundaries": ..., "lakes": ...}``."""
    layers = {"countries": f"ne_countries_{resolution}"}
    if resolution == "50m":
        layers |= {"boundaries": "ne_boundary_lines_50m", "lakes": "ne_lakes_50m"}
    return {k: load(v, catalog=catalog) for k, v in layers.items()}



# -- named loaders for the later chapters ------------------------------------------------------------
# A dataset needing no index, order or filter is read with ``load(name)``; a loader here adds one of them.
def us_aid(catalog: Catalog | None = None) -> pd.DataFrame:
    """US aid obligations by fiscal year and category (economic, military, total), current and constant dollars, in year order.

    FY2021-FY2024 have a total but a blank split: plot them as gaps, not zeros. A 0 in a year with Greenbook rows
    means the Greenbook records no account of that category that year (the note says so).
    """
    return load("us_aid_econ_mil", catalog=catalog)


def _trade(name: str, period_type: str, catalog: Catalog | None) -> pd.DataFrame:
    if period_type not in ("calendar_year", "fiscal_year"):
        raise ValueError(f"period_type must be 'calendar_year' or 'fiscal_year', not {period_type!r}")
    df = load(name, catalog=catalog)
    out = df[df["period_type"] == period_type].reset_index(drop=True)
    out.attrs = df.attrs
    return out


def china_pakistan_trade(period_type: str, catalog: Catalog | None = None) -> pd.DataFrame:
    """China-Pakistan goods trade by direction and reporter, for calendar years or Pakistani fiscal years (never both).

    The two reporters' figures are separate rows. Fiscal years are indexed by ``fiscal_year_end``; their ``year`` is blank.
    """
    return _trade("china_pakistan_trade", period_type, catalog)


def us_pakistan_trade(period_type: str, catalog: Catalog | None = None) -> pd.DataFrame:
    """US-Pakistan goods trade by direction, reporter, measure and basis, for calendar years or Pakistani fiscal years (never both)."""
    return _trade("us_pakistan_trade", period_type, catalog)


def tariff_steps(catalog: Catalog | None = None) -> pd.DataFrame:
    """The 2025 US tariff steps for Pakistan, in order."""
    return load("us_tariffs_2025", catalog=catalog).sort_values("step", ignore_index=True)


def arms_imports(catalog: Catalog | None = None, *, vintage: str = SIPRI_2022) -> pd.DataFrame:
    """SIPRI TIV by supplier and year for one database vintage (supplier 'Total' is SIPRI's total)."""
    df = load("sipri_tiv", catalog=catalog)
    out = df[df["source_id"] == vintage].reset_index(drop=True)
    out.attrs = df.attrs
    return out


def arms_supplier_shares(catalog: Catalog | None = None, *, computed: bool = False) -> pd.DataFrame:
    """Five-year supplier shares: as SIPRI publishes them (default) or computed from the TIV by year."""
    return load("sipri_shares_computed" if computed else "sipri_shares", catalog=catalog)


def cpec_projects(catalog: Catalog | None = None) -> pd.DataFrame:
    """CPEC projects indexed by project_id."""
    return load("cpec_projects", catalog=catalog).set_index("project_id", drop=False)


def ml1_cost_estimates(catalog: Catalog | None = None, *, dated_only: bool = False) -> pd.DataFrame:
    """The ML-1 railway's whole-project cost estimates in US$ bn (not the phase costs), dated ones in date order, undated last.

    Rows reporting the same decision share an ``event_id``; ``dated_only`` leaves out the undated rows (for a time axis).
    """
    f = load("cpec_figures", catalog=catalog)
    ml1 = f[(f["project_id"] == "ml1_railway") & (f["unit"] == "USD bn") & ~f["metric"].str.startswith("phase ")].copy()
    if dated_only:
        ml1 = ml1[ml1["as_of_date"].notna()]
    ml1["_order"] = ml1["as_of_date"].fillna("9999")
    out = ml1.sort_values(["_order", "source_id"]).drop(columns="_order").reset_index(drop=True)
    out.attrs = f.attrs
    return out


def attacks(catalog: Catalog | None = None) -> pd.DataFrame:
    """Attacks on Chinese nationals, indexed by incident_id."""
    return load("attacks", catalog=catalog).set_index("incident_id", drop=False)


def mineral_sites(catalog: Catalog | None = None) -> pd.DataFrame:
    """Mineral sites indexed by site_id."""
    return load("mineral_sites", catalog=catalog).set_index("site_id", drop=False)


def contacts(catalog: Catalog | None = None) -> pd.DataFrame:
    """High-level contacts with China and the United States, in date order."""
    df = load("contacts", catalog=catalog)
    out = df.sort_values(["date", "power"], kind="stable", ignore_index=True)
    out.attrs = df.attrs
    return out
