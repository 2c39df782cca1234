"""The book's Sphinx extensions: table widths and break points for the PDF, no Thebe scripts in the HTML."""

from __future__ import annotations

from types import SimpleNamespace

from docutils import nodes
from docutils.core import publish_doctree

from bookbuild import sphinx_html, sphinx_latex

LONG_URL = "https://www.periodicos.capes.gov.br/index.php/acervo/buscador.html?id=W1985855407&source=all"
#: Long strings that are not links (docutils makes a bare URL a link, which LaTeX breaks by itself)
SHA = "1e5df1e6ebf69f1c8f994ea63af709b74c97c28635678bdf25da01291327eaf4"
PATH = "kiwix.example.org/wikipedia_en_all_mini_2024-02/A/Strait_of_Hormuz"


def test_short_columns_keep_their_natural_width():
    rows = [["id", "name"], ["a1", "gwadar"]]
    assert sphinx_latex.column_widths(rows, pad=0) == [2, 6]
    # rounded up, never down: a capital counts wider, and a column a fraction too narrow overflows
    assert sphinx_latex.column_widths([["ID", "Gwadar"]], pad=0) == [3, 7]


def test_a_column_is_never_rounded_below_its_longest_word():
    """Khyber Pakhtunkhwa in a crowded table: the share rounds down, the longest word does not."""
    rows = [["No.", "Site", "Minerals", "Province", "Status", "Holder", "Basis"]] + [
        [
            "4",
            "Chitral antimony (Krinj/Kring, Partsan/Patrson, Awrith areas)",
            "antimony (stibnite); Pb with Au/Ag/Cu",
            "Khyber Pakhtunkhwa",
            "exploration / small-scale workings",
            "Government of Khyber Pakhtunkhwa",
            "claimed",
        ]
    ] * 8
    widths = sphinx_latex.column_widths(rows)
    assert widths[3] - sphinx_latex.COLUMN_PAD >= sphinx_latex.word_length("Pakhtunkhwa") + 1


def test_long_columns_share_the_line_by_content_and_none_is_narrower_than_its_longest_word():
    rows = [["ID", "Title", "Date", "Address"]] + [
        [
            "EIA_2024_CHOKEPOINTS",
            "U.S. Energy Information Administration: World Oil Transit Chokepoints " * 2,
            "2024-06",
            "https://www.eia.gov/international/content/analysis/special_topics/chokepoints",
        ]
    ] * 40
    widths = sphinx_latex.column_widths(rows, min_widths=[26, 0, 0, 0])
    pad = sphinx_latex.COLUMN_PAD
    assert sum(widths) <= sphinx_latex.LINE_CHARS + 2
    assert widths[0] - pad >= 26  # code cannot break
    assert widths[2] - pad >= len("2024-06")
    assert widths[1] >= widths[3] > widths[2]  # the title holds the most text


def test_word_length_counts_capitals_wider_and_long_strings_as_their_longest_piece():
    assert sphinx_latex.word_length("abcd") == 4
    assert sphinx_latex.word_length("ABCD") > 4
    assert sphinx_latex.word_length(LONG_URL) <= sphinx_latex.RUN + 2


def test_break_pieces_join_back_and_are_short():
    pieces = sphinx_latex.break_pieces(LONG_URL)
    assert "".join(pieces) == LONG_URL
    assert max(map(len, pieces)) <= sphinx_latex.RUN
    assert "".join(sphinx_latex.split_text(f"read via {LONG_URL} today")) == f"read via {LONG_URL} today"
    assert sphinx_latex.split_text("short words only") == ["short words only"]


def _doctree(rst: str) -> nodes.document:
    return publish_doctree(rst, settings_overrides={"report_level": 5})


def test_tables_get_widths_and_long_strings_get_break_points():
    rows = "\n".join(
        f"   * - ``SRC_{i}``\n     - A title read via {PATH}, number {i}\n     - {LONG_URL}" for i in range(3)
    )
    doc = _doctree(f".. list-table::\n   :header-rows: 0\n\n{rows}\n\nSee ``{SHA}`` and sha256 {SHA} here.\n")
    for table in doc.findall(nodes.table):
        table["classes"] = [c for c in table["classes"] if c != "colwidths-given"]
    app = SimpleNamespace(builder=SimpleNamespace(format="latex"))
    sphinx_latex.on_doctree_resolved(app, doc, "page")
    table = next(doc.findall(nodes.table))
    assert "colwidths-given" in table["classes"]
    assert all(c["colwidth"] > 0 for c in table.findall(nodes.colspec))
    raws = [r.astext() for r in doc.findall(nodes.raw)]
    assert raws and set(raws) == {r"\allowbreak{}"}
    literal = next(n for n in doc.findall(nodes.literal) if SHA in n.astext())
    assert not list(literal.findall(nodes.raw)), "code must not be changed"
    links = [r for r in doc.findall(nodes.reference) if r.astext() == LONG_URL]
    assert links and not any(list(r.findall(nodes.raw)) for r in links), "a URL link breaks by itself"
    text = doc.astext().replace(r"\allowbreak{}", "")
    assert PATH in text and f"sha256 {SHA}" in text


def test_nothing_changes_for_html():
    doc = _doctree(f"See {SHA} here.\n")
    sphinx_latex.on_doctree_resolved(SimpleNamespace(builder=SimpleNamespace(format="html")), doc, "page")
    assert not list(doc.findall(nodes.raw))


