"""The brief and key facts: single figures the prose cites, and the brief's claims checked against them."""

from __future__ import annotations

import pandas as pd

from .. import paths
from . import load
from .catalog import Catalog
from .common import CONFIDENCE, QUALIFIERS, SLUG
from .validate import (
    Col,
    TableSchema,
    both_or_neither,
    required_if,
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

# -- the brief's claims, all of them, checked ------------------------------------------------------
#: The brief's section headings, in the brief's order (ASCII hyphens and apostrophes).
BRIEF_SECTIONS = (
    "Key Takeaways",
    "Introduction",
    "Gwadar Port and CPEC: A Gateway to the Arabian Sea",
    "All-Weather Strategic Cooperative Partnership",
    "Security Cooperation and Challenges",
    "Diplomatic Support and Regional Implications",
    "Historical Background and Post-Afghanistan Drift",
    "Trump's Second Term and the White House Lunch",
    "Engagement on Trade and Critical Minerals",
    "Limited Structural Support and Societal Perceptions",
    "Conclusion",
)
CLAIM_KINDS = ("number", "date", "event", "quotation", "attribution")
#: confirmed = the source says what the brief says; partly correct = part confirmed, part wrong or not found;
#: corrected = the source contradicts the brief; unverified = no source found (never "confirmed");
#: judgement = an interpretation rather than a fact, not given a true/false verdict.
CHECK_VERDICTS = ("confirmed", "partly correct", "corrected", "unverified", "judgement")
#: Verdicts that rest on a source, so that the row must name one.
SOURCED_VERDICTS = ("confirmed", "partly correct", "corrected")


def chapter_files() -> tuple[str, ...]:
    """The chapters of the book by file stem (``04_security``), notebooks and markdown pages alike."""
    return tuple(
        sorted(p.stem for p in paths.CHAPTERS.iterdir() if p.suffix in (".ipynb", ".md") and not p.stem.startswith("_"))
    )


def existing_chapter(col: str):
    """Row check: a filled ``col`` names an existing chapter file (``chapters/<col>.ipynb`` or ``.md``)."""

    def check(row: dict):
        if row[col] is not None and row[col] not in chapter_files():
            return col, "the stem of a file in chapters/ (" + ", ".join(chapter_files()) + ")", repr(row[col])
        return None

    return check


BRIEF_CHECKS = TableSchema(
    doc="Every checkable claim of the brief, section by section, with the verdict, one line of evidence, "
    "the sources and the chapter that discusses it.",
    columns=(
        Col("claim_id", pattern=SLUG),
        Col("section", choices=BRIEF_SECTIONS, doc="the brief's section heading"),
        Col("claim", doc="a short quotation or close paraphrase of the brief"),
        Col("kind", choices=CLAIM_KINDS),
        Col("verdict", choices=CHECK_VERDICTS),
        Col("evidence", doc="one line: what the source says"),
        Col(
            "source_id",
            required=False,
            doc="register ids (';'-separated); required unless the verdict is unverified or judgement",
        ),
        Col("chapter", required=False, doc="the chapter file that discusses the claim; blank = none"),
    ),
    key=("claim_id",),
    row_checks=(required_if("source_id", "verdict", SOURCED_VERDICTS), existing_chapter("chapter")),
    min_rows=100,
)

SCHEMAS = {"key_facts": KEY_FACTS, "brief_claims": BRIEF_CLAIMS, "brief_checks": BRIEF_CHECKS}


def key_facts(catalog: Catalog | None = None) -> pd.DataFrame:
    return load("key_facts", catalog=catalog)


def brief_claims(catalog: Catalog | None = None) -> pd.DataFrame:
    """The brief's numerical claims indexed by ``claim_id``."""
    return load("brief_claims", catalog=catalog).set_index("claim_id", drop=False)


def brief_checks(catalog: Catalog | None = None) -> pd.DataFrame:
    """Every checked claim of the brief, in the file's order (section by section), indexed by ``claim_id``."""
    return load("brief_checks", catalog=catalog).set_index("claim_id", drop=False)


def fact(facts: pd.DataFrame, fact_id: str, as_of: str | None = None) -> pd.Series:
    """The one row of a fact (for a given ``as_of`` if the fact has several); KeyError if not exactly one."""
    rows = facts[facts["fact_id"] == fact_id]
    if as_of is not None:
        rows = rows[rows["as_of"] == as_of]
    if len(rows) != 1:
        raise KeyError(f"fact {fact_id!r} (as_of={as_of!r}) matches {len(rows)} rows; expected 1")
    return rows.iloc[0]
