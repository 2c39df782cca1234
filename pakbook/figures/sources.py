"""The source line of a figure, built from the rows it draws.

Every row of the book's data names its sources in ``source_id`` (several separated by ';'); a
GeoJSON layer names its producer in ``attrs["source_ids"]``. The line credits each source once,
in the order first drawn, by its ``credit`` in the catalogue's register (or its producer), so a
figure can neither credit a source it did not draw nor leave out one it did.
"""

from __future__ import annotations

import pandas as pd

from ..data.catalog import Catalog


def ids_of(*frames) -> list[str]:
    """The source ids of the rows of ``frames``, each once, in order of first appearance."""
    out: list[str] = []
    for df in frames:
        if df is None:
            continue
        if isinstance(df, pd.DataFrame) and "source_id" in df.columns:
            values = [v for cell in df["source_id"].dropna() for v in str(cell).split(";")]
        else:
            values = list(getattr(df, "attrs", {}).get("source_ids", ()))
            if not values:
                raise ValueError("a frame with no source_id column and no attrs['source_ids']: its source is unknown")
        for v in (v.strip() for v in values):
            if v and v not in out:
                out.append(v)
    return out


def credit(ids, catalog: Catalog | None = None) -> str:
    """The credits of source ids joined with '; ' (each credit once). KeyError for an id not in the register."""
    catalog = catalog or Catalog()
    out: list[str] = []
    for sid in ids:
        if sid not in catalog.sources:
            raise KeyError(f"source id {sid!r} is not in the register of {catalog.path}")
        s = catalog.sources[sid]
        text = str(s.get("credit") or s["producer"]).strip()
        if text not in out:
            out.append(text)
    return "; ".join(out)


def line(*frames, method: str | None = None, catalog: Catalog | None = None) -> str:
    """The source line for the rows of ``frames``, then ``method`` (how the figure computed what it shows)."""
    text = credit(ids_of(*frames), catalog) + "."
    if method:
        text += " " + method.strip()
    return text
