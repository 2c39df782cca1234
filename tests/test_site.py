"""The built HTML site, read file by file (marker ``book``): links, anchors, images, and no resource from another host.

tests/test_browser.py loads the same pages in a real browser; these checks read
every page of the site, including those a reader only reaches by a link. The pages
are the parameter ``built_page`` (tests/conftest.py): listed at collection without
reading anything, so collecting this module never fails, built or not.
"""

from __future__ import annotations

import pickle

import pytest

from bookbuild import execute as notebooks
from bookbuild.checks import site
from pakbook import paths

pytestmark = pytest.mark.book

#: The site's copy of the PDF (scripts/build.sh copies it in after the PDF build). The link to it is
#: checked by the checks marked ``pdf`` (tests/test_built_book.py, test_browser.py), which a build
#: without TeX leaves out; here it is left out of the link check, which needs only the HTML.
SITE_PDF = paths.SITE_PDF.relative_to(paths.HTML).as_posix()


def _text(page: str) -> str:
    return (paths.HTML / page).read_text(encoding="utf-8")


def test_every_page_of_the_table_of_contents_was_built(built_site):
    built = set(built_site.pages())
    missing = [f + ".html" for f in notebooks.toc_files() if f + ".html" not in built]
    assert not missing, f"pages in _toc.yml but not in the site: {missing}"


def test_internal_links_and_anchors_resolve(built_site, built_page):
    broken = [b for b in built_site.broken_links(built_page) if b.target != SITE_PDF]
    assert not broken, "broken links:\n" + "\n".join(map(str, broken))


def test_nothing_is_loaded_from_another_host(built_site, built_page):
    fetched = built_site.external_resources(built_page)
    assert not fetched, f"{built_page} loads from another host: {sorted(set(fetched))}"


def test_every_image_has_alt_text_that_describes_it(built_site, built_page):
    problems = [
        f"{src}: {why}" for src, alt in built_site.page(built_page).images if (why := site.alt_text_problem(alt))
    ]
    assert not problems, f"{built_page}:\n" + "\n".join(problems)


def test_no_machine_path_memory_address_traceback_or_warning_reaches_the_reader(built_site, built_page):
    found = site.leaks(site.visible_text(_text(built_page)))
    assert not found, f"{built_page}:\n" + "\n".join(found)


def test_every_page_of_the_book_has_a_description_for_link_previews(built_site):
    import re

    for page in [f + ".html" for f in notebooks.toc_files()]:
        found = re.search(r'<meta name="description" content="([^"]*)"', _text(page))
        assert found, f'{page}: no <meta name="description">'
        assert 40 <= len(found.group(1)) <= 200, f"{page}: description of {len(found.group(1))} characters"


def test_the_site_answers_favicon_requests_and_pages_name_their_icon(built_site):
    assert (paths.HTML / "favicon.ico").stat().st_size > 0, "a plain server answers /favicon.ico from the site root"
    assert 'rel="icon"' in _text("intro.html")


def test_no_prose_is_set_as_math(built_site, built_page):
    """With MyST's dollarmath, two "US$" in one paragraph make the text between them math; write "US\\$"."""
    found = site.prose_in_math(_text(built_page))
    assert not found, f"{built_page}: text set as math (a $ read as the start of math):\n" + "\n".join(found)


def test_chapter_figures_are_numbered_and_captioned(built_site):
    figures = [(f, fig) for f in notebooks.toc_files() for fig in built_site.page(f + ".html").figures]
    assert len(figures) >= 3, "chapter 1's three maps are missing from the HTML"
    for page, fig in figures:
        assert fig.id.startswith("fig-"), f"{page}: a figure without a label"
        assert fig.number.startswith("Fig. "), f"{page}#{fig.id}: no figure number"
        assert len(fig.caption) > 20, f"{page}#{fig.id}: no caption"
        assert (paths.HTML / site.resolve(page + ".html", fig.src)[0]).is_file()


def test_chapter_tables_are_numbered_and_captioned(built_site):
    """A table printed by figures.table reaches the reader as a numbered, captioned HTML table with its label."""
    import re

    for f in notebooks.toc_files():
        html = (paths.HTML / (f + ".html")).read_text(encoding="utf-8")
        for m in re.finditer(r'<table[^>]*id="(tbl-[^"]+)"[^>]*>(.*?)</table>', html, re.S):
            caption = re.search(r"<caption>(.*?)</caption>", m[2], re.S)
            assert caption, f"{f}#{m[1]}: a table without a caption"
            text = " ".join(re.sub(r"<[^>]+>", " ", caption[1]).split())
            assert re.match(r"Table \d+(\.\d+)* \S", text), f"{f}#{m[1]}: no table number in {text!r}"


@pytest.fixture(scope="module")
def sphinx_config(built_site):
    """The configuration the site was built with, from Sphinx's pickled environment."""
    with open(paths.DOCTREES / "environment.pickle", "rb") as f:
        return pickle.load(f).config


def test_mathjax_would_be_served_from_the_site(sphinx_config):
    """No page has math today; when one does, Sphinx must load MathJax from _static, not from a CDN."""
    path = sphinx_config.mathjax_path
    assert not site.is_external(path), f"MathJax would come from {path}"
    assert (paths.HTML / "_static" / path).is_file(), f"_static/{path} is missing"


def test_pages_carry_no_build_date(sphinx_config, built_site):
    """Sphinx writes the build's date only through "last updated" and |today|; both are off or fixed."""
    assert sphinx_config.html_last_updated_fmt is None, "html_last_updated_fmt would print the build date on every page"
    assert sphinx_config.today, "an empty `today` makes |today| the build date (set it in _config.yml)"
    dated = [p for p in built_site.pages() if "Last updated on" in _text(p)]
    assert not dated, f"pages that print when they were built: {dated}"
