"""Checking the brief's numerical claims against the book's sourced figures."""

from __future__ import annotations

import pandas as pd

from .data import fact

#: Relative differences up to these bounds count as "matches" and "rounded".
MATCH, ROUNDED = 0.005, 0.05


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
    """One row per claim: the brief's value, the sourced value it is checked against, and the verdict.

    A claim and its fact must be in the same unit; a mismatch is an error in the data, not a verdict.
    """
    rows = []
    for _, c in claims.iterrows():
        sourced, source, unit = None, "", c["unit"]
        if pd.notna(c["compare_fact_id"]):
            f = fact(facts, c["compare_fact_id"], c["compare_as_of"])
            if f["unit"] != c["unit"]:
                raise ValueError(f"claim {c['claim_id']}: unit {c['unit']!r} differs from fact "
                                 f"{c['compare_fact_id']} unit {f['unit']!r}")
            sourced, source = float(f["value"]), f"{f['fact']} ({f['as_of']}; {f['source_id']})"
        rows.append({
            "claim_id": c["claim_id"], "claim": c["claim"], "chapter": c["chapter"], "unit": unit,
            "brief_value": float(c["value"]), "sourced_value": sourced, "sourced_as": source,
            "verdict": verdict(float(c["value"]), sourced),
        })
    return pd.DataFrame(rows)
