"""Sphinx extension for the PDF: the text block is the width the figures are drawn for, and tables and
long strings stay inside it.

- The text block's width is ``page.TEXT_WIDTH_IN``: on ``config-inited`` the left and right
  margins (Sphinx's ``hmargin``) are set to what the paper leaves around it. The preamble in
  ``_config.yml`` writes the width LaTeX ended up with to the log, and tests/test_pdf.py checks
  it, so a figure drawn at the text width prints at the size it was drawn.
- Sphinx typesets a table of more than 30 rows as a ``longtable`` whose columns, unless the
  source gives widths, are ``l`` columns that never wrap and run past the margin. Here every
  table without widths of its own gets column widths measured from its content: each column
  wraps at a width in proportion to what it holds, and is no narrower than its longest word.
  Tables that set ``:widths:`` or a ``tabularcolumns`` spec keep them. (The book's tables today:
  the claims checked on the "Checking the brief" page; the chapters to come will have more.)
- Long strings with no space, such as URLs in running text or a sha256, cannot be
  broken by TeX. Here such a string gets break points after its punctuation (and
  every few characters in a long run of letters and digits). URLs set as links
  (``\\sphinxurl``) break anywhere through ``\\UrlBreaks`` in ``_config.yml``.

Enabled in ``_config.yml`` (``sphinx.extra_extensions``); it changes nothing in the HTML.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from docutils import nodes

from pakbook.figures import page

#: Paper widths in inches, by LaTeX paper size (``latex_elements.papersize``).
PAPER_WIDTH_IN = {"a4paper": 210 / 25.4, "letterpaper": 8.5}
#: Size of the body text in points (``latex_elements.pointsize`` in _config.yml; checked on ``config-inited``).
BODY_PT = 11
#: Average advance of a character of the body text (FreeSerif), in em: about 5.1 pt at 11 pt.
CHAR_EM = 0.464
#: Average characters of body text on one line of the PDF's text block, counting each column's padding.
LINE_CHARS = int(page.TEXT_WIDTH_IN * page.PT_PER_IN / (BODY_PT * CHAR_EM))
#: Room a column's padding (two \tabcolsep, 12 pt) takes, in characters, rounded up.
COLUMN_PAD = 3
#: A string with no space longer than this gets break points (in a table cell: ``LONG_WORD_IN_TABLE``;
#: there an inline code id, such as a long source id, gets them too).
LONG_WORD = 20
LONG_WORD_IN_TABLE = 12
#: Longest run of letters and digits left unbroken inside a long string.
RUN = 10
#: Monospace text (code, ids) is wider than the serif body text by about this factor.
MONO_WIDTH = 1.3
#: A capital letter is wider than the average letter of the body text by about this factor.
CAPITAL_WIDTH = 1.35
#: A table's header is set in bold sans, wider than the serif body text by about this factor.
HEADER_WIDTH = 1.2
#: Nodes whose text is left alone (code, math, raw output, titles that also go into PDF bookmarks).
_KEEP = (
    nodes.literal,
    nodes.literal_block,
    nodes.raw,
    nodes.math,
    nodes.math_block,
    nodes.title,
    nodes.subtitle,
    nodes.rubric,
    nodes.doctest_block,
)


def text_length(text: str) -> float:
    """Length of ``text`` in average characters of the body font (capitals count wider)."""
    return len(text) + (CAPITAL_WIDTH - 1) * sum(c.isupper() for c in text)


def word_length(word: str, long_word: int = LONG_WORD) -> float:
    """Width a word needs on one line: all of it, or its longest piece if it is long enough to get break points."""
    if len(word) > long_word:
        return max(text_length(p) for p in break_pieces(word))
    return text_length(word)


def column_widths(
    rows: Sequence[Sequence[str]],
    line: int = LINE_CHARS,
    pad: int = COLUMN_PAD,
    long_word: int = LONG_WORD,
    min_widths: Sequence[float] | None = None,
) -> list[int]:
    """Relative widths for the columns of a table whose cells hold ``rows`` of text.

    Each width is the column's text width in characters plus ``pad``; together they
    come to ``line`` when the table needs the whole line. A column whose longest cell
    fits in an even share keeps that length; the other columns share what is left in
    proportion to their mean cell length, each getting at least its longest word
    (a word longer than ``long_word`` gets break points, so counts as its longest piece) and at
    least its entry in ``min_widths`` (for text that cannot break, such as code).
    """
    ncol = max((len(r) for r in rows), default=0)
    if ncol == 0:
        return []
    cols = [[r[i] if i < len(r) else "" for r in rows] for i in range(ncol)]
    minimum = list(min_widths) if min_widths is not None else [0.0] * ncol
    longest = [max(max(text_length(c) for c in col), minimum[i]) for i, col in enumerate(cols)]
    word = [
        max(minimum[i], max((word_length(w, long_word) for c in col for w in c.split()), default=0)) + 1
        for i, col in enumerate(cols)
    ]
    mean = [max(1.0, sum(text_length(c) for c in col) / len(col)) for col in cols]
    room = max(ncol, line - pad * ncol)
    if sum(longest) <= room:
        return [max(1, math.ceil(n)) + pad for n in longest]
    fixed: dict[int, float] = {}
    wide = list(range(ncol))
    while True:  # a column whose longest cell fits in a fair share keeps its natural width
        left = room - sum(fixed.values())
        narrow = [i for i in wide if longest[i] <= left / len(wide)]
        if not narrow or len(narrow) == len(wide):
            break
        fixed.update({i: float(longest[i]) for i in narrow})
        wide = [i for i in wide if i not in narrow]
    left = room - sum(fixed.values())
    share = {i: left * mean[i] / sum(mean[j] for j in wide) for i in wide}
    # No column narrower than its longest word: take the shortfall from the columns with room to spare.
    for i in [i for i in wide if share[i] < word[i]]:
        need = word[i] - share[i]
        share[i] = float(word[i])
        for j in sorted(wide, key=lambda j: -(share[j] - word[j])):
            give = max(0.0, min(need, share[j] - word[j]))
            share[j] -= give
            need -= give
            if need <= 0:
                break
    fixed.update(share)
    # never rounded below its longest word: a fraction of a character too narrow and the word overflows
    return [max(1, round(fixed[i]), math.ceil(word[i] - 1e-9) if i in wide else 0) + pad for i in range(ncol)]


_LONG = re.compile(r"\S{%d,}" % (LONG_WORD + 1))
_LONG_IN_TABLE = re.compile(r"\S{%d,}" % (LONG_WORD_IN_TABLE + 1))
_AFTER = re.compile(r"(?<=[/.\-_?&=;:,+#%~)\]])")


def break_pieces(word: str, run: int = RUN) -> list[str]:
    """A long string cut into pieces between which a line may break.

    Cuts after punctuation (URL separators and the like), and every ``run``
    characters inside a longer run of letters and digits. Joining the pieces
    gives the string back.
    """
    out = []
    for part in (p for p in _AFTER.split(word) if p):
        out.extend(part[i : i + run] for i in range(0, len(part), run))
    return out


def split_text(text: str, long: re.Pattern = _LONG) -> list[str]:
    """``text`` as pieces: ordinary text, and long strings cut by ``break_pieces``; a break may go between pieces."""
    pieces, pos = [], 0
    for m in long.finditer(text):
        if m.start() > pos:
            pieces.append(text[pos : m.start()])
        pieces.extend(break_pieces(m.group()))
        pos = m.end()
    if pos < len(text):
        pieces.append(text[pos:])
    return pieces


def _cell_text(entry: nodes.Element) -> str:
    return entry.astext().replace("\n", " ")


def _code_width(entry: nodes.Element) -> float:
    """Width the longest piece of code in a cell needs (code breaks only where long ids get break points)."""
    words = [w for lit in entry.findall(nodes.literal) for w in lit.astext().split()]
    pieces = [p for w in words for p in (break_pieces(w) if len(w) > LONG_WORD_IN_TABLE else [w])]
    return max((len(p) * MONO_WIDTH for p in pieces), default=0.0)


def _ancestors(node: nodes.Node):
    node = node.parent
    while node is not None:
        yield node
        node = node.parent


def _has_own_spec(table: nodes.table) -> bool:
    parent = table.parent
    if parent is None:
        return False
    index = parent.index(table)
    return index > 0 and parent[index - 1].__class__.__name__ == "tabular_col_spec"


def give_tables_widths(doctree: nodes.document) -> None:
    for table in list(doctree.findall(nodes.table)):
        if "colwidths-given" in table["classes"] or _has_own_spec(table):
            continue
        for tgroup in table.findall(nodes.tgroup):
            colspecs = [c for c in tgroup.children if isinstance(c, nodes.colspec)]
            entries = [list(row.findall(nodes.entry)) for row in tgroup.findall(nodes.row)]
            if any(len(r) != len(colspecs) for r in entries):
                continue  # cells spanning columns: leave the table to Sphinx
            rows = [[_cell_text(e) for e in r] for r in entries]
            code = [max((_code_width(r[i]) for r in entries), default=0.0) for i in range(len(colspecs))]
            head = [list(row.findall(nodes.entry)) for thead in tgroup.findall(nodes.thead) for row in thead]
            for r in head:  # bold sans: its longest word needs more room than the same word in the body
                for i, e in enumerate(r[: len(code)]):
                    words = _cell_text(e).split()
                    code[i] = max(code[i], max((word_length(w) * HEADER_WIDTH for w in words), default=0.0))
            for spec, width in zip(colspecs, column_widths(rows, min_widths=code, long_word=LONG_WORD_IN_TABLE)):
                spec["colwidth"] = width
            table["classes"].append("colwidths-given")


def _is_url_link(node: nodes.Node) -> bool:
    """A link whose text is its address: Sphinx sets it with \\sphinxurl, which breaks by itself."""
    return isinstance(node, nodes.reference) and node.astext() == node.get("refuri")


def allow_breaks_in_long_strings(doctree: nodes.document) -> None:
    for text in list(doctree.findall(nodes.Text)):
        ancestors = list(_ancestors(text))
        in_table = any(isinstance(a, nodes.entry) for a in ancestors)
        long = _LONG_IN_TABLE if in_table else _LONG
        if not long.search(str(text)):
            continue
        keep = tuple(k for k in _KEEP if not (in_table and k is nodes.literal))  # ids in tables may break
        if any(isinstance(a, keep) or _is_url_link(a) for a in ancestors):
            continue
        pieces = split_text(str(text), long)
        new: list[nodes.Node] = []
        for i, piece in enumerate(pieces):
            if i:
                new.append(nodes.raw("", r"\allowbreak{}", format="latex"))
            new.append(nodes.Text(piece))
        text.parent.replace(text, new)


def on_doctree_resolved(app, doctree: nodes.document, docname: str) -> None:
    if getattr(app.builder, "format", "") != "latex":
        return
    give_tables_widths(doctree)  # first: it measures the text before break points are added
    allow_breaks_in_long_strings(doctree)


def hmargin_in(papersize: str, text_width_in: float = page.TEXT_WIDTH_IN) -> float:
    """The left and right margin that leave a text block of ``text_width_in`` on the paper."""
    if papersize not in PAPER_WIDTH_IN:
        raise ValueError(f"latex_elements.papersize {papersize!r} is not one of {sorted(PAPER_WIDTH_IN)}")
    return (PAPER_WIDTH_IN[papersize] - text_width_in) / 2


def on_config_inited(app, config) -> None:
    """Set the text block's width from ``page.TEXT_WIDTH_IN``, and check the body size that LINE_CHARS assumes."""
    from sphinx.errors import ConfigError

    elements = dict(config.latex_elements or {})
    pointsize = elements.get("pointsize", "10pt")
    if pointsize != f"{BODY_PT}pt":
        raise ConfigError(
            f"latex_elements.pointsize is {pointsize}; bookbuild.sphinx_latex measures tables for {BODY_PT}pt (BODY_PT)"
        )
    setup = elements.get("sphinxsetup", "")
    if "hmargin" in setup:
        raise ConfigError(
            "latex_elements.sphinxsetup sets hmargin; bookbuild.sphinx_latex sets it from page.TEXT_WIDTH_IN"
        )
    margin = hmargin_in(elements.get("papersize", "letterpaper"))
    elements["sphinxsetup"] = ",".join(filter(None, [setup, f"hmargin={margin:.5f}in"]))
    config.latex_elements = elements


def setup(app):
    app.connect("config-inited", on_config_inited)
    app.connect("doctree-resolved", on_doctree_resolved)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
