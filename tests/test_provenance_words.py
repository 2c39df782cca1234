"""Provenance in a reader's words (issue 16): no word of how a figure was looked up reaches data/, the notebooks'
outputs, the bibliography or the built site, and the catalogue's records keep the vocabulary of its header.

The words are :data:`pakbook.data.catalog.LOOKUP_WORDS` (the names of the look-up tools, "research pass",
"corpus", "stored copy"). The checks of the built site are marked ``book`` and read _build/html as
tests/test_site.py does.
"""

from __future__ import annotations

import html
import json
import re

import pytest

from bookbuild import execute as notebooks
from bookbuild.checks import site
from pakbook import paths
from pakbook.data.catalog import lookup_words

#: The text files of data/ (every file there is one of these; the test below says so if not).
TEXT_SUFFIXES = (".csv", ".yml", ".yaml", ".json", ".geojson", ".md", ".txt")


def _found_by_line(text: str) -> list[str]:
    return [f"line {n}: {f}" for n, line in enumerate(text.splitlines(), 1) for f in lookup_words(line)]


def test_the_check_finds_each_kind_of_word_and_spares_ordinary_ones():
    for bad in (
        "stored copy read through the search tool (research pass 3)",
        "read_via: EveryCRSReport copy (pages corpus)",
        "found with find_string, opened with read_file",
        "read through fetch",
        "not found in any stored source",
        "Headline not shown in stored excerpt",
        "accessed: on or before 2026-11-29 (Research Pass 1; date not recorded)",
        "the search-index id 65835535527",
    ):
        assert lookup_words(bad), bad
    for good in (
        "meta.json (fetched_at 2026-10-02); vintage retrieved 2 October 2026",
        "No totals are stored: the country total is the sum of the sector rows",
        "Pew Research Center; Stockholm International Peace Research Institute",
        "copy at https://www.dawn.com/news/1943213/development-tapping-pakistans-blue-economy",
        "a search-result page of enow.com; the Khunjerab Pass; Mountain passes",
        "the first-round compilation table; accessed by 2026-11-29",
    ):
        assert lookup_words(good) == [], good


def test_no_lookup_words_in_any_file_of_data():
    files = sorted(p for p in paths.DATA.rglob("*") if p.is_file() and not p.name.startswith("."))
    assert files and all(p.suffix in TEXT_SUFFIXES for p in files), [p.name for p in files]
    found = {paths.rel(p): hits for p in files if (hits := _found_by_line(p.read_text(encoding="utf-8")))}
    assert not found, "\n".join(f"{p}: {h}" for p, hits in found.items() for h in hits[:5])


def test_no_lookup_words_in_the_bibliography():
    """references.bib's notes are printed on the references page and in the chapters' citation tooltips."""
    hits = _found_by_line((paths.ROOT / "references.bib").read_text(encoding="utf-8"))
    assert not hits, "\n".join(hits)


@pytest.mark.parametrize("nb", notebooks.in_toc(), ids=str)
def test_no_lookup_words_in_notebook_outputs(nb):
    """The data page and the brief check print the catalogue; every output is checked as committed."""
    doc = json.loads((paths.ROOT / nb).read_text(encoding="utf-8"))
    for i, cell in enumerate(doc["cells"]):
        texts = ["".join(cell["source"])] if cell["cell_type"] == "markdown" else []
        for out in cell.get("outputs", []):
            texts.append("".join(out.get("text", "")))
            texts += ["".join(v) for k, v in out.get("data", {}).items() if k.startswith("text/")]
        hits = [h for t in texts for h in lookup_words(t)]
        assert not hits, f"{nb} cell {i}:\n" + "\n".join(hits[:5])


# -- the vocabulary of the catalogue's header -------------------------------------------------------------------
_DATE = r"\d{4}-\d{2}-\d{2}"
_ACCESSED = re.compile(rf"(?:by )?{_DATE}(?:; .+)?")
#: What a read_via names: an address, a repository file at a commit, a package and version, or the url itself.
_READ_VIA = re.compile(r"https?://|\bcommit [0-9a-f]{40}\b|\b\d+\.\d+(?:\.\d+)?\b|\bthe URL above\b")


def _records(catalog):
    yield from ((f"sources.{sid}", s) for sid, s in catalog.sources.items())
    yield from ((f"files[{r.path}]", vars(r)) for r in catalog.files)


def test_accessed_is_a_date_or_an_upper_bound(catalog):
    bad = [(where, r["accessed"]) for where, r in _records(catalog) if not _ACCESSED.fullmatch(str(r["accessed"]))]
    assert not bad, bad[:10]


def test_read_via_names_something_a_reader_can_find(catalog):
    bad = [
        (sid, s["read_via"])
        for sid, s in catalog.sources.items()
        if s.get("read_via") and not _READ_VIA.search(str(s["read_via"]))
    ]
    assert not bad, bad[:10]


# -- the built site (marker book) ---------------------------------------------------------------------------------
_TITLE = re.compile(r'\btitle="([^"]*)"')


@pytest.mark.book
def test_no_lookup_words_reach_the_reader_of_the_site(built_site, built_page):
    """Every page's visible text and its tooltips (the chapters show a reference's note on hover)."""
    page = (paths.HTML / built_page).read_text(encoding="utf-8")
    text = site.visible_text(page) + " " + " ".join(html.unescape(t) for t in _TITLE.findall(page))
    found = lookup_words(text)
    assert not found, f"{built_page}:\n" + "\n".join(found[:10])
