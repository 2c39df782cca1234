"""The rules that derive the book's tables in ``data/derived/`` from the raw data, byte for byte.

Every input is read through its validating loader (:func:`pakbook.data.load`), so a raw file
that fails its schema or its checksum stops the derivation. Nothing is typed in by hand:
conflicting figures stay separate rows, gaps stay blank. ``scripts/derive_tables.py`` writes
the tables (or, with ``--check``, compares them with the committed files).

Tables (dataset names of data/catalog.yml):

``us_aid_econ_mil``
    US aid obligations by fiscal year: economic, military, total. FY1948-FY2020 are sums
    of the Greenbook's account rows; a category without rows in a year that has rows is 0,
    with a note saying that the Greenbook records no account of that category that year
    (an inferred zero, not a published one). FY2021-FY2024 carry ForeignAssistance.gov's
    total and a blank split (the Greenbook vintage ends in FY2020); FY2025, incomplete at
    the vintage, is left out. FY1949-FY1950, with no rows in either source, are blank rows.
    Constant FY2023 dollars are current dollars times ForeignAssistance.gov's deflator for
    the year (its constant/current ratio for obligations); constant 2020 dollars are the
    Greenbook's own.
``us_aid_crs_series``
    CRS security-related, economic-related, Coalition Support Fund and total figures for
    FY2002-FY2007 (cumulative) and each later fiscal year, each from the latest CRS edition
    that reports that period (later editions replace estimates and requests with actuals).
``china_pakistan_trade``
    China-Pakistan flows by direction and reporter: IMF DOTS 1960-2020 (both reporters);
    press-reported figures only for calendar years DOTS does not cover for that reporter and
    direction (and the brief's 2024 figures, not found, as blank rows); Pakistani fiscal
    years as their own rows, with a blank ``year`` and their end year in ``fiscal_year_end``.
    A press figure's measure says when it includes services or does not say. Totals and
    part-year figures stay in the raw table.
``china_pakistan_mirror_gap``
    For each year and direction with both reports in DOTS: exporter-reported exports (FOB)
    minus importer-reported imports (CIF), and that gap as a percentage of the latter.
``us_pakistan_trade``
    US-Pakistan flows by direction and reporter: both DOTS vintages (US-reported imports at
    customs value, which DOTS labels CIF), US Census customs-basis imports summed by calendar
    year (months counted), and the exports and imports figures of the press-reported table
    (balances and totals stay there), fiscal years as in ``china_pakistan_trade``.
``sipri_shares_computed``
    For every five-year window 1950-54 ... 2017-21: each supplier's TIV over the window and
    its share of SIPRI's total TIV over the window (SIPRI 2022 vintage).
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict

from . import data
from .data import DOTS_2020, DOTS_2022, FAGOV, GREENBOOK, SIPRI_2022

LAST_FAGOV_FY = 2024  # FY2025 was incomplete at the ForeignAssistance.gov vintage


def fmt(x, decimals: int = 3) -> str:
    """A number written without float noise: at most ``decimals`` decimals, no trailing zeros; blank for None/NaN."""
    if x is None or x != x:
        return ""
    text = f"{float(x):.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def csv_text(header: list[str], rows: list[list]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    for r in rows:
        assert len(r) == len(header), r
        w.writerow(["" if v is None else v for v in r])
    return buf.getvalue()


def _val(v):
    """None for a blank cell (None or NaN), else the value."""
    return None if v is None or v != v else v


def txt(v) -> str:
    """A text cell, blank for a blank."""
    v = _val(v)
    return "" if v is None else str(v)


def fy_year(fy: str) -> int:
    return int(fy[:4])


def fy_months(fy: str) -> int:
    return 3 if fy.endswith("TQ") else 12


def fy_order(fy: str):
    return (int(fy[:4]), fy.endswith("TQ"))


# -- US aid ---------------------------------------------------------------------------------------
#: The note of a category that has no Greenbook account in a year that has others.
NO_ACCOUNT_ROWS = "no {cat} account rows in the Greenbook for this year (0 = none recorded, inferred)"


def us_aid_econ_mil() -> str:
    gb = data.load("us_aid_greenbook")
    fa = data.load("us_aid_fagov")
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
    header = ["fiscal_year", "year", "months", "category", "obligations_current_usd", "obligations_constant2020_usd",
              "obligations_constant_fy2023_usd", "basis", "source_id", "note"]
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
                rows.append(lead + [cat, fmt(cur, 0), fmt(c2020, 0), fmt(c2023, 0),
                                    "Greenbook obligations, sum of the accounts", f"{GREENBOOK};{FAGOV}", "; ".join(notes)])
        elif fy in fa_years:
            r = ob.loc[fy]
            gap = "split not available: the Greenbook vintage read ends in FY2020"
            for cat in ("economic", "military"):
                rows.append(lead + [cat, "", "", "", "ForeignAssistance.gov gives no split", FAGOV, gap])
            rows.append(lead + ["total", fmt(r["current_usd"], 0), "", fmt(r["constant_usd"], 0),
                                "ForeignAssistance.gov country total obligations", FAGOV,
                                "constant 2020 dollars not available (Greenbook vintage ends in FY2020)"])
        else:
            for cat in ("economic", "military", "total"):
                rows.append(lead + [cat, "", "", "", "no rows in either source", f"{GREENBOOK};{FAGOV}",
                                    "no obligations recorded for this year in the Greenbook or ForeignAssistance.gov"])
    return csv_text(header, rows)


CRS_SERIES = {"Total Security-Related": "security", "Total Economic-Related": "economic",
              "CSF Reimbursements": "csf", "Grand Total": "total"}


def us_aid_crs_series() -> str:
    crs = data.load("us_aid_crs")
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
    for (period, series), (_, r) in sorted(best.items(), key=lambda kv: (int(kv[0][0][2:6]), kv[0][0], order.index(kv[0][1]))):
        first, last = period[2:6], period[-4:]
        rows.append([period, first, last, r["period_type"], series, fmt(_val(r["value_usd_m"])), txt(r["value_flag"]), r["source_id"]])
    return csv_text(header, rows)


# -- trade ----------------------------------------------------------------------------------------
def _dots(reporter: str, partner: str, source: str):
    d = data.load("trade_dots")
    return d[(d["reporter"] == reporter) & (d["partner"] == partner) & (d["source_id"] == source)]


def _direction(reporter: str, flow: str, a: str, b: str, da: str, db: str) -> str:
    """Direction of a reporter's flow between countries a and b (named da = a_to_b, db = b_to_a)."""
    if reporter == a:
        return da if flow == "exports" else db
    return db if flow == "exports" else da


