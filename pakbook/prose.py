"""Numbers for the prose: every figure in a chapter's text is glued from code through here."""

from __future__ import annotations

import numbers

import numpy as np


def plain(value):
    """A plain Python number (glue formats numpy scalars badly: 'np.float64(20.0)')."""
    if isinstance(value, (np.integer,)):
        return int(value)
    if isinstance(value, (np.floating,)):
        return float(value)
    if isinstance(value, numbers.Number) and not isinstance(value, bool):
        return value
    raise TypeError(f"expected a number, got {type(value).__name__}: {value!r}")


def glue_number(name: str, value) -> None:
    """Glue a number for ``{glue:text}`name:format``` in the text, without displaying it."""
    from myst_nb import glue

    glue(name, plain(value), display=False)


def glue_facts(facts, **names) -> None:
    """Glue key facts by name: ``glue_facts(kf, hormuz_flow_mbd=("hormuz_oil_flow", "2024"))``.

    Each value is ``(fact_id, as_of)``, or a fact_id alone for a fact with one row; the glued number is
    the fact's ``value`` (:func:`pakbook.data.facts.fact` raises unless exactly one row matches).
    """
    from .data.facts import fact

    for name, spec in names.items():
        fact_id, as_of = (spec, None) if isinstance(spec, str) else spec
        glue_number(name, fact(facts, fact_id, as_of)["value"])
