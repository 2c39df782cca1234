"""Trade and tariffs: IMF DOTS, US Census, press-reported official figures, the 2025 tariff steps, and the derived tables."""

from __future__ import annotations

from collections import defaultdict

import pandas as pd

from . import keep_attrs, load
from .catalog import Catalog
from .common import CONFIDENCE, QUALIFIERS, reported_or_not_found
from .derivation import csv_text, fmt, txt, val
from .validate import (
    Col,
    TableSchema,
    blank_if,
    both_or_neither,
    not_before,
    required_if,
    sorted_by,
)

TITLE = "Trade and tariffs"

#: IMF DOTS, data to 2020 (c. January 2022 vintage) and the copy with data to 2022.
DOTS_2020 = "IMF_DOTS_2021VINTAGE_VIA_SAMLEBLANC"
DOTS_2022 = "IMF_DOTS_VIA_JACQPARK"

# == trade =========================================================================================
REPORTERS = ("Pakistan", "China", "United States")
#: The Gulf Cooperation Council's six members, as IMF DOTS names them (a group the book sums, never a reporter).
GCC = ("Bahrain", "Kuwait", "Oman", "Qatar", "Saudi Arabia", "United Arab Emirates")
#: Pakistan's other partners in the statistical files: the EU at its 27 members of 2020 in every year, as the IMF
#: computes it; the Gulf states; and neighbours and entrepots.
OTHER_PARTNERS = (
    "European Union (27, fixed composition)",
    *GCC,
    "United Kingdom",
    "Hong Kong SAR",
    "Afghanistan",
    "India",
    "Singapore",
)
#: Partners named in press-reported figures by destination (State Bank tables as quoted).
REPORTED_PARTNERS = (
    "World",
    "European Union",
    "Germany",
    "Italy",
    "Netherlands",
    "Saudi Arabia",
    "Spain",
    "United Arab Emirates",
    "United Kingdom",
)


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
    doc="IMF Direction of Trade Statistics: goods trade as each reporter records it (exports FOB, imports CIF), "
    "two vintages kept apart. China is China, P.R.: Mainland. US-reported imports, which the IMF labels CIF, are at customs "
    "value (they agree with the US Census customs-value series within 0.2%), so their valuation reads 'customs value (IMF label CIF)'.",
    columns=(
        Col("year", "year", min=1948, max=2030),
        Col("reporter", choices=REPORTERS, doc="the country whose statistics these are"),
        Col("partner", choices=REPORTERS + ("World",) + OTHER_PARTNERS),
        Col("flow", choices=("exports", "imports"), doc="from the reporter's side"),
        Col(
            "valuation",
            choices=("FOB", "CIF", US_CUSTOMS),
            doc="FOB for exports; CIF for imports, except the United States' (customs value)",
        ),
        Col("value_usd_m", "float", min=0, unit="US$ million (current)"),
        Col("source_id", doc="the DOTS vintage"),
    ),
    key=("year", "reporter", "partner", "flow", "source_id"),
    row_checks=(_dots_valuation,),
)

TRADE_CENSUS_MONTHLY = TableSchema(
    doc="US general imports of goods from Pakistan, customs basis, monthly (US Census Bureau via FRED, series IMP5350).",
    columns=(
        Col(
            "month",
            "date",
            pattern=r"\d{4}-\d{2}-01",
            earliest="2015-01-01",
            latest="2030-12-01",
            doc="first day of the month",
        ),
        Col("value_usd_m", "float", min=0, unit="US$ million (current, not seasonally adjusted)"),
        Col("source_id"),
    ),
    key=("month", "source_id"),
    table_checks=(sorted_by("month"),),
)


def _census_balance(row):
    """The balance as given must be exports minus imports (within rounding of the file's one decimal)."""
    want = row["exports_usd_m"] - row["imports_usd_m"]
    if abs(row["balance_usd_m"] - want) > 0.15:
        return (
            "balance_usd_m",
            f"exports_usd_m minus imports_usd_m ({want:.1f}, within 0.15)",
            repr(row["balance_usd_m"]),
        )
    return None