#: The measure of a press-reported flow, by what the figure covers (data.SCOPES).
_SCOPE_SUFFIX = {"goods": "", "goods_and_services": " (goods and services)", "not_stated": " (scope not stated)"}


def reported_measure(flow: str, scope: str) -> str:
    """``imports``, ``imports (goods and services)`` or ``imports (scope not stated)``."""
    return flow + _SCOPE_SUFFIX[scope]


def _period(period_type: str, end_year: int) -> list:
    """The columns year and fiscal_year_end: a fiscal year's end year never sits in 'year'."""
    return [end_year, ""] if period_type == "calendar_year" else ["", end_year]


def _sort_key(row: list, *rest: int):
    """Calendar years first, then fiscal years, each by its year, then the given columns."""
    calendar = row[1] == "calendar_year"
    return (not calendar, row[2] if calendar else row[3], *(row[i] for i in rest))


def china_pakistan_trade() -> str:
    header = ["period", "period_type", "year", "fiscal_year_end", "direction", "reporter", "measure", "value_usd_m", "qualifier",
              "status", "basis", "source_id", "note"]
    rows, covered = [], set()
    for reporter, partner in (("China", "Pakistan"), ("Pakistan", "China")):
        for _, r in _dots(reporter, partner, DOTS_2020).iterrows():
            direction = _direction(reporter, r["flow"], "China", "Pakistan", "china_to_pakistan", "pakistan_to_china")
            covered.add((int(r["year"]), direction, reporter))
            rows.append([str(r["year"]), "calendar_year", *_period("calendar_year", int(r["year"])), direction, reporter,
                         f"{r['flow']} {r['valuation']}", fmt(r["value_usd_m"]), "exact", "reported", f"IMF DOTS, {reporter}-reported",
                         DOTS_2020, ""])
    rep = data.load("trade_reported")
    rep = rep[rep["reporter"].isin(["China", "Pakistan"]) & rep["partner"].isin(["China", "Pakistan"])
              & rep["flow"].isin(["exports", "imports"]) & (rep["period_type"] != "part_year")]
    for _, r in rep.iterrows():
        direction = _direction(r["reporter"], r["flow"], "China", "Pakistan", "china_to_pakistan", "pakistan_to_china")
        year = r["period_end"].year
        if r["period_type"] == "calendar_year" and (year, direction, r["reporter"]) in covered:
            continue
        rows.append([r["period"], r["period_type"], *_period(r["period_type"], year), direction, r["reporter"],
                     reported_measure(r["flow"], r["scope"]), fmt(_val(r["value_usd_m"])), txt(r["qualifier"]),
                     r["status"], r["basis"], r["source_id"], txt(r["note"])])
    rows.sort(key=lambda x: _sort_key(x, 4, 5, 11))
    return csv_text(header, rows)


