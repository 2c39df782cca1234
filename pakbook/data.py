"""One schema and one loader per dataset.

``load(name)`` returns a validated DataFrame (or GeoDataFrame) for a dataset named
in ``data/catalog.yml``, or raises one :class:`~pakbook.errors.DataError` that
names the file, line and column of the first problem. A dataset may be stored in
several files with the same schema (``parts``); they are read, validated and
concatenated, and the key must be unique across them.

Columns are documented here (name, type, unit, meaning); the "Data and sources"
page of the book prints these descriptions.
"""

from __future__ import annotations

import pandas as pd

from .catalog import Catalog
from .errors import DataError
from .validate import Col, GeoSchema, TableSchema, both_or_neither, read_geojson, read_table

ISO2 = r"[A-Z]{2}"
SLUG = r"[a-z][a-z0-9_]*"

# -- places ---------------------------------------------------------------------------------------
PLACES = TableSchema(
    doc="Named places drawn on the maps: cities, ports, passes, straits, and sea-label anchors.",
    columns=(
        Col("place_id", pattern=SLUG, doc="identifier used by the chapters"),
        Col("name", doc="name as given by the source"),
        Col("kind", choices=("capital", "city", "port", "pass", "strait", "sea"), doc="what the point is"),
        Col("country", required=False, pattern=ISO2, doc="ISO 3166-1 alpha-2 code; blank at sea"),
        Col("lat", "float", min=-90, max=90, unit="degree north (WGS 84)"),
        Col("lon", "float", min=-180, max=180, unit="degree east (WGS 84)"),
        Col("source_id", doc="producer of the coordinate (see sources)"),
        Col("source_ref", doc="record in that source (e.g. GeoNames id, article)"),
        Col("note", required=False),
    ),
    key=("place_id",),
)

# -- key facts -----------------------------------------------------------------------------------
KEY_FACTS = TableSchema(
    doc="Single figures the prose cites (coastline, population, oil flows...). Conflicting values are separate rows.",
    columns=(
        Col("fact_id", pattern=SLUG),
        Col("fact", doc="what is measured"),
        Col("value", "float", min=0, doc="the figure as published"),
        Col("unit"),
        Col("as_of", doc="year or period the figure refers to"),
        Col("source_id"),
        Col("confidence", choices=("high", "medium", "low")),
        Col("note", required=False),
    ),
    key=("fact_id", "as_of", "source_id"),
)

# -- the brief's claims ---------------------------------------------------------------------------
BRIEF_CLAIMS = TableSchema(
    doc="Numerical claims of the brief the book grew from, each with the key fact it is checked against.",
    columns=(
        Col("claim_id", pattern=SLUG),
        Col("section", doc="section of the brief"),
        Col("claim", doc="the claim, paraphrased"),
        Col("value", "float", min=0, doc="the figure as the brief states it"),
        Col("unit"),
        Col("as_of", required=False),
        Col("compare_fact_id", required=False, pattern=SLUG, doc="key fact to compare with; blank = no sourced figure yet"),
        Col("compare_as_of", required=False),
        Col("chapter", pattern=r"\d\d_[a-z_]+", doc="chapter that discusses the claim"),
        Col("source_id"),
    ),
    key=("claim_id",),
    row_checks=(both_or_neither("compare_fact_id", "compare_as_of"),),
)

# -- CPEC alignments ----------------------------------------------------------------------------
CPEC_WAYPOINTS = TableSchema(
    doc="CPEC road and rail alignments as ordered waypoints (towns named by the sources, not road centre-lines).",
    columns=(
        Col("route_id", pattern=SLUG),
        Col("seq", "int", min=1, doc="order along the route as listed by the source"),
        Col("place"),
        Col("lat", "float", required=False, min=20, max=45, unit="degree north (WGS 84)", doc="blank where no sourced coordinate exists"),
        Col("lon", "float", required=False, min=55, max=80, unit="degree east (WGS 84)"),
        Col("coord_source", doc="where the coordinate comes from, or why it is blank"),
        Col("segment_note", required=False, doc="the section that ends at this waypoint"),
        Col("source_id", doc="sources naming the route or this waypoint, ';'-separated"),
    ),
    key=("route_id", "seq"),
    row_checks=(both_or_neither("lat", "lon"),),
)

