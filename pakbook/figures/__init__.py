"""Everything that draws: charts, tables and maps share one frame, one style and one way of crediting sources.

Chapters import ``from pakbook import figures`` and call ``figures.series``, ``figures.bars``,
``figures.timeline`` and ``figures.table`` (and ``figures.source_break`` to mark where one source gives way to
another on a series); maps are in :mod:`pakbook.figures.maps.book`.
CONTRIBUTING.md states the contract every figure keeps.
"""

from .bars import bars
from .marks import source_break
from .series import series
from .style import setup_notebook
from .tables import table
from .timeline import timeline

__all__ = ["bars", "series", "setup_notebook", "source_break", "table", "timeline"]
