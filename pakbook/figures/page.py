"""Print geometry: the one definition of the page the figures are drawn for.

A figure is drawn at the PDF's text width, so 8 pt in the figure is 8 pt on the printed page;
the HTML shows the same PNG scaled to the column. ``bookbuild.sphinx_latex`` sets the LaTeX text
block to ``TEXT_WIDTH_IN`` and tests/test_pdf.py confirms the width from the LaTeX log.
"""

from __future__ import annotations

#: Width of the PDF text block in inches.
TEXT_WIDTH_IN = 6.27
#: How far (inches) a figure may be from the text width, for the rounding of pixel densities.
TOLERANCE_IN = 0.01
#: Resolution of the PNGs stored in the notebooks: sharp in print at full text width.
DPI = 200
#: Smallest type size allowed in any figure (points, at print size).
MIN_FONT_PT = 8.0
#: Body type of the figures (labels, annotations).
BASE_FONT_PT = 9.0
#: TeX points per inch (the LaTeX log measures in these).
PT_PER_IN = 72.27
