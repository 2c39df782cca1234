"""references.bib parses as BibTeX, its keys are unique, and every key the book cites is in it."""

from __future__ import annotations

import json
import re

import pytest
from pybtex.database import parse_string
from pybtex.exceptions import PybtexError

from bookbuild import execute
from pakbook import paths

BIB = paths.ROOT / "references.bib"
_CITE = re.compile(r"\{cite(?::[a-z]+)?\}`([^`]+)`")


def _entries():
    return parse_string(BIB.read_text(encoding="utf-8"), "bibtex").entries


def test_the_bibliography_parses_with_unique_keys():
    try:
        entries = _entries()
    except PybtexError as e:
        pytest.fail(f"references.bib: {e}")
    text = BIB.read_text(encoding="utf-8")
    starts = re.findall(r"^@\w+\{([^,\s]+),", text, flags=re.M)
    assert len(entries) == len(starts), "an entry was swallowed by the one before it (a missing closing brace?)"


def test_every_cited_key_is_in_the_bibliography():
    keys = set(_entries())
    missing = []
    for doc in execute.toc_files():
        md, nb = paths.ROOT / f"{doc}.md", paths.ROOT / f"{doc}.ipynb"
        if md.exists():
            texts = [md.read_text(encoding="utf-8")]
        elif nb.exists():
            texts = ["".join(c["source"]) for c in json.loads(nb.read_text(encoding="utf-8"))["cells"]]
        else:
            continue
        for text in texts:
            for group in _CITE.findall(text):
                missing += [f"{doc}: {k}" for k in (k.strip() for k in group.split(",")) if k not in keys]
    assert not missing, "cited but not in references.bib:\n" + "\n".join(sorted(set(missing)))
