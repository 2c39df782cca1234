"""Tables: a DataFrame as a numbered, captioned table in the HTML and the PDF, referable with {numref}.

The cell's output is MyST Markdown (a ``{table}`` directive around a Markdown table), which the
book renders as Markdown (``nb_render_markdown_format: myst``), so the table gets a number, a
caption and a ``tbl-`` label like a figure, and the LaTeX builder sets it as a real table. The
source line under it is built from the rows' ``source_id``, as a figure's is.
"""

from __future__ import annotations

import re

import pandas as pd

from . import sources

_NAME = re.compile(r"tbl-[a-z0-9][a-z0-9-]*")


def cell(value, blank: str = "–") -> str:
    """Text safe inside a Markdown table cell: no line breaks, '|' escaped; ``blank`` for a missing value."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return blank
    if isinstance(value, (int, float)) and not isinstance(value, bool):  # a float keeps its decimals: round it first
        value = f"{value:,}"
    return str(value).replace("|", "\\|").replace("\n", " ").strip() or blank


def markdown(
    df: pd.DataFrame,
    *,
    name: str,
    caption: str,
    headers: dict | None = None,
    blank: str = "–",
    source: str | None = None,
) -> str:
    """The MyST text of the table: ``{table}`` with caption and name, the rows, and a source line under it."""
    if not _NAME.fullmatch(name):
        raise ValueError(f"table name {name!r}: expected tbl- and lower-case words joined by '-'")
    if not caption.strip():
        raise ValueError("a table needs a caption")
    headers = headers or {}
    cols = list(df.columns)
    head = "| " + " | ".join(cell(headers.get(c, c.replace("_", " ").capitalize())) for c in cols) + " |"
    rule = "|" + "|".join("---" for _ in cols) + "|"
    body = ["| " + " | ".join(cell(v, blank) for v in row) + " |" for row in df.itertuples(index=False)]
    text = (
        # longtable: a table longer than the page breaks across pages in the PDF (Sphinx's LaTeX writer)
        f":::{{table}} {caption.strip()}\n:name: {name}\n:align: left\n:class: longtable\n\n"
        + "\n".join([head, rule, *body])
        + "\n:::\n"
    )
    if source:
        text += f"\nSource: {source}\n"
    return text


def table(
    df: pd.DataFrame,
    *,
    name: str,
    caption: str,
    columns: list[str] | None = None,
    headers: dict | None = None,
    formats: dict | None = None,
    blank: str = "–",
    note: str | None = None,
):
    """Display ``df`` (or its ``columns``) as a numbered, captioned table, with the source line of its rows.

    ``headers`` renames columns for the reader (put the unit there: "US$ billion"); ``formats`` maps a column to a
    format spec (``{"value_bn": ".2f", "year": "FY{}"}``: a spec with ``{}`` is a template) applied to its filled
    cells; ``blank`` stands in missing cells; ``note`` is added to the source line. Returns the IPython Markdown
    object (the cell's output).
    """
    from IPython.display import Markdown

    shown = (df[columns] if columns else df).copy()
    for col, spec in (formats or {}).items():
        fmt = spec.format if "{" in spec else ("{:" + spec + "}").format
        shown[col] = [
            fmt(v) if not (v is None or (not isinstance(v, str) and pd.isna(v))) else None for v in shown[col]
        ]
    src = sources.line(df, method=note)
    return Markdown(markdown(shown, name=name, caption=caption, headers=headers, blank=blank, source=src))
