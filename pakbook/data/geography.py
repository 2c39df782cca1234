"""Geography and base maps: the places the maps name, and Natural Earth's countries, boundaries and lakes."""

from __future__ import annotations

import pandas as pd

from . import load
from .catalog import Catalog
from .common import ISO2, SLUG
from .validate import (
    Col,
    GeoSchema,
    TableSchema,
)

TITLE = "Geography and base maps"

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
    source_ids=("NATURAL_EARTH",),
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
    source_ids=("NATURAL_EARTH",),
    key=(),  # Natural Earth gives some boundaries in several parts under one NE_ID
)
NE_LAKES = GeoSchema(
    doc="Natural Earth lakes (large water bodies such as the Caspian Sea), clipped.",
    properties=(Col("ne_id", "int", min=0), Col("name", required=False)),
    geometry_types=("Polygon", "MultiPolygon"),
    source_ids=("NATURAL_EARTH",),
    key=(),  # ne_id repeats for lakes given in several parts
)

SCHEMAS = {
    "places": PLACES,
    "ne_countries_50m": NE_COUNTRIES,
    "ne_boundary_lines_50m": NE_BOUNDARY_LINES,
    "ne_lakes_50m": NE_LAKES,
    "ne_countries_10m": NE_COUNTRIES,
}
#: Natural Earth's boundary classes, for the maps' line styles (pakbook.figures.maps.base).
BOUNDARY_CLASSES = _NE_BOUNDARY_CLASSES


def places(catalog: Catalog | None = None) -> pd.DataFrame:
    """Places indexed by ``place_id``."""
    return load("places", catalog=catalog).set_index("place_id", drop=False)


def basemap(resolution: str = "50m", catalog: Catalog | None = None) -> dict:
    """The base geography layers at a resolution: ``{"countries": ..., "boundaries": ..., "lakes": ...}``."""
    layers = {"countries": f"ne_countries_{resolution}"}
    if resolution == "50m":
        layers |= {"boundaries": "ne_boundary_lines_50m", "lakes": "ne_lakes_50m"}
    return {k: load(v, catalog=catalog) for k, v in layers.items()}
