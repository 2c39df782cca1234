"""Debt and official finance: Pakistan's external debt by creditor, and dated rollovers, deposits and programmes.

Stocks and events are kept apart: a debt stock is a level at a date, a rollover is an event with an amount; the
two are never added. No annual series of debt owed to China was found, so the book has dated levels only.
"""

from __future__ import annotations

import pandas as pd

from . import keep_attrs, load
from .catalog import Catalog
from .common import CONFIDENCE, QUALIFIERS, reported_or_not_found
from .validate import Col, TableSchema, sorted_by

TITLE = "Debt and official finance"

DEBT_BY_CREDITOR = TableSchema(
    doc="Pakistan's external debt stock at a date, in total and owed to named creditors, as the World Bank's "
    "International Debt Statistics give it (read in reports quoting them); a later vintage not found is a row with "
    "status not_found and no value.",
    columns=(
        Col("date", "date", earliest="2000-01-01", latest="2030-12-31", doc="the date of the stock (end of year)"),
        Col("reporter", doc="whose statistics"),
        Col("creditor", doc="'all creditors' for the total"),
        Col("measure", choices=("external debt stock", "external debt stock owed to creditor")),
        Col("value_usd_m", "float", required=False, min=0, unit="US$ million (current)"),
        Col("qualifier", required=False, choices=QUALIFIERS),
        Col("status", choices=("reported", "not_found")),
        Col("basis"),
        Col("source_id"),
        Col("confidence", choices=CONFIDENCE + ("unverified",)),
        Col("note", required=False),
    ),
    key=("date", "creditor", "source_id"),
    row_checks=reported_or_not_found(),
)

FINANCING_EVENTS = TableSchema(
    doc="Dated financing events between Pakistan and its lenders: rollovers and deposits, arrears, IMF arrangements and "
    "projections, each with its amount as reported. Amounts of different instruments are not comparable and never summed.",
    columns=(
        Col("date", "partial_date", earliest="2000-01-01", latest="2030-12-31"),
        Col("event", doc="what happened, paraphrased"),
        Col("lender"),
        Col("instrument", doc="deposit rollover, refinancing, payables, programme, projection..."),
        Col("amount_usd_m", "float", min=0, unit="US$ million (current)"),
        Col("qualifier", choices=QUALIFIERS),
        Col("source_id"),
        Col("confidence", choices=CONFIDENCE),
        Col("note", required=False),
    ),
    key=("date", "event"),
    table_checks=(sorted_by("date"),),
)

SCHEMAS = {"external_debt_by_creditor": DEBT_BY_CREDITOR, "financing_events": FINANCING_EVENTS}


def debt_by_creditor(catalog: Catalog | None = None) -> pd.DataFrame:
    """External debt stocks by creditor, largest first within each date."""
    df = load("external_debt_by_creditor", catalog=catalog)
    return keep_attrs(df.sort_values(["date", "value_usd_m"], ascending=[True, False], ignore_index=True), df)


def financing_events(catalog: Catalog | None = None) -> pd.DataFrame:
    """Financing events in date order."""
    return load("financing_events", catalog=catalog)