#: The Census annual file's vintages: the later one (data to July 2026) is the book's series.
CENSUS_LATEST = "CENSUS_COUNTRY_2026-07"

TRADE_CENSUS_ANNUAL = TableSchema(
    doc="US goods trade with Pakistan by calendar year as the US Census Bureau records it: total exports (FAS value), "
    "general imports (customs value) and the balance, US$ million. One row per year and vintage; a year of fewer than "
    "12 months (2026, January to July) says so in 'months' and is not a full year.",
    columns=(
        Col("year", "year", min=1985, max=2030),
        Col("months", "int", min=1, max=12, doc="months covered (12 unless the year was incomplete in the vintage)"),
        Col(
            "exports_usd_m", "float", min=0, unit="US$ million (current)", doc="US total exports to Pakistan, FAS value"
        ),
        Col(
            "imports_usd_m",
            "float",
            min=0,
            unit="US$ million (current)",
            doc="US general imports from Pakistan, customs value",
        ),
        Col("balance_usd_m", "float", unit="US$ million (current)", doc="exports minus imports, as given"),
        Col("vintage", choices=("data to July 2026", "data to early 2025")),
        Col("source_id"),
        Col("note", required=False),
    ),
    key=("year", "source_id"),
    row_checks=(_census_balance,),
)


#: What a reported trade figure covers.
SCOPES = ("goods", "goods_and_services", "not_stated")


def _reported_value_sign(row):
    if row["value_usd_m"] is not None and row["value_usd_m"] < 0 and row["flow"] != "balance":
        return (
            "value_usd_m",
            f"a number of at least 0, because 'flow' is {row['flow']}",
            repr(f"{row['value_usd_m']:.15g}"),
        )
    return None


TRADE_REPORTED = TableSchema(
    doc="Official bilateral trade figures as quoted by news reports (customs, central-bank and statistics-office figures), "
    "for years and bases the statistical files do not cover. Reporter and flow are from the reporting country's side; "
    "figures not found are kept as rows with status not_found and no value.",
    columns=(
        Col(
            "period",
            doc="as the source gives it: a calendar year, a Pakistani fiscal year (FY2023-24 = July 2023-June 2024) or part of a year",
        ),
        Col("period_type", choices=("calendar_year", "fiscal_year", "part_year")),
        Col("period_start", "date", earliest="1947-01-01", latest="2030-12-31"),
        Col("period_end", "date", earliest="1947-01-01", latest="2030-12-31"),
        Col("reporter", choices=REPORTERS),
        Col("partner", choices=tuple(dict.fromkeys(REPORTERS + REPORTED_PARTNERS))),
        Col(
            "flow",
            choices=("exports", "imports", "total", "balance"),
            doc="balance = exports minus imports, as reported",
        ),
        Col(
            "scope",
            choices=SCOPES,
            doc="goods; goods_and_services where the source says the figure includes services (SBP); not_stated",
        ),
        Col("value_usd_m", "float", required=False, unit="US$ million (current)"),
        Col("qualifier", required=False, choices=QUALIFIERS, doc="rounded = given as US$x.x billion"),
        Col(
            "status",
            choices=("reported", "not_found"),
            doc="not_found: a figure cited (e.g. by the brief) that no source read for the book confirms",
        ),
        Col("basis", doc="whose statistics, as the source states"),
        Col("source_id"),
        Col("confidence", choices=CONFIDENCE + ("unverified",)),
        Col("note", required=False),
    ),
    key=("period", "reporter", "partner", "flow", "source_id"),
    row_checks=(
        not_before("period_end", "period_start"),
        *reported_or_not_found(),
        _reported_value_sign,
    ),
)

