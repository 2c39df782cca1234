"""US aid: the Greenbook, ForeignAssistance.gov and CRS tables, and the derived economic/military series."""

from __future__ import annotations

from collections import defaultdict

import pandas as pd

from . import load
from .catalog import Catalog
from .common import US_FY, fy_between
from .derivation import csv_text, fmt, fy_months, fy_order, fy_year, txt, val
from .validate import (
    Col,
    TableSchema,
    not_before,
    reason_if_blank,
    same_sign,
    sorted_by,
)

TITLE = "US aid"

#: FY2025 was incomplete at the ForeignAssistance.gov vintage.
LAST_FAGOV_FY = 2024

# -- source vintages ---------------------------------------------------------------------------------
# Source ids of the data vintages that code selects by name (derivation rules, loaders' defaults, tests): named here once.
GREENBOOK = "USAID_GREENBOOK_2022-08"
FAGOV = "FAGOV_COUNTRY_2025"

# == US aid ======================================================================================
US_AID_GREENBOOK = TableSchema(
    doc="US obligations to Pakistan by fiscal year and account, economic or military, as the USAID Greenbook publishes them "
    "(negative amounts are de-obligations). Excludes Coalition Support Funds, which are not foreign assistance.",
    columns=(
        Col(
            "fiscal_year",
            pattern=US_FY,
            doc="US fiscal year (to FY1976 July-June, from FY1977 October-September; 1976TQ = July-September 1976)",
        ),
        Col("assistance_category", choices=("Economic", "Military"), doc="as the Greenbook classifies the account"),
        Col("publication_row", doc="the Greenbook's programme group"),
        Col("funding_agency"),
        Col("funding_account_name"),
        Col("obligations_current_usd", "float", unit="US$ (current)"),
        Col("obligations_constant2020_usd", "float", unit="US$ (constant 2020, Greenbook deflator)"),
        Col("source_id"),
    ),
    key=("fiscal_year", "assistance_category", "publication_row", "funding_agency", "funding_account_name"),
    row_checks=(
        fy_between("fiscal_year", 1946, 2020),
        same_sign("obligations_current_usd", "obligations_constant2020_usd"),
    ),
)

