"""The brief and key facts: single figures the prose cites, and the brief's claims checked against them."""

from __future__ import annotations

import pandas as pd

from . import load
from .catalog import Catalog
from .common import CONFIDENCE, QUALIFIERS, SLUG
from .validate import (
    Col,
    TableSchema,
    both_or_neither,
)

TITLE = "The brief and key facts"

# -- key facts -----------------------------------------------------------------------------------
KEY_FACTS = TableSchema(
    doc="Single figures the prose cites (coastline, population, oil flows...). Conflicting values are separate rows.",
    columns=(
        Col("fact_id", pattern=SLUG),
        Col("fact", doc="what is measured"),
        Col("value", "float", min=0, doc="the figure as published"),
        Col(
            "qualifier",
            choices=QUALIFIERS,
            doc="how the figure relates to the true value: lower_bound = the source says 'more than'",
        ),
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
    doc="Numerical claims of the brief the book grew from, each with the key fact it is checked against.",
    columns=(
        Col("claim_id", pattern=SLUG),
        Col("section", doc="section of the brief"),
        Col("claim", doc="the claim, paraphrased"),
        Col("value", "float", min=0, doc="the figure as the brief states it"),
        Col("unit"),
        Col("as_of", required=False),
        Col(
            "compare_fact_id",
            required=False,
            pattern=SLUG,
            doc="key fact to compare with; blank = no sourced figure yet",
        ),
        Col("compare_as_of", required=False),
        Col("chapter", pattern=r"\d\d_[a-z_]+", doc="chapter that discusses the claim"),
        Col("source_id"),
        Col(
            "finding",
            required=False,
            doc="what the book found where no sourced figure can be compared (e.g. not found)",
        ),
    ),
    key=("claim_id",),
    row_checks=(both_or_neither("compare_fact_id", "compare_as_of"),),
)

SCHEMAS = {"key_facts": KEY_FACTS, "brief_claims": BRIEF_CLAIMS}


def key_facts(catalog: Catalog | None = None) -> pd.DataFrame:
    return load("key_facts", catalog=catalog)


def brief_claims(catalog: Catalog | None = None) -> pd.DataFrame:
    """The brief's numerical claims indexed by ``claim_id``."""
    return load("brief_claims", catalog=catalog).set_index("claim_id", drop=False)


def fact(facts: pd.DataFrame, fact_id: str, as_of: str | None = None) -> pd.Series:
    """The one row of a fact (for a given ``as_of`` if the fact has several); KeyError if not exactly one."""
    rows = facts[facts["fact_id"] == fact_id]
    if as_of is not None:
        rows = rows[rows["as_of"] == as_of]
    if len(rows) != 1:
        raise KeyError(f"fact {fact_id!r} (as_of={as_of!r}) matches {len(rows)} rows; expected 1")
    return rows.iloc[0]