US_TARIFFS = TableSchema(
    doc="The steps of US tariffs on goods from Pakistan from April 2025: when each was announced, when it took effect, and the "
    "additional rate that applied to Pakistan (court rulings and statements that changed no rate have no effective date).",
    columns=(
        Col("step", "int", min=1),
        Col("announced", "date", earliest="2025-01-01", latest="2026-12-31"),
        Col(
            "effective",
            "date",
            required=False,
            earliest="2025-01-01",
            latest="2026-12-31",
            doc="blank: no rate change took effect",
        ),
        Col(
            "rate_pct",
            "float",
            required=False,
            min=0,
            max=100,
            unit="percent ad valorem (additional duty)",
            doc="rate applying to Pakistan from the effective date",
        ),
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
        Col(
            "year",
            "year",
            required=False,
            min=1948,
            max=2030,
            doc="the calendar year; blank for a fiscal year, so that a filter on 'year' never mixes the two",
        ),
        Col(
            "fiscal_year_end",
            "year",
            required=False,
            min=1948,
            max=2030,
            doc="the calendar year in which a Pakistani fiscal year ends; blank for a calendar year",
        ),
    )


def _period_checks():
    return (
        required_if("year", "period_type", ("calendar_year",)),
        blank_if("year", "period_type", ("fiscal_year",)),
        required_if("fiscal_year_end", "period_type", ("fiscal_year",)),
        blank_if("fiscal_year_end", "period_type", ("calendar_year",)),
    )


def _measures(statistical: tuple[str, ...]) -> tuple[str, ...]:
    """The measures of a derived trade table: the statistical files' flows and the press-reported ones with their scope."""
    return statistical + (
        "exports",
        "imports",
        "exports (goods and services)",
        "imports (goods and services)",
        "exports (scope not stated)",
        "imports (scope not stated)",
    )


CHINA_PAKISTAN_TRADE = TableSchema(
    doc="China-Pakistan goods trade by direction, as each side reports it: China's exports to Pakistan (China-reported, FOB) and "
    "Pakistan's imports from China (Pakistan-reported, CIF) measure the same flow from two sides and are kept apart. "
    "IMF DOTS 1960-2020; press-reported customs figures only for years DOTS does not cover; Pakistani fiscal years as their own rows "
    "(their 'year' is blank: use 'fiscal_year_end'). The State Bank's fiscal-year figures include services and say so in 'measure'.",
    columns=(
        *_period_columns(),
        Col("direction", choices=("china_to_pakistan", "pakistan_to_china")),
        Col("reporter", choices=("China", "Pakistan")),
        Col(
            "measure",
            choices=_measures(("exports FOB", "imports CIF")),
            doc="the reporter's flow, with the valuation where the source states it; '(goods and services)' where the figure includes services",
        ),
        Col("value_usd_m", "float", required=False, min=0, unit="US$ million (current)"),
        Col(
            "qualifier",
            required=False,
            choices=QUALIFIERS,
            doc="rounded = published as US$x.x billion; blank for a figure not found",
        ),
        Col("status", choices=("reported", "not_found")),
        Col("basis"),
        Col("source_id"),
        Col("note", required=False),
    ),
    key=("period", "direction", "reporter", "source_id"),
    row_checks=(
        *_period_checks(),
        *reported_or_not_found(),
    ),
)

CHINA_PAKISTAN_MIRROR_GAP = TableSchema(
    doc="The mirror gap in China-Pakistan trade (IMF DOTS): for each direction, the exporter's reported exports (FOB) minus the "
    "importer's reported imports (CIF). Imports valued CIF should exceed exports FOB; a positive gap means the importer records less.",
    columns=(
        Col("year", "year", min=1948, max=2030),
        Col("direction", choices=("china_to_pakistan", "pakistan_to_china")),
        Col(
            "exporter_reported_usd_m",
            "float",
            min=0,
            unit="US$ million",
            doc="exports FOB as the exporting country reports them",
        ),
        Col(
            "importer_reported_usd_m",
            "float",
            min=0,
            unit="US$ million",
            doc="imports CIF as the importing country reports them",
        ),
        Col("gap_usd_m", "float", unit="US$ million", doc="exporter-reported minus importer-reported"),
        Col("gap_pct", "float", unit="percent of the importer-reported value"),
        Col("source_id"),
    ),
    key=("year", "direction"),
)

US_PAKISTAN_TRADE = TableSchema(
    doc="US-Pakistan goods trade by direction, with each figure's reporter and basis: IMF DOTS (two vintages), US Census "
    "customs-basis imports (annual sums of monthly data), USTR and US government figures quoted in the press, and "
    "Pakistani fiscal-year figures (their 'year' is blank: use 'fiscal_year_end'). Different bases and vintages are separate rows; "
    "US-reported imports are at customs value in every source (DOTS labels them CIF).",
    columns=(
        *_period_columns(),
        Col("direction", choices=("us_to_pakistan", "pakistan_to_us")),
        Col("reporter", choices=("United States", "Pakistan")),
        Col(
            "measure",
            choices=_measures(("exports FOB", "imports CIF", f"imports {US_CUSTOMS}", "imports, customs value")),
        ),
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


# -- derivation rules (data/derived/) ------------------------------------------------------------
# -- trade ----------------------------------------------------------------------------------------
def _dots(reporter: str, partner: str, source: str):
    d = load("trade_dots")
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


def make_china_pakistan_trade() -> str:
    """China-Pakistan flows by direction and reporter: IMF DOTS 1960-2020 (both reporters); press-reported figures
    only for calendar years DOTS does not cover for that reporter and direction (and the brief's 2024 figures, not
    found, as blank rows); Pakistani fiscal years as their own rows, with a blank ``year`` and their end year in
    ``fiscal_year_end``. A press figure's measure says when it includes services or does not say. Totals and part-
    year figures stay in the raw table.
    """
    header = [
        "period",
        "period_type",
        "year",
        "fiscal_year_end",
        "direction",
        "reporter",
        "measure",
        "value_usd_m",
        "qualifier",
        "status",
        "basis",
        "source_id",
        "note",
    ]
    rows, covered = [], set()
    for reporter, partner in (("China", "Pakistan"), ("Pakistan", "China")):
        for _, r in _dots(reporter, partner, DOTS_2020).iterrows():
            direction = _direction(reporter, r["flow"], "China", "Pakistan", "china_to_pakistan", "pakistan_to_china")
            covered.add((int(r["year"]), direction, reporter))
            rows.append(
                [
                    str(r["year"]),
                    "calendar_year",
                    *_period("calendar_year", int(r["year"])),
                    direction,
                    reporter,
                    f"{r['flow']} {r['valuation']}",
                    fmt(r["value_usd_m"]),
                    "exact",
                    "reported",
                    f"IMF DOTS, {reporter}-reported",
                    DOTS_2020,
                    "",
                ]
            )
    rep = load("trade_reported")
    rep = rep[
        rep["reporter"].isin(["China", "Pakistan"])
        & rep["partner"].isin(["China", "Pakistan"])
        & rep["flow"].isin(["exports", "imports"])
        & (rep["period_type"] != "part_year")
    ]
    for _, r in rep.iterrows():
        direction = _direction(r["reporter"], r["flow"], "China", "Pakistan", "china_to_pakistan", "pakistan_to_china")
        year = r["period_end"].year
        if r["period_type"] == "calendar_year" and (year, direction, r["reporter"]) in covered:
            continue
        rows.append(
            [
                r["period"],
                r["period_type"],
                *_period(r["period_type"], year),
                direction,
                r["reporter"],
                reported_measure(r["flow"], r["scope"]),
                fmt(val(r["value_usd_m"])),
                txt(r["qualifier"]),
                r["status"],
                r["basis"],
                r["source_id"],
                txt(r["note"]),
            ]
        )
    rows.sort(key=lambda x: _sort_key(x, 4, 5, 11))
    return csv_text(header, rows)


def make_china_pakistan_mirror_gap() -> str:
    """For each year and direction with both reports in DOTS: exporter-reported exports (FOB) minus importer-reported
    imports (CIF), and that gap as a percentage of the latter.
    """
    header = [
        "year",
        "direction",
        "exporter_reported_usd_m",
        "importer_reported_usd_m",
        "gap_usd_m",
        "gap_pct",
        "source_id",
    ]
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


def make_us_pakistan_trade() -> str:
    """US-Pakistan flows by direction and reporter: both DOTS vintages (US-reported imports at customs value, which
    DOTS labels CIF), US Census customs-basis imports summed by calendar year (months counted), and the exports
    and imports figures of the press-reported table (balances and totals stay there), fiscal years as in
    ``china_pakistan_trade``.
    """
    header = [
        "period",
        "period_type",
        "year",
        "fiscal_year_end",
        "direction",
        "reporter",
        "measure",
        "value_usd_m",
        "qualifier",
        "months",
        "basis",
        "source_id",
        "note",
    ]
    rows = []
    for source, vintage in ((DOTS_2020, "vintage to 2020"), (DOTS_2022, "vintage to 2022")):
        for reporter, partner in (("United States", "Pakistan"), ("Pakistan", "United States")):
            for _, r in _dots(reporter, partner, source).iterrows():
                direction = _direction(
                    reporter, r["flow"], "United States", "Pakistan", "us_to_pakistan", "pakistan_to_us"
                )
                rows.append(
                    [
                        str(r["year"]),
                        "calendar_year",
                        *_period("calendar_year", int(r["year"])),
                        direction,
                        reporter,
                        f"{r['flow']} {r['valuation']}",
                        fmt(r["value_usd_m"]),
                        "exact",
                        12,
                        f"IMF DOTS ({vintage}), {reporter}-reported",
                        source,
                        "",
                    ]
                )
    census = load("trade_census_monthly")
    by_year: dict = defaultdict(list)
    for _, r in census.iterrows():
        by_year[(r["month"].year, r["source_id"])].append(r["value_usd_m"])
    for (year, source), values in sorted(by_year.items()):
        note = "" if len(values) == 12 else f"{len(values)} months only: not a full year"
        rows.append(
            [
                str(year),
                "calendar_year",
                *_period("calendar_year", year),
                "pakistan_to_us",
                "United States",
                "imports, customs value",
                fmt(sum(values), 1),
                "exact",
                len(values),
                "US Census, customs basis (sum of the monthly values)",
                source,
                note,
            ]
        )
    rep = load("trade_reported")
    rep = rep[
        rep["reporter"].isin(["United States", "Pakistan"])
        & rep["partner"].isin(["United States", "Pakistan"])
        & rep["flow"].isin(["exports", "imports"])
    ]
    for _, r in rep.iterrows():
        direction = _direction(
            r["reporter"], r["flow"], "United States", "Pakistan", "us_to_pakistan", "pakistan_to_us"
        )
        rows.append(
            [
                r["period"],
                r["period_type"],
                *_period(r["period_type"], r["period_end"].year),
                direction,
                r["reporter"],
                reported_measure(r["flow"], r["scope"]),
                fmt(r["value_usd_m"]),
                r["qualifier"],
                12,
                r["basis"],
                r["source_id"],
                txt(r["note"]),
            ]
        )
    rows.sort(key=lambda x: _sort_key(x, 4, 5, 6, 11))
    return csv_text(header, rows)


EXPORTS_BY_PRODUCT = TableSchema(
    doc="Pakistan's exports to China by product, as China's customs record them (China's imports from Pakistan) and "
    "Pakistani diplomats and the press report them, one row per product line, period and source. Lines overlap (copper "
    "and refined copper; rice and broken rice) and are not to be summed; a province's figure is never a national one.",
    columns=(
        Col("period", doc="a calendar year, or part of one (2023-01/11 = January to November 2023)"),
        Col("period_type", choices=("calendar_year", "part_year")),
        Col("period_start", "date", earliest="2015-01-01", latest="2030-12-31"),
        Col("period_end", "date", earliest="2015-01-01", latest="2030-12-31"),
        Col("months", "int", min=1, max=12, doc="months covered"),
        Col(
            "reporter",
            choices=("China", "not_stated"),
            doc="whose statistics: China's customs, or not stated by the source",
        ),
        Col("partner", choices=("Pakistan",)),
        Col(
            "coverage",
            choices=("national", "Zhejiang province only"),
            doc="national, or one Chinese province's imports",
        ),
        Col("product", doc="the product line as the source names it"),
        Col("hs_code_as_stated", required=False, doc="the HS code where the source gives one"),
        Col("value_usd_m", "float", required=False, min=0, unit="US$ million (current)"),
        Col("qualifier", required=False, choices=QUALIFIERS),
        Col("quantity", "float", required=False, min=0),
        Col("quantity_unit", required=False),
        Col("status", choices=("reported", "not_found")),
        Col("source_id"),
        Col("confidence", choices=CONFIDENCE + ("unverified",)),
        Col("note", required=False),
    ),
    key=("period", "coverage", "product", "hs_code_as_stated", "source_id"),
    row_checks=(
        not_before("period_end", "period_start"),
        *reported_or_not_found(),
        both_or_neither("quantity", "quantity_unit"),
    ),
)

SCHEMAS = {
    "exports_to_china_by_product": EXPORTS_BY_PRODUCT,
    "trade_dots": TRADE_DOTS,
    "trade_census_monthly": TRADE_CENSUS_MONTHLY,
    "trade_census_annual": TRADE_CENSUS_ANNUAL,
    "trade_reported": TRADE_REPORTED,
    "us_tariffs_2025": US_TARIFFS,
    "china_pakistan_trade": CHINA_PAKISTAN_TRADE,
    "china_pakistan_mirror_gap": CHINA_PAKISTAN_MIRROR_GAP,
    "us_pakistan_trade": US_PAKISTAN_TRADE,
}
#: derived file (relative to data/) -> the rule that makes its text
DERIVED = {
    "derived/trade/china_pakistan_goods_trade.csv": make_china_pakistan_trade,
    "derived/trade/china_pakistan_mirror_gap.csv": make_china_pakistan_mirror_gap,
    "derived/trade/us_pakistan_goods_trade.csv": make_us_pakistan_trade,
}


def _by_period(name: str, period_type: str, catalog: Catalog | None) -> pd.DataFrame:
    if period_type not in ("calendar_year", "fiscal_year"):
        raise ValueError(f"period_type must be 'calendar_year' or 'fiscal_year', not {period_type!r}")
    df = load(name, catalog=catalog)
    return keep_attrs(df[df["period_type"] == period_type].reset_index(drop=True), df)


def china_pakistan(period_type: str, catalog: Catalog | None = None) -> pd.DataFrame:
    """China-Pakistan goods trade by direction and reporter, for calendar years or Pakistani fiscal years (never both).

    The two reporters' figures are separate rows. Fiscal years are indexed by ``fiscal_year_end``; their ``year`` is blank.
    """
    return _by_period("china_pakistan_trade", period_type, catalog)


def us_pakistan(period_type: str, catalog: Catalog | None = None) -> pd.DataFrame:
    """US-Pakistan goods trade by direction, reporter, measure and basis, for calendar years or Pakistani fiscal years (never both)."""
    return _by_period("us_pakistan_trade", period_type, catalog)


def census_annual(vintage: str = CENSUS_LATEST, catalog: Catalog | None = None) -> pd.DataFrame:
    """US-Census goods trade with Pakistan by calendar year for one vintage (the latest by default), in year order.

    ``months`` marks a part year (2026: seven months); the frame's ``attrs["period"]`` is ``calendar_year``.
    """
    df = load("trade_census_annual", catalog=catalog)
    if vintage not in set(df["source_id"]):
        raise ValueError(f"no Census vintage {vintage!r}; known: {', '.join(sorted(set(df['source_id'])))}")
    out = keep_attrs(df[df["source_id"] == vintage].sort_values("year", ignore_index=True), df)
    out.attrs["period"] = "calendar_year"
    return out


def tariff_steps(catalog: Catalog | None = None) -> pd.DataFrame:
    """The US tariff steps for Pakistan from April 2025, in order."""
    return load("us_tariffs_2025", catalog=catalog).sort_values("step", ignore_index=True)


def exports_to_china_by_product(catalog: Catalog | None = None) -> pd.DataFrame:
    """Pakistan's exports to China by product line, in period order (full years and part years: see ``months``)."""
    df = load("exports_to_china_by_product", catalog=catalog)
    return keep_attrs(df.sort_values(["period_start", "period_end", "product"], kind="stable", ignore_index=True), df)


#: The partner groups of :func:`partner_shares`, in order.
PARTNER_GROUPS = ("China", "United States", "European Union (27)", "Gulf (GCC six)", "United Kingdom", "All others")


def partner_shares(catalog: Catalog | None = None) -> pd.DataFrame:
    """Shares of Pakistan's goods exports and imports by partner group and year, as Pakistan reports them to the IMF.

    One row per year, flow and group of :data:`PARTNER_GROUPS`: China, the United States, the EU at its 27 members of
    2020, the six Gulf Cooperation Council states summed, the United Kingdom, and all others (the World total less the
    rest). A year enters only when the total and every named partner have a value; ``share_pct`` is of the World total.
    """
    d = load("trade_dots", catalog=catalog)
    pk = d[(d["reporter"] == "Pakistan") & (d["source_id"] == DOTS_2020)]
    wide = pk.pivot_table(index=["year", "flow"], columns="partner", values="value_usd_m", aggfunc="sum")
    groups = {
        "China": ["China"],
        "United States": ["United States"],
        "European Union (27)": ["European Union (27, fixed composition)"],
        "Gulf (GCC six)": list(GCC),
        "United Kingdom": ["United Kingdom"],
    }
    needed = ["World"] + [p for ps in groups.values() for p in ps]
    wide = wide.dropna(subset=[c for c in needed if c in wide.columns])
    rows = []
    for (year, flow), r in wide.iterrows():
        named = {g: float(sum(r[p] for p in ps)) for g, ps in groups.items()}
        named["All others"] = float(r["World"]) - sum(named.values())
        for g in PARTNER_GROUPS:
            rows.append(
                {
                    "year": int(year),
                    "flow": flow,
                    "partner_group": g,
                    "value_usd_m": named[g],
                    "share_pct": 100 * named[g] / float(r["World"]),
                    "source_id": DOTS_2020,
                }
            )
    out = pd.DataFrame(rows)
    out.attrs = {"source_file": d.attrs.get("source_file", ""), "units": {"share_pct": "percent of Pakistan's total"}}
    return out


#: Pakistan's ledgers of its trade, as the reported rows name them (the basis column), in the order the book lists them.
LEDGERS = {
    "SBP": "State Bank of Pakistan",
    "TDAP": "Trade Development Authority",
    "Ministry of Commerce": "Ministry of Commerce",
    "PBS": "Pakistan Bureau of Statistics",
    "agency not named": "agency not named",
}


def ledger_of(basis: str) -> str:
    """Which Pakistani ledger a reported figure comes from, by its basis ("SBP, as reported by ..." -> State Bank)."""
    for key, name in LEDGERS.items():
        if key in basis:
            return name
    raise ValueError(f"basis {basis!r} names none of the ledgers {', '.join(LEDGERS)}")


def _report_date(source_id: str) -> str:
    """The month a report appeared, from its source id (``SBP_VIA_PROFIT_2025-07`` -> ``2025-07``; none: ``''``)."""
    import re

    m = re.search(r"(\d{4}(?:-\d{2})?)(?:-\d{2})?$", source_id)
    return m.group(1) if m else ""


def latest_report(df: pd.DataFrame, by: list[str]) -> pd.DataFrame:
    """For each group of ``by``, the row from the latest report (the date in its source id): a later vintage of the
    same ledger replaces an earlier one; different ledgers are different groups and stay."""
    when = df.assign(_when=df["source_id"].map(_report_date))
    for key, group in when.groupby(by, sort=False, dropna=False):
        if len(group) > 1 and (group["_when"].eq("").any() or group["_when"].duplicated(keep=False).any()):
            raise ValueError(
                f"{dict(zip(by, key if isinstance(key, tuple) else (key,)))}: reports "
                f"{sorted(group['source_id'])} cannot be ordered by date; choose one explicitly"
            )
    out = when.sort_values("_when", kind="stable").groupby(by, sort=False, dropna=False).tail(1)
    return keep_attrs(out.drop(columns="_when").sort_index(), df)
