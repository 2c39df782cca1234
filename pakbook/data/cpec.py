"""Chinese investment, finance and CPEC: AEI's tracker totals, AidData, CPEC projects, figures and alignments."""

from __future__ import annotations

import pandas as pd

from . import keep_attrs, load
from .catalog import Catalog
from .common import CONFIDENCE, QUALIFIERS, SLUG, located_unless_none, point_columns
from .validate import (
    Col,
    TableSchema,
    at_least,
    both_or_neither,
    sorted_by,
    sums_to,
)

TITLE = "Chinese investment, finance and CPEC"

# -- CPEC alignments ----------------------------------------------------------------------------
CPEC_WAYPOINTS = TableSchema(
    doc="CPEC road and rail alignments as ordered waypoints (towns named by the sources, not road centre-lines). "
    "How far each coordinate can be trusted is in coord_confidence: a low-confidence point is not to be drawn or measured as a waypoint.",
    columns=(
        Col("route_id", pattern=SLUG),
        Col("seq", "int", min=1, doc="order along the route as listed by the source"),
        Col("place"),
        Col(
            "lat",
            "float",
            required=False,
            min=20,
            max=45,
            unit="degree north (WGS 84)",
            doc="blank where no sourced coordinate exists",
        ),
        Col("lon", "float", required=False, min=55, max=80, unit="degree east (WGS 84)"),
        Col(
            "coord_confidence",
            required=False,
            choices=CONFIDENCE,
            doc="how far the coordinate can be trusted: high = a gazetteer record (GeoNames); medium = a reference work read on a "
            "copy (an old Wikipedia revision); low = an unverified value whose source cannot be traced; blank where there is no coordinate",
        ),
        Col("coord_source", doc="where the coordinate comes from, or why it is blank; source ids in brackets"),
        Col("segment_note", required=False, doc="the section that ends at this waypoint"),
        Col("source_id", doc="sources naming the route or this waypoint, ';'-separated"),
    ),
    key=("route_id", "seq"),
    cited_in_text=("coord_source", "segment_note"),
    row_checks=(both_or_neither("lat", "lon"), both_or_neither("coord_confidence", "lat")),
)

# == Chinese investment, finance and CPEC ==========================================================
#: The words a CGIT note must contain when a year's total is one transaction.
SINGLE_TRANSACTION = "single transaction"


def _single_transaction_noted(row):
    if 1 in (row["n_investment_deals"], row["n_construction_contracts"]) and SINGLE_TRANSACTION not in (
        row["note"] or ""
    ):
        return "note", f"a note saying '{SINGLE_TRANSACTION}', because a count is 1", repr(row["note"] or "")
    return None


CGIT_ANNUAL = TableSchema(
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
    doc="Chinese official development finance committed to Pakistan by year and flow class (AidData GCDF 3.0, projects "
    "recommended for aggregates). The adjusted amount is AidData's figure for aggregates: it nets out double counting "
    "(e.g. a loan that refinances an earlier one), so it is at most the amount.",
    columns=(
        Col("commitment_year", "year", min=2000, max=2030),
        Col("flow_class", choices=("ODA-like", "OOF-like", "Vague (official finance)")),
        Col("amount_const2021_usd", "float", min=0, unit="US$ (constant 2021)"),
        Col(
            "adjusted_amount_const2021_usd",
            "float",
            min=0,
            unit="US$ (constant 2021)",
            doc="net of double counting such as refinancing",
        ),
        Col("source_id"),
    ),
    key=("commitment_year", "flow_class"),
    row_checks=(at_least("amount_const2021_usd", "adjusted_amount_const2021_usd"),),
)

