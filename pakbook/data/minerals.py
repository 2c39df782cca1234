"""Critical minerals: sites and prospects, established or claimed, and figures about them."""

from __future__ import annotations

import pandas as pd

from . import load
from .catalog import Catalog
from .common import CONFIDENCE, PROVINCES, SLUG, located_unless_none, point_columns
from .validate import (
    Col,
    TableSchema,
    at_least,
)

TITLE = "Critical minerals"

# == critical minerals ================================================================================
MINERAL_SITES = TableSchema(
    doc="Mining sites and prospects: established (an operating mine or reserves in a feasibility study) or claimed "
    "(survey estimates, expert or political statements), with a point where one is sourced.",
    columns=(
        Col("site_id", pattern=SLUG),
        Col("name"),
        Col("minerals"),
        Col("province", choices=PROVINCES),
        Col("district", required=False),
        *point_columns(),
        Col("status"),
        Col("claim_class", choices=("established", "claimed")),
        Col("claim_basis", doc="why the site is classed so"),
        Col("operator_partners"),
        Col("key_figures", doc="summary with the source ids in brackets; numbers in mineral_figures"),
        Col("source_id"),
        Col("note", required=False),
    ),
    key=("site_id",),
    source_columns=("source_id", "coord_source_id"),
    cited_in_text=("coord_basis", "key_figures", "note"),
    row_checks=located_unless_none(),
)

MINERAL_FIGURES = TableSchema(
    doc="Figures about the mineral sites (costs, reserves, capacities) and national claims (site_id 'pakistan'); "
    "conflicting figures are separate rows.",
    columns=(
        Col("site_id", pattern=SLUG, doc="a site of mineral_sites, or 'pakistan' for national claims"),
        Col("figure"),
        Col("value", "float", min=0),
        Col("value_high", "float", required=False, min=0, doc="upper end where the source gives a range"),
        Col("unit"),
        Col("as_of"),
        Col("source_id"),
        Col("confidence", choices=CONFIDENCE),
        Col("note", required=False),
    ),
    key=("site_id", "figure", "source_id"),
    row_checks=(at_least("value_high", "value"),),
)

SCHEMAS = {"mineral_sites": MINERAL_SITES, "mineral_figures": MINERAL_FIGURES}


def sites(catalog: Catalog | None = None) -> pd.DataFrame:
    """Mineral sites indexed by site_id."""
    return load("mineral_sites", catalog=catalog).set_index("site_id", drop=False)
