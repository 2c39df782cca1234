"""Checks of the built book (marker ``book``): scripts/build.sh runs them after building HTML and PDF.

This module checks that both were built and are linked; the reader's checks are in
test_site.py (every page, link and image of the site), test_browser.py (the site in
headless Chromium) and test_pdf.py (the PDF page by page, each figure by its caption).
"""

from __future__ import annotations

import pytest

from pakbook import notebooks, paths

pytestmark = pytest.mark.book

PDF = paths.LATEX / "book.pdf"


def test_html_site_exists():
    index = paths.HTML / "index.html"
    assert index.is_file() and index.stat().st_size > 0
    for f in notebooks.toc_files():
        page = paths.HTML / (f + ".html")
        assert page.is_file() and page.stat().st_size > 0, f"{page} was not built"


def test_pdf_exists_and_is_linked_from_the_site():
    assert PDF.is_file() and PDF.stat().st_size > 100_000
    assert PDF.read_bytes()[:5] == b"%PDF-"
    assert (paths.HTML / "book.pdf").read_bytes() == PDF.read_bytes(), "scripts/build.sh copies the PDF into the site"
    assert 'href="book.pdf"' in (paths.HTML / "intro.html").read_text(encoding="utf-8")