US_AID_FAGOV = TableSchema(
    doc="ForeignAssistance.gov country totals for Pakistan by fiscal year and transaction type (no economic/military split).",
    columns=(
        Col("fiscal_year", pattern=US_FY),
        Col(
            "transaction_type",
            choices=("Obligations", "Disbursements", "Appropriated and Planned", "President's Budget Requests"),
        ),
        Col("current_usd", "float", min=0, unit="US$ (current)"),
        Col("constant_usd", "float", min=0, unit="US$ (constant, base in constant_base_fy)"),
        Col(
            "constant_base_fy",
            "year",
            min=2015,
            max=2030,
            doc="base year of the constant dollars, inferred: the year whose constant and current amounts are equal",
        ),
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
    doc="CRS tables of US aid appropriations for Pakistan and military reimbursements, FY2002 onward, by account, "
    "one row per edition: editions revise earlier years, so each edition's figures are kept.",
    columns=(
        Col("source_id", doc="the CRS edition"),
        Col("period", pattern=r"FY\d{4}(-FY\d{4})?", doc="a fiscal year or, for cumulative columns, a range"),
        Col("period_type", choices=("annual", "estimate", "cumulative", "request")),
        Col("line_item", doc="account as CRS labels it (FMF, ESF, CSF Reimbursements, totals...)"),
        Col(
            "category",
            choices=("security", "economic", "csf", "total"),
            doc="CRS grouping; csf = Coalition Support Funds (Pentagon reimbursements, not aid)",
        ),
        Col(
            "value_usd_m",
            "float",
            required=False,
            min=0,
            unit="US$ million (current, rounded)",
            doc="blank where CRS gives no figure",
        ),
        Col("value_flag", required=False, doc="why a figure is blank, or a footnote attached to it"),
    ),
    key=("source_id", "period", "line_item"),
    row_checks=(reason_if_blank("value_usd_m", "value_flag"), _crs_period_matches_type),
)

US_AID_ECON_MIL = TableSchema(
    period="us_fiscal_year",  # 'year' is the calendar year in which the US fiscal year ends
    doc="US aid obligations to Pakistan by fiscal year: economic, military and total, current and constant dollars. "
    "FY1948-FY2020 summed from the Greenbook accounts; FY2021-FY2024 totals from ForeignAssistance.gov, whose split is not "
    "available (blank). Coalition Support Funds are not included (see the CRS series).",
    columns=(
        Col("fiscal_year", pattern=US_FY),
        Col("year", "year", min=1946, max=2030, doc="calendar year in which the fiscal year ends (1976 for 1976TQ)"),
        Col("months", "int", min=3, max=12, doc="length of the fiscal year (3 for the transition quarter)"),
        Col("category", choices=("economic", "military", "total")),
        Col("obligations_current_usd", "float", required=False, unit="US$ (current)"),
        Col(
            "obligations_constant2020_usd",
            "float",
            required=False,
            unit="US$ (constant 2020)",
            doc="Greenbook deflator; blank after FY2020",
        ),
        Col(
            "obligations_constant_fy2023_usd",
            "float",
            required=False,
            unit="US$ (constant FY2023)",
            doc="current dollars times ForeignAssistance.gov's deflator for that year (its constant/current ratio for obligations)",
        ),
        Col("basis", doc="which source and definition the figure follows"),
        Col("source_id"),
        Col("note", required=False, doc="why a figure is blank"),
    ),
    key=("fiscal_year", "category"),
    row_checks=(reason_if_blank("obligations_current_usd", "note"), fy_between("fiscal_year", 1946, 2030)),
    table_checks=(sorted_by("year"),),
)

US_AID_CRS_SERIES = TableSchema(
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


US_AID_FAGOV_SECTORS = TableSchema(
    period="us_fiscal_year",
    doc="ForeignAssistance.gov obligations and disbursements to Pakistan by US Government sector, FY2021 onward, with "
    "the military-assistance subset of the same data (vintage of October 2026). The sector rows sum to the country "
    "total; the military rows are part of the sector rows, not additional. Negative amounts are de-obligations and "
    "adjustments as published. Excludes Coalition Support Funds, which are not foreign assistance.",
    columns=(
        Col("fiscal_year", pattern=US_FY, doc="US fiscal year (October-September), by the year it ends"),
        Col("transaction_type", choices=("Obligations", "Disbursements")),
        Col(
            "level",
            choices=("sector", "military_subset"),
            doc="sector = one US Government sector's row; military_subset = the rows of assistance category Military, "
            "already counted in the sector rows",
        ),
        Col("usg_category_id", "int", min=1, max=9),
        Col("usg_category_name"),
        Col("usg_sector_id", "int", min=1, max=52),
        Col("usg_sector_name"),
        Col("current_usd", "float", unit="US$ (current)", doc="as published; negative = net de-obligation"),
        Col("source_id"),
        Col("note", required=False),
    ),
    key=("fiscal_year", "transaction_type", "level", "usg_sector_id"),
    row_checks=(fy_between("fiscal_year", 2021, 2030),),
)


# -- derivation rules (data/derived/) ------------------------------------------------------------
#: The note of a category that has no Greenbook account in a year that has others.
NO_ACCOUNT_ROWS = "no {cat} account rows in the Greenbook for this year (0 = none recorded, inferred)"


def make_us_aid_econ_mil() -> str:
    """US aid obligations by fiscal year: economic, military, total. FY1948-FY2020 are sums of the Greenbook's
    account rows; a category without rows in a year that has rows is 0, with a note saying that the Greenbook
    records no account of that category that year (an inferred zero, not a published one). FY2021-FY2024 carry
    ForeignAssistance.gov's total and a blank split (the Greenbook vintage ends in FY2020); FY2025, incomplete at
    the vintage, is left out. FY1949-FY1950, with no rows in either source, are blank rows. Constant FY2023
    dollars are current dollars times ForeignAssistance.gov's deflator for the year (its constant/current ratio
    for obligations); constant 2020 dollars are the Greenbook's own.
    """
    gb = load("us_aid_greenbook")
    fa = load("us_aid_fagov")
    ob = fa[fa["transaction_type"] == "Obligations"].set_index("fiscal_year")
    deflator = {fy: r["constant_usd"] / r["current_usd"] for fy, r in ob.iterrows() if r["current_usd"]}
    sums: dict = defaultdict(lambda: [0.0, 0.0])
    present = set()
    for _, r in gb.iterrows():
        cat = r["assistance_category"].lower()
        sums[(r["fiscal_year"], cat)][0] += r["obligations_current_usd"]
        sums[(r["fiscal_year"], cat)][1] += r["obligations_constant2020_usd"]
        present.add((r["fiscal_year"], cat))
    gb_years = set(gb["fiscal_year"])
    fa_years = {fy for fy in ob.index if fy_year(fy) <= LAST_FAGOV_FY}
    first = min(fy_year(fy) for fy in gb_years | fa_years)
    years = set(gb_years | fa_years) | {str(y) for y in range(first, LAST_FAGOV_FY + 1)}
    header = [
        "fiscal_year",
        "year",
        "months",
        "category",
        "obligations_current_usd",
        "obligations_constant2020_usd",
        "obligations_constant_fy2023_usd",
        "basis",
        "source_id",
        "note",
    ]
    rows = []
    for fy in sorted(years, key=fy_order):
        lead = [fy, fy_year(fy), fy_months(fy)]
        if fy in gb_years:
            econ, mil = sums[(fy, "economic")], sums[(fy, "military")]
            total = [econ[0] + mil[0], econ[1] + mil[1]]
            f = deflator.get(fy)
            for cat, (cur, c2020) in (("economic", econ), ("military", mil), ("total", total)):
                c2023 = round(cur * f) if f is not None else None
                notes = []
                if cat != "total" and (fy, cat) not in present:
                    notes.append(NO_ACCOUNT_ROWS.format(cat=cat))
                if f is None:
                    notes.append("no ForeignAssistance.gov deflator for this year")
                rows.append(
                    lead
                    + [
                        cat,
                        fmt(cur, 0),
                        fmt(c2020, 0),
                        fmt(c2023, 0),
                        "Greenbook obligations, sum of the accounts",
                        f"{GREENBOOK};{FAGOV}",
                        "; ".join(notes),
                    ]
                )
        elif fy in fa_years:
            r = ob.loc[fy]
            gap = "split not available: the Greenbook vintage read ends in FY2020"
            for cat in ("economic", "military"):
                rows.append(lead + [cat, "", "", "", "ForeignAssistance.gov gives no split", FAGOV, gap])
            rows.append(
                lead
                + [
                    "total",
                    fmt(r["current_usd"], 0),
                    "",
                    fmt(r["constant_usd"], 0),
                    "ForeignAssistance.gov country total obligations",
                    FAGOV,
                    "constant 2020 dollars not available (Greenbook vintage ends in FY2020)",
                ]
            )
        else:
            for cat in ("economic", "military", "total"):
                rows.append(
                    lead
                    + [
                        cat,
                        "",
                        "",
                        "",
                        "no rows in either source",
                        f"{GREENBOOK};{FAGOV}",
                        "no obligations recorded for this year in the Greenbook or ForeignAssistance.gov",
                    ]
                )
    return csv_text(header, rows)


CRS_SERIES = {
    "Total Security-Related": "security",
    "Total Economic-Related": "economic",
    "CSF Reimbursements": "csf",
    "Grand Total": "total",
}


def make_us_aid_crs_series() -> str:
    """CRS security-related, economic-related, Coalition Support Fund and total figures for FY2002-FY2007
    (cumulative) and each later fiscal year, each from the latest CRS edition that reports that period (later
    editions replace estimates and requests with actuals).
    """
    crs = load("us_aid_crs")
    crs = crs[crs["line_item"].isin(CRS_SERIES)]
    keep = crs[(~crs["period"].str.contains("-")) | (crs["period"] == "FY2002-FY2007")]
    best: dict = {}
    for _, r in keep.iterrows():
        k = (r["period"], CRS_SERIES[r["line_item"]])
        edition = r["source_id"].rsplit("_", 1)[-1]  # e.g. 2019-03: editions sort by date
        if k not in best or edition > best[k][0]:
            best[k] = (edition, r)
    header = ["period", "fy_first", "fy_last", "period_type", "series", "value_usd_m", "value_flag", "source_id"]
    order = ["security", "economic", "csf", "total"]
    rows = []
    for (period, series), (_, r) in sorted(
        best.items(), key=lambda kv: (int(kv[0][0][2:6]), kv[0][0], order.index(kv[0][1]))
    ):
        first, last = period[2:6], period[-4:]
        rows.append(
            [
                period,
                first,
                last,
                r["period_type"],
                series,
                fmt(val(r["value_usd_m"])),
                txt(r["value_flag"]),
                r["source_id"],
            ]
        )
    return csv_text(header, rows)


SCHEMAS = {
    "us_aid_greenbook": US_AID_GREENBOOK,
    "us_aid_fagov": US_AID_FAGOV,
    "us_aid_crs": US_AID_CRS,
    "us_aid_econ_mil": US_AID_ECON_MIL,
    "us_aid_crs_series": US_AID_CRS_SERIES,
    "us_aid_fagov_sectors": US_AID_FAGOV_SECTORS,
}
#: derived file (relative to data/) -> the rule that makes its text
DERIVED = {
    "derived/us_aid/us_aid_econ_mil_by_fy.csv": make_us_aid_econ_mil,
    "derived/us_aid/us_aid_crs_series_fy2002_2020.csv": make_us_aid_crs_series,
}


def us_aid(catalog: Catalog | None = None) -> pd.DataFrame:
    """US aid obligations by fiscal year and category (economic, military, total), current and constant dollars, in year order.

    FY2021-FY2024 have a total but a blank split: plot them as gaps, not zeros. A 0 in a year with Greenbook rows
    means the Greenbook records no account of that category that year (the note says so).
    """
    return load("us_aid_econ_mil", catalog=catalog)
