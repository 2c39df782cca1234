"""Attacks on Chinese nationals in Pakistan, and their casualties as each source counts them."""

from __future__ import annotations

import pandas as pd

from . import load
from .catalog import Catalog
from .common import CONFIDENCE, INCIDENT, PROVINCES, located_unless_none, point_columns
from .validate import (
    Col,
    TableSchema,
    at_least,
    date_matches_precision,
    sorted_by,
)

TITLE = "Attacks on Chinese nationals"

# == attacks on Chinese nationals ===================================================================
ATTACKS = TableSchema(
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
    doc="Casualties of each attack as each source counts them: conflicting counts are separate rows with their own source. "
    "A count not reported is absent, not zero.",
    columns=(
        Col("incident_id", pattern=INCIDENT, doc="an incident of attacks_on_chinese_nationals"),
        Col(
            "measure",
            choices=("chinese_killed", "total_killed", "chinese_injured", "total_injured", "attackers_killed"),
            doc="total_* exclude the attackers",
        ),
        Col("value_low", "int", min=0, unit="persons"),
        Col(
            "value_high",
            "int",
            required=False,
            min=0,
            unit="persons",
            doc="equal to value_low for an exact count; blank for 'at least'",
        ),
        Col("source_id"),
        Col("note", required=False),
    ),
    key=("incident_id", "measure", "source_id"),
    row_checks=(at_least("value_high", "value_low"),),
)

SCHEMAS = {"attacks": ATTACKS, "attack_casualties": ATTACK_CASUALTIES}


def attacks(catalog: Catalog | None = None) -> pd.DataFrame:
    """Attacks on Chinese nationals, indexed by incident_id."""
    return load("attacks", catalog=catalog).set_index("incident_id", drop=False)
