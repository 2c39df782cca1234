"""Checks of the built book (marker ``book``): scripts/build.sh runs them after building HTML and PDF."""

from __future__ import annotations

import re
import subprocess

import pytest

from pakbook import notebooks, paths

pytestmark = pytest.mark.book

PDF = paths.LATEX / "book.pdf"


def _chapter_pages():
    return [paths.HTML / (f + ".html") for f in notebooks.toc_files()]


def _content_images(html: str) -> list[str]:
    """<img> sources in a page's article (the theme's own logos and icons are not figures)."""
    article = html.split('<article class="bd-article">', 1)[-1].split("</article>", 1)[0]
    return re.findall(r'<img[^>]*src="([^"]+)"', article)


def test_html_site_exists():
    index = paths.HTML / "index.html"
    assert index.is_file() and index.stat().st_size > 0
    for page in _chapter_pages():
        assert page.is_file(), f"{page} was not built"


def test_pdf_exists_and_is_linked_from_the_site():
    assert PDF.is_file() and PDF.stat().st_size > 100_000
    assert (paths.HTML / "book.pdf").read_bytes() == PDF.read_bytes()
    assert 'href="book.pdf"' in (paths.HTML / "intro.html").read_text(encoding="utf-8")


def test_pdf_has_at_least_as_many_images_as_the_html_chapters():
    html_images = sum(len(_content_images(p.read_text(encoding="utf-8"))) for p in _chapter_pages())
    listing = subprocess.run(["pdfimages", "-list", str(PDF)], capture_output=True, text=True, check=True).stdout
    pdf_images = len([line for line in listing.splitlines()[2:] if line.strip() and " smask " not in line])
    assert html_images >= 3, "chapter 1's maps are missing from the HTML"
    assert pdf_images >= html_images, f"PDF has {pdf_images} images, the HTML chapters {html_images}"


def test_pdf_text_carries_the_chapter_and_its_figures():
    text = subprocess.run(["pdftotext", "-layout", str(PDF), "-"], capture_output=True, text=True, check=True).stdout
    assert "The crossroads" in text or "THE CROSSROADS" in text
    for n in (1, 2, 3):
        assert f"Fig. 1.{n}" in text, f"figure 1.{n} is not numbered in the PDF"
    assert "Natural Earth" in text
