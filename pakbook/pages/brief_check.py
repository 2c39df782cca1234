"""The "Checking the brief" page: the brief's numerical claims against the book's sourced figures."""

from __future__ import annotations

import pandas as pd

from ..data.catalog import Catalog
from ..data.facts import BRIEF_SECTIONS, CHECK_VERDICTS, fact
from ..figures.sources import credit, line
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
                "chapter": _chapter_link(r["chapter"]),
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


# -- every checkable claim (data/raw/brief/brief_checks.csv) ----------------------------------------
def check_counts(checks: pd.DataFrame) -> dict[str, int]:
    """How many of the brief's claims have each verdict of ``brief_checks`` (every verdict listed, zeros included).

    A verdict outside the vocabulary is an error, not a category of its own.
    """
    unknown = sorted(set(checks["verdict"]) - set(CHECK_VERDICTS))
    if unknown:
        raise ValueError(f"verdicts not in {CHECK_VERDICTS}: {unknown}")
    return {v: int((checks["verdict"] == v).sum()) for v in CHECK_VERDICTS}


def sections_in_order(checks: pd.DataFrame) -> list[str]:
    """The brief's sections that have claims, in the brief's order."""
    present = set(checks["section"])
    unknown = sorted(present - set(BRIEF_SECTIONS))
    if unknown:
        raise ValueError(f"sections not in the brief: {unknown}")
    return [s for s in BRIEF_SECTIONS if s in present]


def section_table_name(checks: pd.DataFrame, section: str) -> str:
    """The ``tbl-`` label of a section's table: its number in the brief's order (``tbl-brief-claims-03``)."""
    return f"tbl-brief-claims-{sections_in_order(checks).index(section) + 1:02d}"


def section_counts(checks: pd.DataFrame) -> pd.DataFrame:
    """Claims by section (rows, in the brief's order) and verdict (columns, zeros included), with a total column."""
    order = sections_in_order(checks)
    out = (
        pd.crosstab(checks["section"], checks["verdict"])
        .reindex(index=order, columns=list(CHECK_VERDICTS), fill_value=0)
        .astype(int)
    )
    out["total"] = out.sum(axis=1)
    out.index.name = "section"
    return out


def summary_table(checks: pd.DataFrame) -> str:
    """The counts by section and verdict as a numbered table, each section linked to its own table."""
    counts = section_counts(checks)
    rows = counts.reset_index()
    rows["section"] = [f"{s} ({{numref}}`{section_table_name(checks, s)}`)" for s in counts.index]
    total = {"section": "All sections", **{c: int(counts[c].sum()) for c in counts.columns}}
    rows = pd.concat([rows, pd.DataFrame([total])], ignore_index=True)
    headers = {"section": "Section of the brief", "total": "Total", **{v: v.capitalize() for v in CHECK_VERDICTS}}
    return markdown(
        rows,
        name="tbl-brief-claims-summary",
        caption="The brief's checkable claims by section and verdict; each section's claims are in the table named.",
        headers=headers,
    )


def _chapter_link(chapter) -> str:
    return f"{{doc}}`../chapters/{chapter}`" if isinstance(chapter, str) and chapter.strip() else "–"


def section_table(checks: pd.DataFrame, section: str, catalog: Catalog | None = None) -> str:
    """One section's claims as a numbered, captioned longtable: claim, kind, verdict, evidence, sources, chapter.

    The sources column gives each row's source credits; the source line under the table credits them all.
    """
    rows = checks[checks["section"] == section]
    if rows.empty:
        raise ValueError(f"no claims in section {section!r}")
    shown = pd.DataFrame(
        {
            "claim": rows["claim"].to_list(),
            "kind": rows["kind"].to_list(),
            "verdict": rows["verdict"].to_list(),
            "evidence": rows["evidence"].to_list(),
            "sources": [
                credit(str(s).split(";"), catalog) if isinstance(s, str) and s.strip() else "–"
                for s in rows["source_id"]
            ],
            "chapter": [_chapter_link(c) for c in rows["chapter"]],
        }
    )
    n = len(rows)
    return markdown(
        shown,
        name=section_table_name(checks, section),
        caption=f"The brief checked, \u201c{section}\u201d: {n} claim{'s' if n != 1 else ''}, with the verdict, "
        "the evidence, its sources and the chapter that discusses each.",
        headers={
            "claim": "Claim in the brief",
            "kind": "Kind",
            "verdict": "Verdict",
            "evidence": "Evidence",
            "sources": "Sources",
            "chapter": "Chapter",
        },
        source=line(rows, catalog=catalog) if rows["source_id"].notna().any() else None,
    )


def check_tables(checks: pd.DataFrame, catalog: Catalog | None = None) -> list[str]:
    """Every section's table, in the brief's order."""
    return [section_table(checks, s, catalog) for s in sections_in_order(checks)]
