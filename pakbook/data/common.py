"""Column patterns and row checks that several topics share."""

from __future__ import annotations

import re  # noqa: F401

from .validate import (
    Col,
    blank_if,
    both_or_neither,
    required_if,
)

ISO2 = r"[A-Z]{2}"
SLUG = r"[a-z][a-z0-9_]*"
#: Incident ids start with the year: 2024_karachi_airport.
INCIDENT = r"\d{4}_[a-z][a-z0-9_]*"
#: A US federal fiscal year as the Greenbook writes it; 1976TQ is the transition quarter (July-September 1976).
US_FY = r"\d{4}(TQ)?"
CONFIDENCE = ("high", "medium", "low")
#: How a published figure relates to the true value: exact = as published, to the precision shown; rounded = a
#: round figure as published (e.g. "US$2.9 billion": to the nearest US$100m); approximate = the source says "about",
#: "some", "around"; lower_bound = the source says "more than" or "at least".
QUALIFIERS = ("exact", "rounded", "approximate", "lower_bound")

#: Pakistan with a margin (degrees): a point outside cannot be a place in Pakistan.
PAK_LAT, PAK_LON = (23.5, 37.5), (60.5, 77.9)
#: How precise a point is: the site itself, a named landmark next to it, the town, another place standing in, or none.
COORD_PRECISION = ("site", "landmark", "town", "proxy", "none")
PROVINCES = (
    "Balochistan",
    "Sindh",
    "Khyber Pakhtunkhwa",
    "Punjab",
    "Gilgit-Baltistan",
    "Islamabad Capital Territory",
    "Azad Kashmir",
)


def fy_between(col: str, first: int, last: int):
    """Row check: a fiscal-year label (``2010``, ``1976TQ``) lies in ``first``..``last``."""

    def check(row):
        v = row[col]
        if v is not None and not first <= int(v[:4]) <= last:
            return col, f"a fiscal year between {first} and {last}", repr(v)
        return None

    return check


def located_unless_none(
    precision: str = "coord_precision", lat: str = "lat", lon: str = "lon", source: str = "coord_source_id"
):
    """Row checks: a point (both coordinates, and the source of the coordinate) is given exactly when its precision is not 'none'."""
    located = tuple(p for p in COORD_PRECISION if p != "none")
    return (
        both_or_neither(lat, lon),
        required_if(lat, precision, located),
        blank_if(lat, precision, ("none",)),
        required_if(source, precision, located),
        blank_if(source, precision, ("none",)),
    )


def point_columns(coord_basis_doc: str = "what the point is, or why there is none") -> tuple[Col, ...]:
    """The five columns of a point in Pakistan and its provenance (checked by ``located_unless_none``)."""
    return (
        Col("lat", "float", required=False, min=PAK_LAT[0], max=PAK_LAT[1], unit="degree north (WGS 84)"),
        Col("lon", "float", required=False, min=PAK_LON[0], max=PAK_LON[1], unit="degree east (WGS 84)"),
        Col(
            "coord_precision",
            choices=COORD_PRECISION,
            doc="site, landmark, town, proxy (another place standing in) or none",
        ),
        Col("coord_basis", doc=coord_basis_doc),
        Col("coord_source_id", required=False, doc="source of the coordinate"),
    )


def reported_or_not_found(value: str = "value_usd_m", status: str = "status", qualifier: str = "qualifier"):
    """Row checks of a figure searched for: a 'reported' row has a value and its qualifier, a 'not_found' row no value."""
    return (
        required_if(value, status, ("reported",)),
        blank_if(value, status, ("not_found",)),
        required_if(qualifier, status, ("reported",)),
    )
