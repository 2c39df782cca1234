"""Generic readers that validate while they read.

A dataset is described by a :class:`TableSchema` (CSV) or a :class:`GeoSchema`
(GeoJSON). The readers check the file against its catalogue checksum, decode it
strictly as UTF-8, check the header, convert every cell to its declared type,
check ranges (numbers and dates), choices, patterns, unique keys, source ids,
coordinate bounds and geometry validity, then the schema's row checks (relations
between the columns of one row: ``both_or_neither``, ``required_if``, ``blank_if``,
``reason_if_blank``, ``not_before``, ``at_least``, ``sums_to``,
``date_matches_precision``, ``same_sign``) and table checks (across rows:
``sorted_by``), and raise one :class:`~pakbook.errors.DataError` naming the file,
line (or feature) and column at the first problem. Nothing partial is returned.

Dates are ``date`` (YYYY-MM-DD) or ``partial_date`` (YYYY-MM-DD, YYYY-MM or YYYY, a
real calendar date kept as text, for events known only to the month or year).
Numbers, years and dates are read strictly as ASCII: no digit separators (``1_000``,
``1,000``), no digits of other scripts (``٣٤``), no ``inf`` or ``nan``; column patterns
match with ``re.ASCII`` (a digit is 0-9).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import math
import re
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from ..errors import DataError
from .catalog import Catalog, FileRecord

KINDS = ("str", "int", "float", "date", "partial_date", "year")
_PANDAS_DTYPE = {"str": "str", "int": "Int64", "float": "float64", "year": "Int64", "partial_date": "str"}
# ASCII-only patterns: ``\d`` would also match the digits of other scripts, which int() accepts.
_INT = re.compile(r"-?[0-9]+")
_FLOAT = re.compile(r"[-+]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][-+]?[0-9]+)?")
_YEAR = re.compile(r"[0-9]{4}")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_PARTIAL_DATE = re.compile(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?")
#: A source id cited inside square brackets in free text, e.g. "[G06]" or "[R14; same elevation R15, R16]".
_BRACKETS = re.compile(r"\[([^\]]*)\]")
_CITED_ID = re.compile(r"\b[A-Z][A-Z0-9]*(?:[_.-][A-Z0-9]+)*\b")

#: A row check takes the converted row and returns None, or (column, expected, found).
RowCheck = Callable[[dict], "tuple[str, str, object] | None"]
#: A table check takes the converted rows and their lines and returns None, or (line, column, expected, found).
TableCheck = Callable[[list, list], "tuple[int | str, str, str, object] | None"]


@dataclass(frozen=True)
class Col:
    """One column: its type, whether blanks are allowed, and its allowed values."""

    name: str
    kind: str = "str"
    required: bool = True
    min: float | None = None
    max: float | None = None
    choices: tuple[str, ...] | None = None
    pattern: str | None = None
    unit: str = ""
    doc: str = ""
    #: Date range (ISO dates) for kinds ``date`` and ``partial_date``; a partial date is compared at its precision.
    earliest: str | None = None
    latest: str | None = None

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"column {self.name}: kind {self.kind!r} not in {KINDS}")
        if (self.earliest or self.latest) and self.kind not in ("date", "partial_date"):
            raise ValueError(f"column {self.name}: earliest/latest apply to dates only")

    def expected(self) -> str:
        what = {
            "str": "text",
            "int": "a whole number",
            "float": "a number",
            "date": "an ISO date YYYY-MM-DD",
            "partial_date": "an ISO date YYYY-MM-DD, YYYY-MM or YYYY",
            "year": "a four-digit year",
        }[self.kind]
        if self.choices:
            what = "one of " + ", ".join(self.choices)
        if self.pattern:
            what += f" matching /{self.pattern}/"
        if self.min is not None and self.max is not None:
            what += f" between {self.min:g} and {self.max:g}"
        elif self.min is not None:
            what += f" of at least {self.min:g}"
        elif self.max is not None:
            what += f" of at most {self.max:g}"
        if self.earliest and self.latest:
            what += f" between {self.earliest} and {self.latest}"
        elif self.earliest:
            what += f" not before {self.earliest}"
        elif self.latest:
            what += f" not after {self.latest}"
        return what


@dataclass(frozen=True)
class TableSchema:
    columns: tuple[Col, ...]
    key: tuple[str, ...]
    #: Columns whose values (several separated by ';') must be source ids in the catalogue.
    source_columns: tuple[str, ...] = ("source_id",)
    #: Free-text columns whose bracketed citations ("... [G06]", "[M04;M05]") must be source ids in the catalogue.
    cited_in_text: tuple[str, ...] = ()
    row_checks: tuple[RowCheck, ...] = ()
    #: Checks across rows (order, sequences), run after every row has passed.
    table_checks: tuple[TableCheck, ...] = ()
    min_rows: int = 1
    doc: str = ""
    #: The kind of period of the rows when it is not the calendar year (``us_fiscal_year``, ``pk_fiscal_year``):
    #: set as ``attrs["period"]`` on what the loader returns, so that a chart labels its axis by it.
    period: str | None = None

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns]


@dataclass(frozen=True)
class GeoSchema:
    properties: tuple[Col, ...]
    geometry_types: tuple[str, ...]
    bounds: tuple[float, float, float, float] = (-180.0, -90.0, 180.0, 90.0)
    key: tuple[str, ...] = ()
    min_features: int = 1
    doc: str = ""
    #: The register ids of the layer's producers (a GeoJSON layer has no source_id column): attrs["source_ids"].
    source_ids: tuple[str, ...] = ()


def both_or_neither(a: str, b: str) -> RowCheck:
    """Row check: columns ``a`` and ``b`` are both filled or both blank (e.g. lat and lon)."""

    def check(row: dict):
        if (row[a] is None) != (row[b] is None):
            blank, filled = (a, b) if row[a] is None else (b, a)
            return blank, f"a value, because '{filled}' has one", "a blank"
        return None

    return check


def _show(value) -> str:
    """A converted cell as the messages quote it."""
    if isinstance(value, dt.date):
        return repr(value.isoformat())
    if isinstance(value, float):
        return repr(f"{value:.15g}")
    return repr(value if isinstance(value, str) else str(value))


def required_if(col: str, other: str, values: tuple) -> RowCheck:
    """Row check: ``col`` must be filled when ``other`` is one of ``values``."""

    def check(row: dict):
        if row[other] in values and row[col] is None:
            return col, f"a value, because '{other}' is {row[other]}", "a blank"
        return None

    return check


def blank_if(col: str, other: str, values: tuple) -> RowCheck:
    """Row check: ``col`` must be blank when ``other`` is one of ``values`` (e.g. no figure for a gap)."""

    def check(row: dict):
        if row[other] in values and row[col] is not None:
            return col, f"a blank, because '{other}' is {row[other]}", _show(row[col])
        return None

    return check


def reason_if_blank(value: str, reason: str) -> RowCheck:
    """Row check: a blank ``value`` (a gap) must say why in ``reason``."""

    def check(row: dict):
        if row[value] is None and row[reason] is None:
            return reason, f"the reason why '{value}' is blank", "a blank"
        return None

    return check


def _ordered(later: str, earlier: str, words: str) -> RowCheck:
    def check(row: dict):
        a, b = row[later], row[earlier]
        if a is None or b is None:
            return None
        if isinstance(a, str) and isinstance(b, str):
            n = min(len(a), len(b))
            bad = a[:n] < b[:n]
        else:
            bad = a < b
        if bad:
            return later, f"a value {words} '{earlier}' ({_show(b)[1:-1]})", _show(a)
        return None

    return check


def not_before(later: str, earlier: str) -> RowCheck:
    """Row check: the date (or year) ``later`` is not before ``earlier`` when both are filled.

    Partial dates are compared at the precision of the shorter one.
    """
    return _ordered(later, earlier, "not before")


def at_least(col: str, other: str) -> RowCheck:
    """Row check: the number ``col`` is not less than ``other`` when both are filled (ranges, gross vs net)."""
    return _ordered(col, other, "not less than")


def sums_to(total: str, parts: tuple[str, ...], tol: float = 0.0) -> RowCheck:
    """Row check: ``total`` equals the sum of ``parts`` (blank parts count as missing, so no check)."""

    def check(row: dict):
        values = [row[p] for p in parts]
        if row[total] is None or any(v is None for v in values):
            return None
        s = sum(values)
        if abs(row[total] - s) > tol:
            return total, f"the sum of {', '.join(parts)} ({s:.15g}, within {tol:g})", _show(row[total])
        return None

    return check


#: How many characters an ISO date has at each precision.
PRECISION_LENGTH = {"day": 10, "month": 7, "year": 4}


def date_matches_precision(date_col: str, precision_col: str) -> RowCheck:
    """Row check: a partial date is written to the precision the row states (day, month, year)."""

    def check(row: dict):
        want = PRECISION_LENGTH.get(row[precision_col])
        if want is not None and row[date_col] is not None and len(row[date_col]) != want:
            form = {10: "YYYY-MM-DD", 7: "YYYY-MM", 4: "YYYY"}[want]
            return (
                date_col,
                f"a date written {form}, because '{precision_col}' is {row[precision_col]}",
                _show(row[date_col]),
            )
        return None

    return check


def same_sign(a: str, b: str) -> RowCheck:
    """Row check: ``b`` has the sign of ``a`` (e.g. constant and current dollars of one amount)."""

    def check(row: dict):
        x, y = row[a], row[b]
        if x is None or y is None:
            return None
        if (x > 0 and y < 0) or (x < 0 and y > 0) or ((x == 0) != (y == 0)):
            return b, f"the sign of '{a}' ({x:.15g})", _show(y)
        return None

    return check


def sorted_by(col: str) -> TableCheck:
    """Table check: rows are in ascending order of ``col`` (blanks last are not allowed in between)."""

    def check(rows: list, lines: list):
        prev, prev_line = None, None
        for row, line in zip(rows, lines):
            v = row[col]
            if v is None:
                continue
            if prev is not None and v < prev:
                return (
                    line,
                    col,
                    f"rows in ascending order of {col} (not before {_show(prev)[1:-1]} on line {prev_line})",
                    _show(v),
                )
            prev, prev_line = v, line
        return None

    return check


# -- cells ------------------------------------------------------------------------------------
def convert(value: str, col: Col, file: str, line: int | str):
    """Convert one cell to the column's type and check it; blank cells become None."""
    if value.strip() == "":
        if col.required:
            raise DataError(file, line, col.name, col.expected(), "a blank cell")
        return None
    if value != value.strip():
        raise DataError(file, line, col.name, f"{col.expected()} without surrounding spaces", repr(value))
    out: object
    try:
        if col.kind == "int":
            if not _INT.fullmatch(value):
                raise ValueError
            out = int(value)
        elif col.kind == "year":
            if not _YEAR.fullmatch(value):
                raise ValueError
            out = int(value)
        elif col.kind == "float":
            if not _FLOAT.fullmatch(value):
                raise ValueError
            out = float(value)
            if not math.isfinite(out):
                raise ValueError
        elif col.kind == "date":
            if not _DATE.fullmatch(value):
                raise ValueError
            out = dt.date.fromisoformat(value)
        elif col.kind == "partial_date":
            if not _PARTIAL_DATE.fullmatch(value):
                raise ValueError
            dt.date.fromisoformat((value + "-01-01")[:10] if len(value) == 4 else (value + "-01")[:10])
            out = value
        else:
            out = value
    except ValueError:
        raise DataError(file, line, col.name, col.expected(), repr(value)) from None
    if col.kind in ("date", "partial_date") and (col.earliest or col.latest):
        iso = out.isoformat() if isinstance(out, dt.date) else out
        n = len(iso)
        if (col.earliest and iso < col.earliest[:n]) or (col.latest and iso > col.latest[:n]):
            raise DataError(file, line, col.name, col.expected(), repr(value))
    if col.choices and out not in col.choices:
        raise DataError(file, line, col.name, col.expected(), repr(value))
    if col.pattern and not re.fullmatch(col.pattern, str(out), re.ASCII):  # \d and \w: ASCII only
        raise DataError(file, line, col.name, col.expected(), repr(value))
    if isinstance(out, (int, float)):
        if (col.min is not None and out < col.min) or (col.max is not None and out > col.max):
            raise DataError(file, line, col.name, col.expected(), repr(value))
    return out


