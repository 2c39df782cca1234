"""Writing the derived tables: numbers without float noise, CSV text, fiscal-year labels, and files written or checked.

Each topic module's derivation rules (e.g. :func:`pakbook.data.aid.make_us_aid_econ_mil`) return a table's CSV text made with
these helpers; ``scripts/derive_tables.py`` writes it with :func:`write_or_check`.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from .. import paths


def fmt(x, decimals: int = 3) -> str:
    """A number written without float noise: at most ``decimals`` decimals, no trailing zeros; blank for None/NaN."""
    if x is None or x != x:
        return ""
    text = f"{float(x):.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def csv_text(header: list[str], rows: list[list]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    for r in rows:
        assert len(r) == len(header), r
        w.writerow(["" if v is None else v for v in r])
    return buf.getvalue()


def val(v):
    """None for a blank cell (None or NaN), else the value."""
    return None if v is None or v != v else v


def txt(v) -> str:
    """A text cell, blank for a blank."""
    v = val(v)
    return "" if v is None else str(v)


def fy_year(fy: str) -> int:
    return int(fy[:4])


def fy_months(fy: str) -> int:
    return 3 if fy.endswith("TQ") else 12


def fy_order(fy: str):
    return (int(fy[:4]), fy.endswith("TQ"))


def write_or_check(path: Path, text: str, check: bool) -> bool:
    """Make ``path`` hold ``text`` (UTF-8), or with ``check`` only compare; return whether the file already held it.

    Prints one line per file: ``same``, ``wrote`` or (under ``check``) ``DIFFERS``, and the path. A file that already
    holds the text is not rewritten; under ``check`` nothing is written and no folder is created.
    """
    path = Path(path)
    same = path.is_file() and path.read_text(encoding="utf-8") == text
    if not same and not check:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    print(f"{'same' if same else 'DIFFERS' if check else 'wrote'} {paths.rel(path)}")
    return same