def test_thebe_assets_are_dropped_and_others_kept():
    class Js(str):
        def __new__(cls, filename, body=""):
            self = super().__new__(cls, filename or "")
            self.filename, self.attributes = filename, {"body": body}
            return self

    context = {
        "script_files": [
            Js("_static/doctools.js"),
            Js(None, 'const THEBE_JS_URL = "x"'),
            Js("_static/sphinx-thebe.js"),
        ],
        "css_files": [Js("_static/theme.css"), Js("_static/sphinx-thebe.css")],
    }
    sphinx_html.drop_thebe_assets(None, "page", "page.html", context, None)
    assert context["script_files"] == ["_static/doctools.js"]
    assert context["css_files"] == ["_static/theme.css"]


def test_thebe_config_block_is_dropped():
    doc = _doctree('.. raw:: html\n\n   <script type="text/x-thebe-config">{}</script>\n\nText.\n')
    sphinx_html.drop_thebe_config(None, doc, "page")
    assert not list(doc.findall(nodes.raw)) and "Text." in doc.astext()


def test_a_long_code_id_in_a_table_may_break_but_code_elsewhere_may_not():
    doc = _doctree(
        ".. list-table::\n\n   * - ``SUS_FT900_VIA_FRED_IMP5350_VIA_VICTORTORRESDS``\n     - a title\n\n"
        "And ``SUS_FT900_VIA_FRED_IMP5350_VIA_VICTORTORRESDS`` in a paragraph.\n"
    )
    sphinx_latex.on_doctree_resolved(SimpleNamespace(builder=SimpleNamespace(format="latex")), doc, "page")
    in_table, in_text = [n for n in doc.findall(nodes.literal)]
    assert list(in_table.findall(nodes.raw)) and not list(in_text.findall(nodes.raw))
    assert in_table.astext().replace(r"\allowbreak{}", "") == "SUS_FT900_VIA_FRED_IMP5350_VIA_VICTORTORRESDS"


def test_line_length_and_margins_come_from_the_text_width():
    import pytest

    from pakbook.figures import page

    chars = page.TEXT_WIDTH_IN * page.PT_PER_IN / (sphinx_latex.BODY_PT * sphinx_latex.CHAR_EM)
    assert sphinx_latex.LINE_CHARS == int(chars)
    margin = sphinx_latex.hmargin_in("a4paper")
    assert 210 / 25.4 - 2 * margin == pytest.approx(page.TEXT_WIDTH_IN, abs=1e-9)
    assert sphinx_latex.hmargin_in("letterpaper", 6.5) == 1.0


def _config(**elements):
    return SimpleNamespace(latex_elements=elements)


def test_the_text_width_is_set_through_sphinx_margins_and_a_conflict_is_refused():
    import pytest
    from sphinx.errors import ConfigError

    config = _config(papersize="a4paper", pointsize="11pt", sphinxsetup="verbatimwithframe=false")
    sphinx_latex.on_config_inited(None, config)
    margin = sphinx_latex.hmargin_in("a4paper")
    assert config.latex_elements["sphinxsetup"] == f"verbatimwithframe=false,hmargin={margin:.5f}in"
    with pytest.raises(ConfigError, match="hmargin"):
        sphinx_latex.on_config_inited(None, _config(papersize="a4paper", pointsize="11pt", sphinxsetup="hmargin=1in"))
    with pytest.raises(ConfigError, match="pointsize"):
        sphinx_latex.on_config_inited(None, _config(papersize="a4paper", pointsize="10pt"))
    with pytest.raises(ValueError, match="papersize"):
        sphinx_latex.on_config_inited(None, _config(papersize="b5paper", pointsize="11pt"))


def test_a_page_is_described_by_its_first_prose_paragraph_cut_at_a_word():
    doc = _doctree(
        "# Title\n\n"
        ".. note::\n\n   An admonition is not the page's description, however long it is.\n\n"
        "Short.\n\n" + "The argument of the page begins here and goes on " * 8 + "\n"
    )
    context = {"title": "Chapter", "metatags": ""}
    app = SimpleNamespace(config=SimpleNamespace(project="The book"))
    sphinx_html.add_description(app, "page", "page.html", context, doc)
    description = context["metatags"].split('name="description" content="')[1].split('"')[0]
    assert description.startswith("The argument of the page begins here")
    assert len(description) <= sphinx_html.DESCRIPTION_CHARS and description.endswith("\u2026")
    assert not description[:-1].endswith(" ")
    assert 'property="og:title" content="Chapter | The book"' in context["metatags"]


def test_a_page_without_a_doctree_or_prose_gets_no_description():
    context = {"metatags": ""}
    app = SimpleNamespace(config=SimpleNamespace(project="The book"))
    sphinx_html.add_description(app, "genindex", "genindex.html", context, None)
    sphinx_html.add_description(app, "page", "page.html", context, _doctree("Too short.\n"))
    assert context["metatags"] == ""


def test_a_page_with_only_a_note_is_described_by_the_note():
    context = {"title": "Coming", "metatags": ""}
    app = SimpleNamespace(config=SimpleNamespace(project="The book"))
    doc = _doctree(".. note::\n\n   This chapter is not written yet. It will cover the attacks and the arms trade.\n")
    sphinx_html.add_description(app, "page", "page.html", context, doc)
    assert 'content="This chapter is not written yet.' in context["metatags"]
