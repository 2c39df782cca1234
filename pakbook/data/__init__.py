"""The book's data: one schema and one loader per dataset, grouped by topic.

``load(name)`` returns a validated DataFrame (or GeoDataFrame) for a dataset named in
``data/catalog.yml``, or raises one :class:`~pakbook.errors.DataError` that names the file,
line and column of the first problem. A dataset may be stored in several files with the
same schema (``parts``); they are read, validated and concatenated, and the key must be
unique across them. Nothing partial is returned.

Each topic is one module, which holds what its data are (schemas with units and column
docs), how they are read (named loaders that add an index, an order or a filter) and how
its derived tables are made (``DERIVED``): ``geography``, ``facts``, ``aid``, ``trade``,
``finance``, ``arms``, ``cpec``, ``security``, ``minerals``, ``contacts``, ``events``. A chapter imports
the topics it uses (``from pakbook.data import trade``); the registry below imports a topic
only when one of its datasets is loaded, so that the execution manifest records, and a
change re-executes, only the chapters that read that topic.
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import TYPE_CHECKING

import pandas as pd

from ..errors import DataError

if TYPE_CHECKING:  # imported when first used, so that `python -m pakbook.data.catalog` runs cleanly
    from .catalog import Catalog
    from .validate import GeoSchema, TableSchema

#: The topic modules in the order of the "Data and sources" page.
TOPIC_MODULES = (
    "geography",
    "facts",
    "aid",
    "trade",
    "finance",
    "arms",
    "cpec",
    "security",
    "minerals",
    "contacts",
    "events",
)

#: dataset name (the catalogue's ``dataset`` field) -> the topic module that holds its schema.
#: tests/test_catalog.py checks that this agrees with each module's ``SCHEMAS`` both ways.
DATASETS = {
    "places": "geography",
    "ne_countries_50m": "geography",
    "ne_boundary_lines_50m": "geography",
    "ne_lakes_50m": "geography",
    "ne_countries_10m": "geography",
    "key_facts": "facts",
    "brief_claims": "facts",
    "brief_checks": "facts",
    "us_aid_greenbook": "aid",
    "us_aid_fagov": "aid",
    "us_aid_crs": "aid",
    "us_aid_econ_mil": "aid",
    "us_aid_crs_series": "aid",
    "us_aid_fagov_sectors": "aid",
    "trade_dots": "trade",
    "trade_census_monthly": "trade",
    "trade_census_annual": "trade",
    "trade_reported": "trade",
    "us_tariffs_2025": "trade",
    "china_pakistan_trade": "trade",
    "china_pakistan_mirror_gap": "trade",
    "us_pakistan_trade": "trade",
    "exports_to_china_by_product": "trade",
    "external_debt_by_creditor": "finance",
    "financing_events": "finance",
    "sipri_tiv": "arms",
    "sipri_register": "arms",
    "sipri_shares": "arms",
    "sipri_shares_computed": "arms",
    "cpec_waypoints": "cpec",
    "cgit_annual": "cpec",
    "aiddata_gcdf3": "cpec",
    "cpec_projects": "cpec",
    "cpec_figures": "cpec",
    "gwadar_port": "cpec",
    "cpec_headline_basis": "cpec",
    "attacks": "security",
    "attack_casualties": "security",
    "china_security_demands": "security",
    "diplomatic_positions": "security",
    "mineral_sites": "minerals",
    "mineral_figures": "minerals",
    "contacts": "contacts",
    "milestones": "events",
}


def topic(module: str) -> ModuleType:
    """A topic module by its short name (``"trade"`` -> :mod:`pakbook.data.trade`)."""
    if module not in TOPIC_MODULES:
        raise KeyError(f"unknown topic {module!r}; known: {', '.join(TOPIC_MODULES)}")
    return importlib.import_module(f"{__name__}.{module}")


def topic_of(name: str) -> ModuleType:
    """The topic module that holds dataset ``name``."""
    if name not in DATASETS:
        raise KeyError(f"unknown dataset {name!r}; known: {', '.join(sorted(DATASETS))}")
    return topic(DATASETS[name])


def schema(name: str) -> TableSchema | GeoSchema:
    """The schema of dataset ``name`` (importing only its topic)."""
    return topic_of(name).SCHEMAS[name]


def schemas() -> dict[str, TableSchema | GeoSchema]:
    """Every dataset's schema, in topic order (imports every topic: for tests and the data page)."""
    return {name: topic(t).SCHEMAS[name] for t in TOPIC_MODULES for name in DATASETS if DATASETS[name] == t}


def derived_tables() -> dict:
    """Every derivation rule: derived file (relative to ``data/``) -> function returning its CSV text."""
    out: dict = {}
    for t in TOPIC_MODULES:
        out.update(getattr(topic(t), "DERIVED", {}))
    return out


def load(name: str, *, catalog: Catalog | None = None) -> pd.DataFrame:
    """Load and validate one dataset by name (all its parts), or raise DataError."""
    from .catalog import Catalog
    from .validate import GeoSchema, read_geojson, read_table

    sch = schema(name)
    catalog = catalog or Catalog()
    records = catalog.for_dataset(name)
    if not records:
        raise KeyError(f"dataset {name!r} has no file in {catalog.path}")
    if isinstance(sch, GeoSchema):
        if len(records) != 1:
            raise KeyError(f"dataset {name!r}: GeoJSON datasets have one file, the catalogue lists {len(records)}")
        return read_geojson(catalog, records[0], sch)
    frames = [read_table(catalog, rec, sch) for rec in records]
    if len(frames) == 1:
        return frames[0]
    df = pd.concat(frames, ignore_index=True)
    dup = df.duplicated(list(sch.key), keep="first")
    if dup.any():
        row = df[dup].iloc[0]
        shown = ", ".join(f"{k}={row[k]}" for k in sch.key)
        files = " and ".join(r.path for r in records)
        raise DataError(
            files, None, ",".join(sch.key), f"a key unique across the parts of {name}", f"{shown} in more than one part"
        )
    df.attrs["source_file"] = ", ".join(r.path for r in records)
    df.attrs["units"] = frames[0].attrs.get("units", {})
    if sch.period:
        df.attrs["period"] = sch.period
    return df


def keep_attrs(out: pd.DataFrame, like: pd.DataFrame) -> pd.DataFrame:
    """``out`` (a filtered or sorted copy of ``like``) with ``like``'s attrs (units, source file): pandas drops them."""
    out.attrs = dict(like.attrs)
    return out


def one(df: pd.DataFrame, column: str = "value_usd_m", **eq) -> float:
    """The one value of ``column`` in the row of ``df`` matching every ``column=value`` given: a KeyError naming the
    filter unless exactly one row matches (so a chapter never picks the first of two conflicting figures silently)."""
    rows = df
    for col, v in eq.items():
        rows = rows[rows[col] == v]
    if len(rows) != 1:
        raise KeyError(f"{eq}: {len(rows)} rows match, 1 expected")
    return float(rows[column].iloc[0])