# -- base geography (Natural Earth) -------------------------------------------------------------
_NE_BOUNDARY_CLASSES = (
    "International boundary (verify)",
    "Disputed (please verify)",
    "Line of control (please verify)",
    "Indefinite (please verify)",
    "Indeterminant frontier",
)
#: How a country's point of view reclassifies a line (Natural Earth's FCLASS_* columns).
_NE_POV_CLASSES = _NE_BOUNDARY_CLASSES + ("Unrecognized", "Admin-1 boundary", "Map unit boundary")
NE_COUNTRIES = GeoSchema(
    doc="Natural Earth admin-0 countries (de facto edition), clipped.",
    properties=(Col("ADM0_A3", pattern=r"[A-Z0-9]{3}"), Col("NAME")),
    geometry_types=("Polygon", "MultiPolygon"),
    key=("ADM0_A3",),
)
NE_BOUNDARY_LINES = GeoSchema(
    doc="Natural Earth land boundary lines with their class and the Chinese, Indian and Pakistani points of view.",
    properties=(
        Col("NE_ID", "int", min=0),
        Col("FEATURECLA", choices=_NE_BOUNDARY_CLASSES),
        Col("FCLASS_CN", required=False, choices=_NE_POV_CLASSES, doc="class in China's view; blank = as FEATURECLA"),
        Col("FCLASS_IN", required=False, choices=_NE_POV_CLASSES, doc="class in India's view"),
        Col("FCLASS_PK", required=False, choices=_NE_POV_CLASSES, doc="class in Pakistan's view"),
    ),
    geometry_types=("LineString", "MultiLineString"),
    key=(),  # Natural Earth gives some boundaries in several parts under one NE_ID
)
NE_LAKES = GeoSchema(
    doc="Natural Earth lakes (large water bodies such as the Caspian Sea), clipped.",
    properties=(Col("ne_id", "int", min=0), Col("name", required=False)),
    geometry_types=("Polygon", "MultiPolygon"),
    key=(),  # ne_id repeats for lakes given in several parts
)

#: dataset name -> schema. The catalogue's ``dataset`` field must name one of these.
SCHEMAS: dict[str, TableSchema | GeoSchema] = {
    "places": PLACES,
    "key_facts": KEY_FACTS,
    "cpec_waypoints": CPEC_WAYPOINTS,
    "brief_claims": BRIEF_CLAIMS,
    "ne_countries_50m": NE_COUNTRIES,
    "ne_boundary_lines_50m": NE_BOUNDARY_LINES,
    "ne_lakes_50m": NE_LAKES,
    "ne_countries_10m": NE_COUNTRIES,
}


def load(name: str, *, catalog: Catalog | None = None) -> pd.DataFrame:
    """Load and validate one dataset by name (all its parts), or raise DataError."""
    if name not in SCHEMAS:
        raise KeyError(f"unknown dataset {name!r}; known: {', '.join(sorted(SCHEMAS))}")
    catalog = catalog or Catalog()
    schema = SCHEMAS[name]
    records = catalog.for_dataset(name)
    if not records:
        raise KeyError(f"dataset {name!r} has no file in {catalog.path}")
    if isinstance(schema, GeoSchema):
        if len(records) != 1:
            raise KeyError(f"dataset {name!r}: GeoJSON datasets have one file, the catalogue lists {len(records)}")
        return read_geojson(catalog, records[0], schema)
    frames = [read_table(catalog, rec, schema) for rec in records]
    if len(frames) == 1:
        return frames[0]
    df = pd.concat(frames, ignore_index=True)
    dup = df.duplicated(list(schema.key), keep="first")
    if dup.any():
        row = df[dup].iloc[0]
        shown = ", ".join(f"{k}={row[k]}" for k in schema.key)
        files = " and ".join(r.path for r in records)
        raise DataError(files, None, ",".join(schema.key), f"a key unique across the parts of {name}", f"{shown} in more than one part")
    df.attrs["source_file"] = ", ".join(r.path for r in records)
    df.attrs["units"] = frames[0].attrs.get("units", {})
    return df


# -- named loaders: what chapters call ------------------------------------------------------------
def places(catalog: Catalog | None = None) -> pd.DataFrame:
    """Places indexed by ``place_id``."""
    return load("places", catalog=catalog).set_index("place_id", drop=False)


def key_facts(catalog: Catalog | None = None) -> pd.DataFrame:
    return load("key_facts", catalog=catalog)


def fact(facts: pd.DataFrame, fact_id: str, as_of: str | None = None) -> pd.Series:
    """The one row of a fact (for a given ``as_of`` if the fact has several); KeyError if not exactly one."""
    rows = facts[facts["fact_id"] == fact_id]
    if as_of is not None:
        rows = rows[rows["as_of"] == as_of]
    if len(rows) != 1:
        raise KeyError(f"fact {fact_id!r} (as_of={as_of!r}) matches {len(rows)} rows; expected 1")
    return rows.iloc[0]


def cpec_waypoints(catalog: Catalog | None = None) -> pd.DataFrame:
    return load("cpec_waypoints", catalog=catalog).sort_values(["route_id", "seq"], ignore_index=True)


def basemap(resolution: str = "50m", catalog: Catalog | None = None) -> dict:
    """The base geography layers at a resolution: ``{"countries": ..., "boundaries": ..., "lakes": ...}``."""
    layers = {"countries": f"ne_countries_{resolution}"}
    if resolution == "50m":
        layers |= {"boundaries": "ne_boundary_lines_50m", "lakes": "ne_lakes_50m"}
    return {k: load(v, catalog=catalog) for k, v in layers.items()}