def china_pakistan_mirror_gap() -> str:
    header = ["year", "direction", "exporter_reported_usd_m", "importer_reported_usd_m", "gap_usd_m", "gap_pct", "source_id"]
    exp_cn = _dots("China", "Pakistan", DOTS_2020)
    exp_pk = _dots("Pakistan", "China", DOTS_2020)
    rows = []
    for direction, exporter, importer in (("china_to_pakistan", exp_cn, exp_pk), ("pakistan_to_china", exp_pk, exp_cn)):
        ex = exporter[exporter["flow"] == "exports"].set_index("year")["value_usd_m"]
        im = importer[importer["flow"] == "imports"].set_index("year")["value_usd_m"]
        for y in sorted(set(ex.index) & set(im.index)):
            gap = ex[y] - im[y]
            pct = 100 * gap / im[y] if im[y] else None
            rows.append([int(y), direction, fmt(ex[y]), fmt(im[y]), fmt(gap, 1), fmt(pct, 2), DOTS_2020])
    rows.sort(key=lambda x: (x[0], x[1]))
    return csv_text(header, rows)


def us_pakistan_trade() -> str:
    header = ["period", "period_type", "year", "fiscal_year_end", "direction", "reporter", "measure", "value_usd_m", "qualifier",
              "months", "basis", "source_id", "note"]
    rows = []
    for source, vintage in ((DOTS_2020, "vintage to 2020"), (DOTS_2022, "vintage to 2022")):
        for reporter, partner in (("United States", "Pakistan"), ("Pakistan", "United States")):
            for _, r in _dots(reporter, partner, source).iterrows():
                direction = _direction(reporter, r["flow"], "United States", "Pakistan", "us_to_pakistan", "pakistan_to_us")
                rows.append([str(r["year"]), "calendar_year", *_period("calendar_year", int(r["year"])), direction, reporter,
                             f"{r['flow']} {r['valuation']}", fmt(r["value_usd_m"]), "exact", 12,
                             f"IMF DOTS ({vintage}), {reporter}-reported", source, ""])
    census = data.load("trade_census_monthly")
    by_year: dict = defaultdict(list)
    for _, r in census.iterrows():
        by_year[(r["month"].year, r["source_id"])].append(r["value_usd_m"])
    for (year, source), values in sorted(by_year.items()):
        note = "" if len(values) == 12 else f"{len(values)} months only: not a full year"
        rows.append([str(year), "calendar_year", *_period("calendar_year", year), "pakistan_to_us", "United States",
                     "imports, customs value", fmt(sum(values), 1), "exact", len(values),
                     "US Census, customs basis (sum of the monthly values)", source, note])
    rep = data.load("trade_reported")
    rep = rep[rep["reporter"].isin(["United States", "Pakistan"]) & rep["partner"].isin(["United States", "Pakistan"])
              & rep["flow"].isin(["exports", "imports"])]
    for _, r in rep.iterrows():
        direction = _direction(r["reporter"], r["flow"], "United States", "Pakistan", "us_to_pakistan", "pakistan_to_us")
        rows.append([r["period"], r["period_type"], *_period(r["period_type"], r["period_end"].year), direction, r["reporter"],
                     reported_measure(r["flow"], r["scope"]), fmt(r["value_usd_m"]), r["qualifier"], 12, r["basis"],
                     r["source_id"], txt(r["note"])])
    rows.sort(key=lambda x: _sort_key(x, 4, 5, 6, 11))
    return csv_text(header, rows)


# -- arms -----------------------------------------------------------------------------------------
def sipri_shares_computed() -> str:
    tiv = data.arms_imports(vintage=SIPRI_2022)
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
            rows.append([f"{start}-{str(end)[2:]}", start, end, supplier, fmt(sums[supplier]), fmt(total),
                         fmt(100 * sums[supplier] / total, 2), SIPRI_2022])
    return csv_text(header, rows)


#: derived file (relative to data/) -> function that makes its text
TABLES = {
    "derived/us_aid/us_aid_econ_mil_by_fy.csv": us_aid_econ_mil,
    "derived/us_aid/us_aid_crs_series_fy2002_2020.csv": us_aid_crs_series,
    "derived/trade/china_pakistan_goods_trade.csv": china_pakistan_trade,
    "derived/trade/china_pakistan_mirror_gap.csv": china_pakistan_mirror_gap,
    "derived/trade/us_pakistan_goods_trade.csv": us_pakistan_trade,
    "derived/sipri/sipri_five_year_shares_computed.csv": sipri_shares_computed,
}
