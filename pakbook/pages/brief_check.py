"""The "Checking the brief" page: the brief's numerical claims against the book's sourced figures."""

from __future__ import annotations

import pandas as pd

from ..data.facts import fact
from ..figures.tables import markdown

#: Relative differences up to these bounds count as "matches" and "rounded".
MATCH, ROUNDED = 0.005, 0.05
#: "not found" means the book looked for a sourced figure and found none (the claim's finding says where).
VERDICTS = ("matches", "rounded", "differs", "not found", "not yet checked")
#: How a sourced figure is introduced in the table, by its qualifier (data.QUALIFIERS).
_QUALIFIER_WORDS = {"exact": "", "rounded": "", "approximate": "about ", "lower_bound": "more than "}


def verdict(claimed: float, sourced: float | None) -> str:
    if sourced is None or pd.isna(sourced):
        return "not yet checked"
    diff = abs(claimed - sourced) / abs(sourced)
    if diff <= MATCH:
        return "matches"
    if diff <= ROUNDED:
        return "rounded"
    return "differs"


def check_claims(claims: pd.DataFrame, facts: pd.DataFrame) -> pd.DataFrame:
    """One row per claim: the brief's value, the sourced value it is checked against (and its qualifier), and the verdict.

    A claim and its fact must be in the same unit; a mismatch is an error in the data, not a verdict.
    """
    rows = []
    for _, c in claims.iterrows():
        sourced, source, qualifier, unit = None, "", "", c["unit"]
        finding = c.get("finding")
        finding = finding if isinstance(finding, str) and finding.strip() else None
        if pd.notna(c["compare_fact_id"]):
            f = fact(facts, c["compare_fact_id"], c["compare_as_of"])
            if f["unit"] != c["unit"]:
                raise ValueError(
                    f"claim {c['claim_id']}: unit {c['unit']!r} differs from fact "
                    f"{c['compare_fact_id']} unit {f['unit']!r}"
                )
            sourced, source, qualifier = (
                float(f["value"]),
                f"{f['fact']} ({f['as_of']}; {f['source_id']})",
                f["qualifier"],
            )
        rows.append(
            {
                "claim_id": c["claim_id"],
                "claim": c["claim"],
                "chapter": c["chapter"],
                "unit": unit,
                "brief_value": float(c["value"]),
                "sourced_value": sourced,
                "sourced_qualifier": qualifier,
                "sourced_as": source,
                "verdict": "not found" if sourced is None and finding else verdict(float(c["value"]), sourced),
                "finding": finding or "",
            }
        )
    return pd.DataFrame(rows)


def value_text(value: float | None, unit: str) -> str:
    """A figure as the table prints it: persons in millions, others with their unit; a dash for none."""
    if value is None or value != value:
        return "–"
    if unit == "persons":
        return f"{value / 1e6:,.1f} million"
    return f"{value:,.1f} {unit}".replace(".0 ", " ")


def table(checked: pd.DataFrame) -> str:
    """The checked claims (the output of :func:`check_claims`) as a numbered, captioned table, one row per claim.

    A longtable, so that in print it breaks across pages rather than running off the bottom of one.
    """
    rows = []
    for _, r in checked.iterrows():
        sourced = value_text(r["sourced_value"], r["unit"])
        if r["sourced_as"]:
            sourced = f"{_QUALIFIER_WORDS[r['sourced_qualifier']]}{sourced} ({r['sourced_as']})"
        elif r["finding"]:
            sourced = r["finding"]
        rows.append(
            {
                "claim": r["claim"],
                "brief": value_text(r["brief_value"], r["unit"]),
                "sourced": sourced,
                "verdict": r["verdict"],
                "chapter": f"{{doc}}`../chapters/{r['chapter']}`",
            }
        )
    return markdown(
        pd.DataFrame(rows, columns=["claim", "brief", "sourced", "verdict", "chapter"]),
        name="tbl-brief-check",
        caption="The brief's numerical claims against the figures the book sourced, with the verdict and the "
        "chapter that discusses each.",
        headers={
            "claim": "Claim in the brief",
            "brief": "Brief",
            "sourced": "Sourced figure",
            "verdict": "Verdict",
            "chapter": "Chapter",
        },
    )


def counts(checked: pd.DataFrame) -> dict[str, int]:
    """How many claims have each verdict (every verdict listed, zeros included)."""
    return {v: int((checked["verdict"] == v).sum()) for v in VERDICTS}
