"""The glossary: every term is linked ({term}) where a reader first meets it, and the matcher reads prose only."""

from __future__ import annotations

from bookbuild import glossary


def test_each_terms_first_use_in_the_book_is_a_link_to_the_glossary():
    uses = glossary.first_uses()
    assert len(uses) >= 10, "the glossary's terms are used in the book"
    unlinked = [f"{t}: {b.doc} (cell {b.cell})" for t, (b, *_rest, linked) in uses.items() if not linked]
    assert not unlinked, "first use not linked (run scripts/link_glossary.py):\n" + "\n".join(unlinked)


def test_terms_are_read_from_the_glossary_in_its_order():
    terms = glossary.terms()
    assert terms[:3] == ["BRI", "CDWP", "CENTO"] and "TIV" in terms and len(terms) == len(set(terms))


def test_the_matcher_skips_headings_tables_code_and_roles_and_keeps_case_for_abbreviations():
    text = (
        "# CPEC in a heading\n"
        "| CPEC | in a table |\n"
        "A `CPEC` code span, a {cite:p}`cpec2015` role, a [CPEC](x) link.\n"
        "Cpec is not the abbreviation; the CPEC is.\n"
    )
    start, end = glossary.find("CPEC", text)
    assert text[start:end] == "CPEC" and text[start - 4 : start] == "the "
    assert glossary.find("Fiscal year", "two fiscal years apart")  # other terms in any case, plural
    assert glossary.find("ML-1", "the ML-10 plan") is None


def test_a_use_inside_a_term_role_counts_as_linked():
    text = "Aid {term}`obligations <Obligation>` rose."
    block = glossary.Block("doc", 0, text)
    # a link is found as a linked use even though the matcher does not read inside roles
    uses = glossary.first_uses([block])
    assert uses["Obligation"][3] is True
