"""The built HTML site, read file by file (marker ``book``): links, anchors, images, and no resource from another host.

tests/test_browser.py loads the same pages in a real browser; these checks read
every page of the site, including those a reader only reaches by a link.
"""

from __future__ import annotations

import pytest

from pakbook import notebooks, paths, site

pytestmark = pytest.mark.book

SITE = site.Site(paths.HTML)

#: Absolute URLs that may appear inside inline scripts, with the reason they are never fetched.
#: (tests/test_browser.py blocks and records every request to another host, so a reason that
#: stops being true fails there.)
INLINE_URLS_NEVER_FETCHED = {
    "https://unpkg.com/thebe@0.8.2/lib/index.js":
        "sphinx-thebe, which Jupyter Book always loads, names the Thebe library; it is fetched only when a "
        "reader presses a live-code button, and the book shows none (launch_buttons.thebe: false)",
}


def _pages():
    assert (paths.HTML / "index.html").is_file(), "build the book first: scripts/build.sh"
    return SITE.pages()


def test_every_page_of_the_table_of_contents_was_built():
    built = set(_pages())
    missing = [f + ".html" for f in notebooks.toc_files() if f + ".html" not in built]
    assert not missing, f"pages in _toc.yml but not in the site: {missing}"


@pytest.mark.parametrize("page", _pages() if paths.HTML.is_dir() else [], ids=str)
def test_internal_links_and_anchors_resolve(page):
    broken = SITE.broken_links(page)
    assert not broken, "broken links:\n" + "\n".join(map(str, broken))


@pytest.mark.parametrize("page", _pages() if paths.HTML.is_dir() else [], ids=str)
def test_nothing_is_loaded_from_another_host(page):
    fetched = [u for u in SITE.external_resources(page) if u not in INLINE_URLS_NEVER_FETCHED]
    assert not fetched, f"{page} loads from another host: {sorted(set(fetched))}"


@pytest.mark.parametrize("page", _pages() if paths.HTML.is_dir() else [], ids=str)
def test_every_image_has_alt_text_that_describes_it(page):
    problems = [f"{src}: {why}" for src, alt in SITE.page(page).images if (why := site.alt_text_problem(alt))]
    assert not problems, f"{page}:\n" + "\n".join(problems)


@pytest.mark.parametrize("page", _pages() if paths.HTML.is_dir() else [], ids=str)
def test_no_machine_path_memory_address_traceback_or_warning_reaches_the_reader(page):
    found = site.leaks(site.visible_text((paths.HTML / page).read_text(encoding="utf-8")))
    assert not found, f"{page}:\n" + "\n".join(found)


@pytest.mark.parametrize("page", _pages() if paths.HTML.is_dir() else [], ids=str)
def test_no_prose_is_set_as_math(page):
    """With MyST's dollarmath, two "US$" in one paragraph make the text between them math; write "US\\$"."""
    found = site.prose_in_math((paths.HTML / page).read_text(encoding="utf-8"))
    assert not found, f"{page}: text set as math (a $ read as the start of math):\n" + "\n".join(found)


def test_chapter_figures_are_numbered_and_captioned():
    figures = [(f, fig) for f in notebooks.toc_files() for fig in SITE.page(f + ".html").figures]
    assert len(figures) >= 3, "chapter 1's three maps are missing from the HTML"
    for page, fig in figures:
        assert fig.id.startswith("fig-"), f"{page}: a figure without a label"
        assert fig.number.startswith("Fig. "), f"{page}#{fig.id}: no figure number"
        assert len(fig.caption) > 20, f"{page}#{fig.id}: no caption"
        assert (paths.HTML / site.resolve(page + ".html", fig.src)[0]).is_file()


def test_mathjax_would_be_served_from_the_site():
    """No page has math today; when one does, Sphinx must load MathJax from _static, not from a CDN."""
    import pickle

    with open(paths.BUILD / ".doctrees" / "environment.pickle", "rb") as f:
        config = pickle.load(f).config
    assert not site.is_external(config.mathjax_path), f"MathJax would come from {config.mathjax_path}"
    assert (paths.HTML / "_static" / config.mathjax_path).is_file(), f"_static/{config.mathjax_path} is missing"
