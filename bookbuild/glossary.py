"""The glossary's terms and their first use in the book: each term is linked ({term}) where a reader first meets it.

The terms are those of ``backmatter/glossary.md`` (a MyST ``{glossary}``). A term is found in the prose of the
table of contents' pages in reading order: the Markdown of ``.md`` pages and the Markdown cells of notebooks,
leaving out headings, tables, directive lines, inline code and the text of roles. An abbreviation (a term in
capitals) is matched as written; other terms in any case, with an optional plural "s".
``scripts/link_glossary.py`` links the first use of every term that is not linked yet; tests/test_glossary.py
checks that each term's first use is a link.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from pakbook import paths

from . import execute

GLOSSARY = "backmatter/glossary"
#: Terms whose name is not how the prose refers to them (the port is "Gwadar", which is also the town).
NOT_LINKED = frozenset({"Gwadar Port"})
_LINK = re.compile(r"\{term\}`([^`<]*)(?:<([^>]*)>)?`")
_ROLE_OR_CODE = re.compile(r"\{[a-z:]+\}`[^`]*`|`[^`]*`|<[^>]*>|\[[^\]]*\]\([^)]*\)")


def terms(path: Path | None = None) -> list[str]:
    """The glossary's terms, in its order: the unindented lines inside its ``{glossary}`` directive."""
    text = (path or paths.ROOT / f"{GLOSSARY}.md").read_text(encoding="utf-8")
    body = text.split(":::{glossary}", 1)[1].split("\n:::", 1)[0]
    return [ln.strip() for ln in body.splitlines() if ln.strip() and not ln.startswith((" ", "\t"))]


def pattern(term: str) -> re.Pattern:
    flags = 0 if term.isupper() or "-" in term else re.IGNORECASE
    return re.compile(r"(?<![\w-])" + re.escape(term) + r"s?(?![\w-])", flags)


@dataclass
class Block:
    """A piece of prose: a Markdown file, or one Markdown cell of a notebook."""

    doc: str
    cell: int | None
    text: str


def prose_blocks(docs: list[str] | None = None) -> list[Block]:
    """The Markdown of the table of contents' pages in reading order (the glossary itself left out)."""
    out = []
    for doc in docs or execute.toc_files():
        if doc == GLOSSARY:
            continue
        md, nb = paths.ROOT / f"{doc}.md", paths.ROOT / f"{doc}.ipynb"
        if md.exists():
            out.append(Block(doc, None, md.read_text(encoding="utf-8")))
        elif nb.exists():
            cells = json.loads(nb.read_text(encoding="utf-8"))["cells"]
            out += [Block(doc, i, "".join(c["source"])) for i, c in enumerate(cells) if c["cell_type"] == "markdown"]
    return out


def _prose_spans(text: str):
    """(start, end) of the runs of a block's text that are prose: not headings, tables, directives, code, roles."""
    pos, fence = 0, False
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if stripped.startswith(("```", "~~~")):
            fence = not fence
        label = stripped.startswith("(") and stripped.endswith(")=")
        skip = fence or label or stripped.startswith(("#", "|", ":", "```", "~~~", "%"))
        if not skip:
            last = 0
            for m in _ROLE_OR_CODE.finditer(line):
                yield pos + last, pos + m.start()
                last = m.end()
            yield pos + last, pos + len(line)
        pos += len(line)


def find(term: str, text: str) -> tuple[int, int] | None:
    """Where ``term`` is first used as prose in ``text`` (start, end), or None."""
    rx = pattern(term)
    for a, b in _prose_spans(text):
        m = rx.search(text, a, b)
        if m:
            return m.start(), m.end()
    return None


def first_uses(blocks: list[Block] | None = None) -> dict[str, tuple[Block, int, int, bool]]:
    """For each term, its first use: (block, start, end, linked). A linked use counts as a use."""
    blocks = blocks if blocks is not None else prose_blocks()
    out: dict[str, tuple[Block, int, int, bool]] = {}
    for term in terms():
        if term in NOT_LINKED:
            continue
        for block in blocks:
            hits = []
            for m in _LINK.finditer(block.text):
                if (m.group(2) or m.group(1)).strip().lower() == term.lower():
                    hits.append((m.start(), m.end(), True))
            found = find(term, block.text)
            if found:
                hits.append((*found, False))
            if hits:
                out[term] = (block, *min(hits))
                break
    return out
