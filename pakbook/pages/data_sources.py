"""The "Data and sources" page, generated from the catalogue and the schemas."""

from __future__ import annotations

from .. import data
from ..data.catalog import Catalog
from ..data.validate import GeoSchema
from ..figures import tables

_KIND = {
    "str": "text",
    "int": "integer",
    "float": "number",
    "date": "date",
    "partial_date": "date (day, month or year)",
    "year": "year",
}
_FILE_KIND = {"raw": "Figures as published", "derived": "Derived by the book's scripts"}


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


def _one_line(text) -> str:
    return str(text).replace("\n", " ")


def topics(catalog: Catalog | None = None) -> dict[str, dict[str, list]]:
    """``{topic: {dataset: [file records]}}`` in the book's topic order, datasets in catalogue order."""
    catalog = catalog or Catalog()
    out: dict[str, dict[str, list]] = {data.topic(t).TITLE: {} for t in data.TOPIC_MODULES}
    for r in catalog.files:
        out[data.topic_of(r.dataset).TITLE].setdefault(r.dataset, []).append(r)
    return {t: d for t, d in out.items() if d}


def _file(r, prefix: str) -> str:
    return (
        f"  - *{_FILE_KIND[r.kind]}*: **{r.title}**. {{download}}`{r.name} <{prefix}{r.path}>`\n"
        f"    - Producer: {r.producer}. {r.citation}. <{r.url}> (accessed {r.accessed}).\n"
        f"    - Licence: {r.licence}. Coverage: {r.coverage}. Units: {r.units}.\n"
        f"    - How it was made: {r.derivation}\n"
        f"    - sha256 `{r.sha256[:16]}…`\n"
    )


def only(builder: str, text: str) -> str:
    """``text`` in an ``{only}`` block: shown by one builder (``html`` or ``latex``) and left out by the other."""
    return f"::::::{{only}} {builder}\n{text.rstrip()}\n::::::\n"


def _joined(values) -> str:
    return "; ".join(dict.fromkeys(_one_line(v) for v in values))


def print_table(catalog: Catalog | None = None) -> str:
    """The data appendix as the PDF prints it: one row per dataset (producer, coverage, licence, files), a longtable."""
    import pandas as pd

    catalog = catalog or Catalog()
    rows = [
        {
            "dataset": f"`{name}`",
            "producer": _joined(r.producer for r in recs),
            "coverage": _joined(r.coverage for r in recs),
            "licence": _joined(r.licence for r in recs),
            "files": "; ".join(f"{r.path} ({r.kind})" for r in recs),
        }
        for datasets in topics(catalog).values()
        for name, recs in datasets.items()
    ]
    return tables.markdown(
        pd.DataFrame(rows),
        name="tbl-data-appendix",
        caption="The book's datasets: producer, coverage, licence and files (raw: figures as published; derived: "
        "made by the book's scripts). Columns, units, derivations and checksums are in the online edition of this "
        "page and in data/catalog.yml.",
    )


def data_page(catalog: Catalog | None = None, *, prefix: str = "../data/") -> str:
    """Markdown (MyST) describing every dataset and file of the catalogue, grouped by topic, with a download link per file.

    The HTML shows every record in full (the codebook); the PDF prints the compact table of ``print_table``.
    ``prefix`` is the path from the page to the data folder.
    """
    catalog = catalog or Catalog()
    groups = topics(catalog)
    n_raw = sum(r.kind == "raw" for r in catalog.files)
    out = [
        f"{len(catalog.files)} files in {sum(len(d) for d in groups.values())} datasets: {n_raw} of figures as published, "
        f"{len(catalog.files) - n_raw} derived by the book's scripts. Topics: "
        + "; ".join(f"{t} ({len(d)})" for t, d in groups.items())
        + ".\n"
    ]
    for topic, datasets in groups.items():
        out.append(f"**{topic}**\n")
        for name, recs in datasets.items():
            schema = data.schema(name)
            out.append(
                f"- Dataset `{name}`: {schema.doc} Columns: {_columns(schema)}.\n"
                + "".join(_file(r, prefix) for r in recs)
            )
    return out[0] + "\n" + only("html", "\n".join(out[1:])) + "\n" + only("latex", print_table(catalog))


def sources_list(catalog: Catalog | None = None) -> str:
    """Markdown list of the source register: every id that rows of the data cite, with the address, the date it
    was read and, where the text was read on a copy elsewhere, what that copy was (the catalogue's ``read_via``).

    A list rather than a table: four narrow columns of long titles and addresses
    run to many pages in print, while a list breaks cleanly across pages.
    """
    catalog = catalog or Catalog()
    items = []
    for sid, s in catalog.sources.items():
        text = f"- `{sid}`: {s['producer']}, *{_one_line(s['title'])}*"
        if s.get("date"):
            text += f" ({_one_line(s['date'])})"
        url = str(s["url"])
        text += f". <{url}>" if url.startswith("http") else f". {_one_line(url)}"
        text += f" (accessed {_one_line(s['accessed'])})."
        if s.get("read_via"):
            text += f" Copy read: {_one_line(s['read_via'])}."
        items.append(text)
    in_print = (
        f"The register's {len(items)} entries, each with its address and the date it was read, are in the online "
        "edition of this page and in the repository's data/catalog.yml. In print, each figure's source line names "
        "its producers and the bibliography lists the works the text cites."
    )
    return only("html", "\n".join(items)) + "\n" + only("latex", in_print)
