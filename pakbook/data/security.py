"""Attacks on Chinese nationals in Pakistan, their casualties as each source counts them, Beijing's security demands
after them, and the positions China and Pakistan take for each other on disputed issues."""

from __future__ import annotations

import pandas as pd

from . import load
from .catalog import Catalog
from .common import CONFIDENCE, INCIDENT, PROVINCES, SLUG, located_unless_none, point_columns
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


def _backs_the_other(row):
    if row["backer"] == row["backed"]:
        return "backed", f"the other side than the backer ({row['backer']})", repr(row["backed"])
    return None


#: what a statement asks of Pakistan (the book's classification)
DEMAND_TYPES = (
    "punish_perpetrators",
    "security_measures",
    "chinese_security_personnel",
    "joint_security",
    "security_cooperation",
)

CHINA_SECURITY_DEMANDS = TableSchema(
    doc="What Beijing asked of Pakistan after attacks on Chinese nationals: one row per statement or reported request, with "
    "speaker, occasion, the kind of demand and whether the words are a quotation, a paraphrase or an unattributed report.",
    columns=(
        Col("statement_id", pattern=INCIDENT),
        Col("date", "partial_date", earliest="2000-01-01", latest="2026-12-31"),
        Col("date_precision", choices=("day", "month", "year")),
        Col("speaker", doc="who spoke, with office, as reported"),
        Col("speaker_side", choices=("China", "Pakistan", "China and Pakistan")),
        Col("occasion"),
        Col("demand_type", choices=DEMAND_TYPES, doc="the book's classification"),
        Col("statement", doc="short quotation or paraphrase"),
        Col(
            "quote_kind",
            choices=("quote", "paraphrase", "report"),
            doc="quote: words quoted; paraphrase: reported speech; report: unnamed sources' account",
        ),
        Col("source_id"),
        Col("confidence", choices=CONFIDENCE),
        Col("note", required=False),
    ),
    key=("statement_id",),
    row_checks=(date_matches_precision("date", "date_precision"),),
    table_checks=(sorted_by("date"),),
)

DIPLOMATIC_POSITIONS = TableSchema(
    doc="Who backs whom on what: one row per issue and dated instance (a statement, a vote, a letter, a hold at the UN), "
    "with the side that took the position (backer) and the side it backed.",
    columns=(
        Col("position_id", pattern=SLUG),
        Col("issue"),
        Col("backer", choices=("China", "Pakistan")),
        Col("backed", choices=("China", "Pakistan")),
        Col("date", "partial_date", earliest="1947-01-01", latest="2026-12-31"),
        Col("date_precision", choices=("day", "month", "year")),
        Col("venue"),
        Col("position"),
        Col("source_id"),
        Col("confidence", choices=CONFIDENCE),
        Col("note", required=False),
    ),
    key=("position_id",),
    row_checks=(date_matches_precision("date", "date_precision"), _backs_the_other),
)

SCHEMAS = {
    "attacks": ATTACKS,
    "attack_casualties": ATTACK_CASUALTIES,
    "china_security_demands": CHINA_SECURITY_DEMANDS,
    "diplomatic_positions": DIPLOMATIC_POSITIONS,
}


def attacks(catalog: Catalog | None = None) -> pd.DataFrame:
    """Attacks on Chinese nationals, indexed by incident_id."""
    return load("attacks", catalog=catalog).set_index("incident_id", drop=False)


def security_demands(catalog: Catalog | None = None) -> pd.DataFrame:
    """Beijing's security demands, indexed by statement_id, in date order."""
    return load("china_security_demands", catalog=catalog).set_index("statement_id", drop=False)


def diplomatic_positions(catalog: Catalog | None = None) -> pd.DataFrame:
    """Who backs whom on what, indexed by position_id, in date order."""
    df = load("diplomatic_positions", catalog=catalog).sort_values("date", kind="stable")
    return df.set_index("position_id", drop=False)