def decode(raw: bytes, file: str) -> str:
    if not raw.strip():
        raise DataError(file, None, None, "a header and data rows", "an empty file")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise DataError(
            file, line, None, "UTF-8 text", f"the byte 0x{raw[exc.start]:02x}, which is not UTF-8"
        ) from None
    if text.startswith("\ufeff"):
        raise DataError(file, 1, None, "UTF-8 without a byte-order mark", "a byte-order mark")
    return text


def _check_sources(value, catalog: Catalog, file: str, line, column: str):
    for sid in (s.strip() for s in str(value).split(";")):
        if sid not in catalog.sources:
            raise DataError(file, line, column, "a source id defined under 'sources' in data/catalog.yml", repr(sid))


def cited_ids(text: str) -> list[str]:
    """The source ids cited in square brackets in free text: "see [R14; same elevation R15, R16]" -> R14, R15, R16."""
    return [sid for inside in _BRACKETS.findall(text) for sid in _CITED_ID.findall(inside)]


def _check_cited(text, catalog: Catalog, file: str, line, column: str):
    for sid in cited_ids(str(text)):
        if sid not in catalog.sources:
            raise DataError(
                file,
                line,
                column,
                "bracketed citations that are source ids defined under 'sources' in data/catalog.yml",
                repr(sid),
            )


