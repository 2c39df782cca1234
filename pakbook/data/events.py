"""Milestones that the charts mark: alliances and sanctions, wars, aid packages, CPEC steps, tariff steps, crises.

One row per event, each with its source. A period (a war, sanctions in force) has an ``end_date``;
a point event has none. Dates carry their precision, so a chart draws a month-precision event
as the month, not as its first day (:func:`pakbook.figures.axes.date_span`).
"""

from __future__ import annotations

import pandas as pd

from . import keep_attrs, load
from .catalog import Catalog
from .common import SLUG
from .validate import Col, TableSchema, date_matches_precision, not_before, sorted_by

TITLE = "Milestones"

TRACKS = ("us_pakistan", "china_pakistan", "regional")
KINDS = ("alliance", "sanction", "aid_package", "war", "agreement", "cpec", "tariff", "crisis", "visit")
#: The longest label a chart prints beside a rule or band.
LABEL_MAX = 28


def _end_matches_form(row):
    end = row["end_date"]
    if end is not None and len(end) not in (4, 7, 10):
        return "end_date", "an ISO date YYYY-MM-DD, YYYY-MM or YYYY", repr(end)
    return None


MILESTONES = TableSchema(
    doc="Dated milestones the charts annotate: US-Pakistan and China-Pakistan relations and regional events, "
    "each a point (no end_date) or a period (with end_date), with a short label for charts and its sources.",
    columns=(
        Col("event_id", pattern=SLUG),
        Col("date", "partial_date", earliest="1940-01-01", latest="2026-12-31", doc="start, to the precision known"),
        Col("date_precision", choices=("day", "month", "year")),
        Col(
            "end_date",
            "partial_date",
            required=False,
            earliest="1940-01-01",
            latest="2026-12-31",
            doc="end of a period; blank for a point event",
        ),
        Col("track", choices=TRACKS, doc="which relationship the event belongs to"),
        Col("kind", choices=KINDS),
        Col("label", pattern=rf".{{1,{LABEL_MAX}}}", doc=f"what a chart prints (at most {LABEL_MAX} characters)"),
        Col("description", doc="what happened, in one neutral sentence"),
        Col("source_id", doc="sources, ';'-separated"),
        Col("note", required=False),
    ),
    key=("event_id",),
    row_checks=(date_matches_precision("date", "date_precision"), not_before("end_date", "date"), _end_matches_form),
    table_checks=(sorted_by("date"),),
)

SCHEMAS = {"milestones": MILESTONES}


def milestones(
    *, track: str | tuple[str, ...] | None = None, kinds: tuple[str, ...] | None = None, catalog: Catalog | None = None
) -> pd.DataFrame:
    """Milestones in date order, optionally of some tracks and kinds, indexed by ``event_id``."""
    df = load("milestones", catalog=catalog)
    out = df
    if track is not None:
        tracks = (track,) if isinstance(track, str) else tuple(track)
        unknown = set(tracks) - set(TRACKS)
        if unknown:
            raise ValueError(f"unknown track {sorted(unknown)}; known: {', '.join(TRACKS)}")
        out = out[out["track"].isin(tracks)]
    if kinds is not None:
        out = out[out["kind"].isin(kinds)]
    return keep_attrs(out.set_index("event_id", drop=False), df)
