"""Arms transfers: SIPRI trend-indicator values, the trade register, published and computed five-year shares."""

from __future__ import annotations

import pandas as pd

from . import keep_attrs, load
from .catalog import Catalog
from .common import CONFIDENCE
from .derivation import csv_text, fmt
from .validate import (
    Col,
    TableSchema,
    blank_if,
    not_before,
    required_if,
    sorted_by,
)

TITLE = "Arms transfers"

#: SIPRI arms-transfer TIV: the 2022 vintage (by supplier) and the October 2024 export (totals, register).
SIPRI_2022 = "SIPRI_AT_VALUES_2022_VIA_LAJH87"
SIPRI_2024 = "SIPRI_AT_VALUES_2024-10_VIA_MJHOFMANN"

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
        return (
            "value_pct",
            f"a share between 0 and 100, because 'metric' is {row['metric']}",
            repr(f"{row['value_pct']:.15g}"),
        )
    return None


SIPRI_SHARES = TableSchema(
    doc="Five-year figures SIPRI publishes in its annual fact sheets: suppliers' shares of Pakistan's major-arms imports, "
    "Pakistan's share of world imports, the change on the previous five years. Revisions by later releases are separate rows.",
    columns=(
        Col("period", pattern=r"\d{4}-\d{2}", doc="five-year period, e.g. 2020-24"),
        Col(
            "metric",
            choices=(
                "supplier_share",
                "share_of_world_imports",
                "change_on_previous_period",
                "share_of_china_exports_to_pakistan",
            ),
        ),
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
        blank_if(
            "supplier",
            "metric",
            ("share_of_world_imports", "change_on_previous_period", "share_of_china_exports_to_pakistan"),
        ),
        _share_bounds,
    ),
)

SIPRI_SHARES_COMPUTED = TableSchema(
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


# -- derivation rules (data/derived/) ------------------------------------------------------------
# -- arms -----------------------------------------------------------------------------------------
def make_sipri_shares_computed() -> str:
    """For every five-year window 1950-54 ... 2017-21: each supplier's TIV over the window and its share of SIPRI's
    total TIV over the window (SIPRI 2022 vintage).
    """
    tiv = arms_imports(vintage=SIPRI_2022)
    first, last = int(tiv["year"].min()), int(tiv["year"].max())
    header = ["period", "first_year", "last_year", "supplier", "tiv_m", "total_tiv_m", "share_pct", "source_id"]
    rows = []
    for end in range(first + 4, last + 1):
        start = end - 4
        win = tiv[(tiv["year"] >= start) & (tiv["year"] <= end)]
        total = win.loc[win["supplier"] == "Total", "tiv_m"].sum()
        if not total:
            continue
        sums = win[win["supplier"] != "Total"].groupby("supplier")["tiv_m"].sum()
        for supplier in sorted(sums.index):
            rows.append(
                [
                    f"{start}-{str(end)[2:]}",
                    start,
                    end,
                    supplier,
                    fmt(sums[supplier]),
                    fmt(total),
                    fmt(100 * sums[supplier] / total, 2),
                    SIPRI_2022,
                ]
            )
    return csv_text(header, rows)


SCHEMAS = {
    "sipri_tiv": SIPRI_TIV,
    "sipri_register": SIPRI_REGISTER,
    "sipri_shares": SIPRI_SHARES,
    "sipri_shares_computed": SIPRI_SHARES_COMPUTED,
}
#: derived file (relative to data/) -> the rule that makes its text
DERIVED = {"derived/sipri/sipri_five_year_shares_computed.csv": make_sipri_shares_computed}


def arms_imports(catalog: Catalog | None = None, *, vintage: str = SIPRI_2022) -> pd.DataFrame:
    """SIPRI TIV by supplier and year for one database vintage (supplier 'Total' is SIPRI's total)."""
    df = load("sipri_tiv", catalog=catalog)
    return keep_attrs(df[df["source_id"] == vintage].reset_index(drop=True), df)


def supplier_shares(catalog: Catalog | None = None, *, computed: bool = False) -> pd.DataFrame:
    """Five-year supplier shares: as SIPRI publishes them (default) or computed from the TIV by year."""
    return load("sipri_shares_computed" if computed else "sipri_shares", catalog=catalog)
