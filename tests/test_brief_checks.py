"""The brief checked claim by claim: the loader's rules for brief_checks and the page's tables and counts."""

from __future__ import annotations

import csv
import io

import pandas as pd
import pytest

from pakbook import data, paths
from pakbook.data import facts
from pakbook.errors import DataError
from pakbook.pages import brief_check

REL = "raw/brief/brief_checks.csv"


def _rows() -> tuple[list[str], list[dict]]:
    with open(paths.RAW / "brief/brief_checks.csv", encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        return list(reader.fieldnames), list(reader)


def _csv(header: list[str], rows: list[dict]) -> str:
    out = io.StringIO()
    w = csv.DictWriter(out, fieldnames=header, lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
    return out.getvalue()


def _broken(scratch_data, row: int, **changes):
    """The book's file with row ``row`` (0-based data row) changed; returns the DataError the loader raises."""
    header, rows = _rows()
    rows[row] = {**rows[row], **changes}
    catalog = scratch_data("brief_checks", REL, _csv(header, rows))
    with pytest.raises(DataError) as err:
        data.load("brief_checks", catalog=catalog)
    return err.value


def _index(verdict: str) -> int:
    _, rows = _rows()
    return next(i for i, r in enumerate(rows) if r["verdict"] == verdict)


def test_the_book_file_loads_with_more_than_a_hundred_claims_from_every_section():
    checks = facts.brief_checks()
    assert len(checks) >= 100
    assert set(checks["section"]) == set(facts.BRIEF_SECTIONS)
    assert set(checks["verdict"]) <= set(facts.CHECK_VERDICTS)
    sourced = checks[checks["verdict"].isin(facts.SOURCED_VERDICTS)]
    assert sourced["source_id"].notna().all()


def test_the_book_file_unchanged_loads_from_a_scratch_catalogue(scratch_data):
    header, rows = _rows()
    assert len(data.load("brief_checks", catalog=scratch_data("brief_checks", REL, _csv(header, rows)))) == len(rows)


def test_a_verdict_outside_the_vocabulary_names_file_row_and_column(scratch_data):
    err = _broken(scratch_data, 3, verdict="probably true")
    assert (err.file, err.line, err.column) == (REL, 5, "verdict")
    assert "confirmed" in err.expected and "'probably true'" in str(err.found)


def test_a_confirmed_row_without_a_source_names_file_row_and_column(scratch_data):
    i = _index("confirmed")
    err = _broken(scratch_data, i, source_id="")
    assert (err.file, err.line, err.column) == (REL, i + 2, "source_id")
    assert "verdict" in err.expected


@pytest.mark.parametrize("verdict", ["partly correct", "corrected"])
def test_other_sourced_verdicts_need_a_source_too(scratch_data, verdict):
    i = _index(verdict)
    err = _broken(scratch_data, i, source_id="")
    assert (err.line, err.column) == (i + 2, "source_id")


def test_an_unverified_or_judgement_row_may_have_no_source(scratch_data):
    header, rows = _rows()
    for v in ("unverified", "judgement"):
        i = next(j for j, r in enumerate(rows) if r["verdict"] == v)
        rows[i] = {**rows[i], "source_id": ""}
    assert len(data.load("brief_checks", catalog=scratch_data("brief_checks", REL, _csv(header, rows)))) == len(rows)


def test_an_unknown_chapter_names_file_row_and_column(scratch_data):
    err = _broken(scratch_data, 7, chapter="09_epilogue")
    assert (err.file, err.line, err.column) == (REL, 9, "chapter")
    assert "04_security" in err.expected and "09_epilogue" in str(err.found)


def test_a_source_not_in_the_register_names_file_row_and_column(scratch_data):
    i = _index("confirmed")
    err = _broken(scratch_data, i, source_id="NO_SUCH_SOURCE")
    assert (err.line, err.column) == (i + 2, "source_id")


def test_a_section_not_in_the_brief_is_refused(scratch_data):
    err = _broken(scratch_data, 0, section="Epilogue")
    assert (err.line, err.column) == (2, "section")


def test_the_chapters_known_are_the_files_in_chapters():
    known = facts.chapter_files()
    assert "04_security" in known and "07_hedging" in known
    assert all((paths.CHAPTERS / f"{c}.ipynb").exists() or (paths.CHAPTERS / f"{c}.md").exists() for c in known)
    assert not any(c.startswith("_") for c in known)


# -- the page -------------------------------------------------------------------------------------------
def _toy() -> pd.DataFrame:
    s = facts.BRIEF_SECTIONS
    return pd.DataFrame(
        {
            "claim_id": ["a", "b", "c", "d"],
            "section": [s[4], s[1], s[4], s[1]],
            "claim": ["c1", "c2", "c3", "c4"],
            "kind": ["number", "quotation", "event", "date"],
            "verdict": ["confirmed", "unverified", "confirmed", "corrected"],
            "evidence": ["e1", "e2", "e3", "e4"],
            "source_id": ["EIA_2025_HORMUZ", None, "PBS_CENSUS_2023", "EIA_2025_HORMUZ"],
            "chapter": ["01_crossroads", None, "04_security", "01_crossroads"],
        }
    )


def test_counts_list_every_verdict_and_add_up():
    counts = brief_check.check_counts(_toy())
    assert list(counts) == list(facts.CHECK_VERDICTS)
    assert counts == {"confirmed": 2, "partly correct": 0, "corrected": 1, "unverified": 1, "judgement": 0}
    book = facts.brief_checks()
    assert sum(brief_check.check_counts(book).values()) == len(book)


def test_counts_refuse_a_verdict_outside_the_vocabulary():
    bad = _toy().assign(verdict=["confirmed", "maybe", "confirmed", "corrected"])
    with pytest.raises(ValueError, match="maybe"):
        brief_check.check_counts(bad)


def test_sections_come_in_the_brief_order_and_number_their_tables():
    toy = _toy()
    assert brief_check.sections_in_order(toy) == [facts.BRIEF_SECTIONS[1], facts.BRIEF_SECTIONS[4]]
    assert brief_check.section_table_name(toy, facts.BRIEF_SECTIONS[4]) == "tbl-brief-claims-02"
    counts = brief_check.section_counts(toy)
    assert list(counts.index) == brief_check.sections_in_order(toy)
    assert counts.loc[facts.BRIEF_SECTIONS[4], "confirmed"] == 2 and counts["total"].sum() == 4


def test_a_section_table_shows_its_rows_only_with_sources_and_chapter_links():
    toy = _toy()
    text = brief_check.section_table(toy, facts.BRIEF_SECTIONS[1])
    assert ":name: tbl-brief-claims-01" in text and ":class: longtable" in text
    assert "c2" in text and "c4" in text and "c1" not in text
    assert "{doc}`../chapters/01_crossroads`" in text
    assert "U.S. Energy Information Administration" in text  # the credit of EIA_2025_HORMUZ
    assert "2 claims" in text
    with pytest.raises(ValueError, match="no claims"):
        brief_check.section_table(toy, facts.BRIEF_SECTIONS[0])


def test_the_summary_links_every_section_table_and_totals_the_book():
    book = facts.brief_checks()
    summary = brief_check.summary_table(book)
    tables = brief_check.check_tables(book)
    assert len(tables) == len(facts.BRIEF_SECTIONS)
    for t in tables:
        name = t.split(":name: ", 1)[1].split("\n", 1)[0]
        assert f"{{numref}}`{name}`" in summary
    assert (
        f"| All sections | {' | '.join(str(n) for n in brief_check.check_counts(book).values())} | {len(book)} |"
        in summary
    )
