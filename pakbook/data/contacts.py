"""High-level contacts of Pakistan with China and the United States."""

from __future__ import annotations

import pandas as pd

from . import keep_attrs, load
from .catalog import Catalog
from .validate import (
    Col,
    TableSchema,
    date_matches_precision,
)

TITLE = "High-level contacts"

# == high-level contacts ===============================================================================
CONTACTS = TableSchema(
    doc="High-level contacts of Pakistan with China and with the United States, 2024-2025 (and the first found in 2026): "
    "who met or spoke, where, what was said or agreed, and the sources.",
    columns=(
        Col(
            "date",
            "partial_date",
            earliest="2024-01-01",
            latest="2026-12-31",
            doc="where it happened (time zones noted)",
        ),
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

SCHEMAS = {"contacts": CONTACTS}


def contacts(catalog: Catalog | None = None) -> pd.DataFrame:
    """High-level contacts with China and the United States, in date order."""
    df = load("contacts", catalog=catalog)
    return keep_attrs(df.sort_values(["date", "power"], kind="stable", ignore_index=True), df)