def _check_key(rows: list[dict], lines: list, key: tuple[str, ...], file: str):
    seen: dict[tuple, object] = {}
    for row, line in zip(rows, lines):
        k = tuple(row[c] for c in key)
        if k in seen:
            shown = ", ".join(f"{c}={row[c]}" for c in key)
            raise DataError(
                file, line, ",".join(key), f"a unique key ({shown} appears once)", f"a duplicate of {seen[k]}"
            )
        seen[k] = f"line {line}" if isinstance(line, int) else line


def _frame(rows: list[dict], cols: tuple[Col, ...]) -> pd.DataFrame:
    data = {}
    for c in cols:
        values = [r[c.name] for r in rows]
        if c.kind == "date":
            data[c.name] = pd.to_datetime(pd.Series(values, dtype="object"))
        else:
            data[c.name] = pd.Series(values, dtype=_PANDAS_DTYPE[c.kind])
    df = pd.DataFrame(data)
    df.attrs["units"] = {c.name: c.unit for c in cols if c.unit}
    return df


# -- tables -----------------------------------------------------------------------------------
def read_table(catalog: Catalog, record: FileRecord, schema: TableSchema) -> pd.DataFrame:
    """Read and validate one CSV file; return a typed DataFrame or raise DataError."""
    file = record.path
    path = catalog.verify(record)
    text = decode(path.read_bytes(), file)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader)
    except csv.Error as exc:
        raise DataError(file, 1, None, "a well-formed CSV header", str(exc)) from None
    names = schema.names
    for i, h in enumerate(header):
        if header.index(h) != i:
            raise DataError(file, 1, h, "each column once", "a repeated column name")
    for n in names:
        if n not in header:
            raise DataError(file, 1, n, f"the columns {', '.join(names)}", "the column is missing")
    for h in header:
        if h not in names:
            raise DataError(file, 1, h, f"only the columns {', '.join(names)}", "an unexpected column")
    rows, lines = [], []
    next_line = 2
    try:
        for rec in reader:
            line, next_line = next_line, reader.line_num + 1
            if not rec:
                continue
            if len(rec) != len(header):
                raise DataError(file, line, None, f"{len(header)} fields", f"{len(rec)} fields")
            values = dict(zip(header, rec))
            row = {c.name: convert(values[c.name], c, file, line) for c in schema.columns}
            for check in schema.row_checks:
                problem = check(row)
                if problem:
                    raise DataError(file, line, *problem)
            for sc in schema.source_columns:
                if row[sc] is not None:
                    _check_sources(row[sc], catalog, file, line, sc)
            for tc in schema.cited_in_text:
                if row[tc] is not None:
                    _check_cited(row[tc], catalog, file, line, tc)
            rows.append(row)
            lines.append(line)
    except csv.Error as exc:
        raise DataError(file, next_line, None, "well-formed CSV", str(exc)) from None
    if len(rows) < schema.min_rows:
        raise DataError(file, None, None, f"at least {schema.min_rows} data row(s)", f"{len(rows)} data rows")
    _check_key(rows, lines, schema.key, file)
    for check in schema.table_checks:
        problem = check(rows, lines)
        if problem:
            raise DataError(file, *problem)
    df = _frame(rows, schema.columns)
    df.attrs["source_file"] = file
    if schema.period:
        df.attrs["period"] = schema.period
    return df


