"""Checks of the built book (marker ``book``): scripts/build.sh runs them after building HTML and PDF.

This module checks that both were built and are linked; the reader's checks are in
test_site.py (every page, link and image of the site), test_browser.py (the site in
headless Chromium) and test_pdf.py (the PDF page by page, each figure by its caption).
"""

from __future__ import annotations

import pytest

from bookbuild import execute as notebooks
from pakbook import paths

pytestmark = pytest.mark.book


def test_html_site_exists():
    index = paths.HTML / "index.html"
    assert index.is_file() and index.stat().st_size > 0
    for f in notebooks.toc_files():
        page = paths.HTML / (f + ".html")
        assert page.is_file() and page.stat().st_size > 0, f"{page} was not built"


@pytest.mark.pdf
def test_pdf_exists_and_is_linked_from_the_site():
    assert paths.PDF.is_file() and paths.PDF.stat().st_size > 100_000
    assert paths.PDF.read_bytes()[:5] == b"%PDF-"
    assert paths.SITE_PDF.read_bytes() == paths.PDF.read_bytes(), "scripts/build.sh copies the PDF into the site"
    link = paths.SITE_PDF.relative_to(paths.HTML).as_posix()
    assert f'href="{link}"' in (paths.HTML / "intro.html").read_text(encoding="utf-8")