CPEC_PROJECTS = TableSchema(
    doc="CPEC and related projects named in the book, with a point where a source gives one and how precise it is.",
    columns=(
        Col("project_id", pattern=SLUG),
        Col("name"),
        Col(
            "category",
            choices=("rail", "road", "port", "airport", "energy_coal", "energy_wind", "energy_hydro", "urban_transit"),
        ),
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
    doc="Headline CPEC figures (project_id 'cpec') and project costs and capacities, one row per figure, date and source: "
    "the ML-1 railway's successive cost estimates are separate rows, never averaged. Rows that report the same decision share "
    "an event_id (count each decision once); a row without as_of_date has no known date and is not to be placed on a time axis.",
    columns=(
        Col("project_id", pattern=SLUG, doc="a project of cpec_projects, or 'cpec' for the corridor as a whole"),
        Col("metric"),
        Col("value", "float", min=0),
        Col("unit", choices=("USD bn", "USD m", "PKR m", "MW", "percent")),
        Col("as_of", doc="date or period as the source gives it"),
        Col(
            "as_of_date",
            "partial_date",
            required=False,
            earliest="2000-01-01",
            latest="2030-12-31",
            doc="the same, machine-readable, where known; blank = undated: leave the row off a time axis",
        ),
        Col(
            "event_id",
            required=False,
            pattern=SLUG,
            doc="the decision or announcement the figure reports; rows reporting the same one share it",
        ),
        Col("qualifier", choices=QUALIFIERS),
        Col("source_id"),
        Col("confidence", choices=CONFIDENCE),
        Col("note", required=False),
    ),
    key=("project_id", "metric", "as_of", "source_id"),
)

SCHEMAS = {
    "cpec_waypoints": CPEC_WAYPOINTS,
    "cgit_annual": CGIT_ANNUAL,
    "aiddata_gcdf3": AIDDATA_GCDF3,
    "cpec_projects": CPEC_PROJECTS,
    "cpec_figures": CPEC_FIGURES,
}


def waypoints(catalog: Catalog | None = None) -> pd.DataFrame:
    """CPEC alignments as ordered waypoints, by route and sequence."""
    return load("cpec_waypoints", catalog=catalog).sort_values(["route_id", "seq"], ignore_index=True)


def projects(catalog: Catalog | None = None) -> pd.DataFrame:
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
    return keep_attrs(ml1.sort_values(["_order", "source_id"]).drop(columns="_order").reset_index(drop=True), f)


# -- proposed by the chapter-2 staging: Gwadar port figures (append to pakbook/data/cpec.py) -------------
GWADAR_PORT = TableSchema(
    doc="Figures stated about Gwadar port's use, capacity and concession, one row per figure, period and source: "
    "scattered points, not a series; comparator ports (Hambantota, Karachi) are rows of their own. A policy target "
    "is not traffic, and 'upper_bound' records the source's 'less than' or 'up to'.",
    columns=(
        Col("port", choices=("Gwadar", "Hambantota", "Karachi")),
        Col("period", doc="as the source gives it: YYYY, YYYY-MM, a range a..b, FYyyyy-yy or c. YYYY"),
        Col("period_type", choices=("calendar_year", "fiscal_year", "part_year", "multi_year", "point_in_time")),
        Col("metric"),
        Col("value", "float", min=0),
        Col("unit", choices=("ships", "tonnes", "percent", "DWT", "berths", "acres", "years")),
        Col("qualifier", choices=(*QUALIFIERS, "upper_bound")),
        Col("stated_by"),
        Col("source_id"),
        Col("confidence", choices=CONFIDENCE),
        Col("note", required=False),
    ),
    key=("port", "period", "metric", "source_id"),
)
SCHEMAS["gwadar_port"] = GWADAR_PORT

#: What a CPEC headline figure measures: these are different claims, never one series.
HEADLINE_BASES = (
    "announced",
    "invested",
    "completed",
    "completed_or_under_construction",
    "under_construction",
    "pipeline",
    "memoranda",
    "debt",
    "media_descriptor",
)

CPEC_HEADLINE_BASIS = TableSchema(
    doc="The book's classification of each CPEC headline figure (the rows of cpec_figures with project_id 'cpec'): "
    "what it measures (announced, invested, completed, under construction, pipeline, memoranda, debt, a media "
    "descriptor) and which side stated it. Made by the authors from each figure's metric and source; not a producer's data.",
    columns=(
        Col("project_id", choices=("cpec",)),
        Col("metric"),
        Col("as_of"),
        Col("source_id"),
        Col("basis", choices=HEADLINE_BASES),
        Col("stated_by_side", doc="who stated the figure"),
    ),
    key=("project_id", "metric", "as_of", "source_id"),
)
SCHEMAS["cpec_headline_basis"] = CPEC_HEADLINE_BASIS


def gwadar_port(catalog: Catalog | None = None) -> pd.DataFrame:
    """Figures stated about Gwadar port's use, capacity and concession (scattered points, not a series)."""
    return load("gwadar_port", catalog=catalog)


def headline_figures(catalog: Catalog | None = None) -> pd.DataFrame:
    """CPEC's headline figures (cpec_figures rows for the corridor as a whole) with what each measures and who
    stated it; a figure without a classification is an error, not a silent gap."""
    f = load("cpec_figures", catalog=catalog)
    head = f[f["project_id"] == "cpec"]
    basis = load("cpec_headline_basis", catalog=catalog)
    keys = ["project_id", "metric", "as_of", "source_id"]
    out = head.merge(basis, on=keys, how="left", validate="one_to_one")
    missing = out[out["basis"].isna()]
    if len(missing):
        raise ValueError(
            f"CPEC headline figures without a basis in cpec_headline_basis: {missing[keys].to_dict('records')}"
        )
    return keep_attrs(out.reset_index(drop=True), f)