# -- GeoJSON ----------------------------------------------------------------------------------
def read_geojson(catalog: Catalog, record: FileRecord, schema: GeoSchema):
    """Read and validate one GeoJSON FeatureCollection in WGS 84; return a GeoDataFrame or raise DataError."""
    import geopandas as gpd
    import shapely
    from shapely.geometry import shape

    file = record.path
    path = catalog.verify(record)
    text = decode(path.read_bytes(), file)
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise DataError(file, exc.lineno, None, "valid JSON", exc.msg) from None
    if not isinstance(doc, dict) or doc.get("type") != "FeatureCollection":
        raise DataError(
            file,
            None,
            "type",
            "a GeoJSON FeatureCollection",
            doc.get("type") if isinstance(doc, dict) else type(doc).__name__,
        )
    crs = (doc.get("crs") or {}).get("properties", {}).get("name")
    if crs not in (None, "urn:ogc:def:crs:OGC:1.3:CRS84", "EPSG:4326"):
        raise DataError(file, None, "crs", "WGS 84 longitude/latitude (CRS84)", crs)
    feats = doc.get("features") or []
    if len(feats) < schema.min_features:
        raise DataError(file, None, None, f"at least {schema.min_features} feature(s)", f"{len(feats)} features")
    rows, geoms, where = [], [], []
    x0, y0, x1, y1 = schema.bounds
    for i, feat in enumerate(feats):
        at = f"feature {i}"
        props = feat.get("properties") or {}
        unexpected = sorted(set(props) - {c.name for c in schema.properties})
        if unexpected:
            raise DataError(
                file,
                at,
                unexpected[0],
                "only the properties " + ", ".join(c.name for c in schema.properties),
                "an unexpected property",
            )
        row = {}
        for c in schema.properties:
            v = props.get(c.name)
            row[c.name] = convert("" if v is None else str(v), c, file, at)
        try:
            geom = shape(feat.get("geometry"))
        except Exception as exc:  # shapely raises several types for malformed geometry
            raise DataError(file, at, "geometry", "a GeoJSON geometry", str(exc)) from None
        if geom.geom_type not in schema.geometry_types:
            raise DataError(
                file, at, "geometry", "a geometry of type " + " or ".join(schema.geometry_types), geom.geom_type
            )
        if geom.is_empty:
            raise DataError(file, at, "geometry", "a non-empty geometry", "an empty geometry")
        if not geom.is_valid:
            raise DataError(file, at, "geometry", "a valid geometry", shapely.is_valid_reason(geom))
        gx0, gy0, gx1, gy1 = geom.bounds
        if gx0 < x0 or gy0 < y0 or gx1 > x1 or gy1 > y1:
            raise DataError(
                file,
                at,
                "geometry",
                f"coordinates within lon {x0:g}..{x1:g}, lat {y0:g}..{y1:g}",
                f"bounds {tuple(round(b, 4) for b in geom.bounds)}",
            )
        rows.append(row)
        geoms.append(geom)
        where.append(at)
    if schema.key:
        _check_key(rows, where, schema.key, file)
    df = _frame(rows, schema.properties)
    gdf = gpd.GeoDataFrame(df, geometry=geoms, crs="EPSG:4326")
    gdf.attrs["source_file"] = file
    gdf.attrs["source_ids"] = list(schema.source_ids)
    return gdf
