"""Pages of the book generated from the catalogue and the schemas (the "Data and sources" page)."""

from __future__ import annotations

from .catalog import Catalog
from .data import SCHEMAS
from .validate import GeoSchema

_KIND = {"str": "text", "int": "integer", "float": "number", "date": "date", "year": "year"}


def _columns(schema) -> str:
    cols = schema.properties if isinstance(schema, GeoSchema) else schema.columns
    items = []
    for c in cols:
        bits = [_KIND[c.kind]]
        if c.unit:
            bits.append(c.unit)
        if not c.required:
            bits.append("may be blank")
        text = f"`{c.name}` ({', '.join(bits)})"
        if c.doc:
            text += f": {c.doc}"
        items.append(text)
    return "; ".join(items)


def _escape(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def data_page(catalog: Catalog | None = None, *, prefix: str = "../data/") -> str:
    """Markdown (MyST) describing every file of the catalogue, with a download link for each.

    ``prefix`` is the path from the page to the data folder.
    """
    catalog = catalog or Catalog()
    out = []
    for kind, heading in (("raw", "Figures as published"), ("derived", "Derived by the book's scripts")):
        recs = [r for r in catalog.files if r.kind == kind]
        if not recs:
            continue
        out.append(f"**{heading}** ({len(recs)} files)\n")
        for r in recs:
            schema = SCHEMAS[r.dataset]
            out.append(
                f"- **{r.title}**. {{download}}`{r.name} <{prefix}{r.path}>`\n"
                f"  - Producer: {r.producer}. {r.citation}. <{r.url}> (accessed {r.accessed}).\n"
                f"  - Licence: {r.licence}. Coverage: {r.coverage}. Units: {r.units}.\n"
                f"  - How it was made: {r.derivation}\n"
                f"  - Dataset `{r.dataset}`: {schema.doc} Columns: {_columns(schema)}.\n"
                f"  - sha256 `{r.sha256[:16]}…`\n"
            )
    return "\n".join(out)


def sources_table(catalog: Catalog | None = None) -> str:
    """Markdown table of the source register: every id that rows of the data cite."""
    catalog = catalog or Catalog()
    lines = ["| Source id | Producer and title | Date | Address |", "|---|---|---|---|"]
    for sid, s in catalog.sources.items():
        title = f"{s['producer']}: {s['title']}"
        if s.get("read_via"):
            title += f" (read via {s['read_via']})"
        lines.append(f"| `{sid}` | {_escape(title)} | {_escape(s.get('date', 'n.d.'))} | <{s['url']}> |")
    return "\n".join(lines)
