"""The source line of a figure, built from the rows it draws.

Every row of the book's data names its sources in ``source_id`` (several separated by ';'); a
GeoJSON layer names its producer in ``attrs["source_ids"]``. The line credits each source once,
in the order first drawn, by its ``credit`` in the catalogue's register (or its producer), so a
figure can neither credit a source it did not draw nor leave out one it did.
"""

from __future__ import annotations

import re

import pandas as pd

from ..data.catalog import Catalog

#: Where a producer's name ends and the description of the copy begins ("Daily Times (APP), as archived by ...").
_NAME_END = re.compile(r" \(|, | as (?:reported|republished|archived|quoted)| via ")


def short_credit(source: dict) -> str:
    """What a figure prints for a source: its ``credit`` in the register, else its producer's name without the
    description of the copy that was read (the register keeps that)."""
    if source.get("credit"):
        return str(source["credit"]).strip()
    return _NAME_END.split(str(source["producer"]).strip(), maxsplit=1)[0].strip()


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
        text = short_credit(catalog.sources[sid])
        if text not in out:
            out.append(text)
    return "; ".join(out)


def line(*frames, method: str | None = None, catalog: Catalog | None = None) -> str:
    """The source line for the rows of ``frames``, then ``method`` (how the figure computed what it shows).

    A frame may be given as ``(label, frame)``: its sources are then credited in a sentence of their own
    ("Events: ..."), after the unlabelled ones, unless every one of them is already credited.
    """
    plain = [f for f in frames if not isinstance(f, tuple)]
    labelled = [f for f in frames if isinstance(f, tuple)]
    main = ids_of(*plain)
    parts = [credit(main, catalog) + "."] if main else []
    for label, frame in labelled:
        extra = [i for i in ids_of(frame) if i not in main]
        if extra:
            parts.append(f"{label}: {credit(extra, catalog)}.")
            main += extra
    if method:
        parts.append(method.strip())
    return " ".join(parts)
