"""How to cite: CITATION.cff is a valid report record, and the front page cites the same edition."""

from __future__ import annotations

import re

import yaml

from pakbook import paths

ROOT = paths.ROOT


def _cff() -> dict:
    return yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))


def test_citation_file_is_a_report_with_a_version_and_the_books_licences():
    cff = _cff()
    assert cff["cff-version"] == "1.2.0"
    assert cff["type"] == "report"
    assert re.fullmatch(r"\d{4}\.\d{2}", str(cff["version"])), "version is the edition, YYYY.MM"
    assert str(cff["date-released"]).startswith(str(cff["version"]).replace(".", "-"))
    assert cff["authors"] and all(a.get("name") or a.get("family-names") for a in cff["authors"])
    assert set(cff["license"]) == {"MIT", "CC-BY-4.0"}
    assert "MIT License" in (ROOT / "LICENSE").read_text(encoding="utf-8")


def test_the_front_page_cites_the_edition_of_the_citation_file():
    intro = (ROOT / "intro.md").read_text(encoding="utf-8")
    cff = _cff()
    assert f"edition {cff['version']}" in intro
    assert cff["title"] in intro
