"""The PDF page by page (markers ``book`` and ``pdf``): contents, chapters, every figure at print size, fonts,
overfull boxes, and the date it records.

Reads _build/latex/book.pdf with poppler and the LaTeX log _build/latex/book.log.
The first page of each chapter is rendered to test-output/pdf/ for a person to look at.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import UTC, datetime

import pytest

from bookbuild import execute as notebooks
from bookbuild.checks import a11y, pdf, site
from pakbook import paths
from pakbook.figures import page as geometry

pytestmark = [pytest.mark.book, pytest.mark.pdf]

PDF = paths.PDF
PICTURES = paths.TEST_OUTPUT / "pdf"

#: Overfull boxes (lines that run into the margin) the LaTeX log may report. The book has
#: none; a few tiny ones are tolerated, but none that a reader could see.
MAX_OVERFULL_BOXES = 2
MAX_OVERFULL_PT = 3.0


@pytest.fixture(scope="module")
def chapters(built_site) -> list[tuple[str, str]]:
    """(page, title) of every chapter in the table of contents (the front page is not a chapter)."""
    return [(f, built_site.page(f + ".html").heading) for f in notebooks.toc_files()[1:]]


@pytest.fixture(scope="module")
def html_figures(built_site) -> list[tuple]:
    """(page, figure, (width, height, dpi) of its PNG) for every figure of the HTML."""
    out = []
    for f in notebooks.toc_files():
        for fig in built_site.page(f + ".html").figures:
            png = paths.HTML / site.resolve(f + ".html", fig.src)[0]
            out.append((f, fig, a11y.png_info(png.read_bytes())))
    return out


@pytest.fixture(scope="module")
def pages() -> list[str]:
    assert PDF.is_file(), "build the book first: scripts/build.sh"
    return pdf.page_texts(PDF)


@pytest.fixture(scope="module")
def log() -> str:
    return paths.LATEX_LOG.read_text(encoding="utf-8", errors="replace")


@pytest.fixture(scope="module")
def starts(pages, chapters) -> dict[str, int]:
    """Physical page (1-based) on which each chapter starts: its heading is "CHAPTER <number> <TITLE>"."""
    out = {}
    for page, title in chapters:
        wanted = pdf.squash(title).upper()
        hits = [
            i + 1
            for i, text in enumerate(pages)
            if re.match(rf"CHAPTER \w+ {re.escape(wanted)}\b", pdf.squash(text).upper())
        ]
        out[page] = hits[0] if hits else 0
    return out


def test_page_count(pages, chapters):
    assert len(pages) == pdf.page_count(PDF)
    # a title page, the contents, and a page at least for each chapter
    assert len(pages) >= 2 + len(chapters), f"only {len(pages)} pages"


def test_every_chapter_starts_on_its_own_page(starts, chapters):
    missing = [p for p, n in starts.items() if not n]
    assert not missing, f"chapters with no chapter heading in the PDF: {missing}"
    order = [starts[p] for p, _ in chapters]
    assert order == sorted(order), "chapters are out of order"


def test_table_of_contents_lists_every_chapter_at_the_page_it_starts(pages, starts, chapters):
    contents = next(
        (i for i, t in enumerate(pages) if t.strip().upper().startswith("CONTENTS") or "\nCONTENTS" in t.upper()[:400]),
        None,
    )
    assert contents is not None, "no table of contents in the PDF"
    toc = "\n".join(pages[contents : min(starts.values()) - 1])
    offsets = set()
    for page, title in chapters:
        m = re.search(rf"^\s*\d+\s+{re.escape(pdf.squash(title))}\s+(\d+)\s*$", pdf.squash_lines(toc), re.MULTILINE)
        assert m, f"the table of contents does not list {title!r}"
        offsets.add(starts[page] - int(m[1]))
    assert len(offsets) == 1, "the page numbers in the table of contents do not match where chapters start"


@pytest.fixture(scope="module")
def figure_pages(pages, html_figures) -> list[tuple]:
    """(html page, figure, (width, height, dpi) of its PNG, PDF page of its caption or 0) for every HTML figure.

    A caption is looked for by its number and first 60 characters, with hyphens and white space
    left out on both sides (pdf.loose): a line of the PDF may end at a hyphen of the caption.
    """
    loose = [pdf.loose(t) for t in pages]
    out = []
    for page, fig, info in html_figures:
        label = pdf.loose(f"{fig.number}: {pdf.squash(fig.caption)[:60]}")
        on = [i + 1 for i, t in enumerate(loose) if label in t]
        out.append((page, fig, info, on[0] if on else 0))
    return out


def test_every_figure_of_the_html_is_in_the_pdf_with_its_number_caption_and_image(figure_pages):
    assert len(figure_pages) >= 3, "chapter 1's maps are missing from the HTML"
    placed = pdf.images(PDF)
    problems = []
    for page, fig, (width, height, _), on in figure_pages:
        if not on:
            problems.append(f"{page} {fig.number}: caption {fig.number}: {fig.caption[:60]!r} not found in the PDF")
        elif not any(i.page == on and (i.width, i.height) == (width, height) for i in placed):
            problems.append(f"{page} {fig.number}: no {width}x{height} image on PDF page {on} with its caption")
    assert not problems, "\n".join(problems)


#: How far (inches) the text block may be from geometry.TEXT_WIDTH_IN: pakbook/sphinx_latex.py sets the margins
#: from it, so only rounding (to 1e-5 in) remains. Sphinx's default margins on A4 would miss by 0.0023 in.
TEXT_WIDTH_ROUNDING_IN = 0.001


def test_the_text_block_is_as_wide_as_the_figures_are_drawn(log):
    width = pdf.text_width_in(log)
    assert width == pytest.approx(geometry.TEXT_WIDTH_IN, abs=TEXT_WIDTH_ROUNDING_IN), (
        f"the PDF's text block is {width:.4f} in wide; figures are drawn for {geometry.TEXT_WIDTH_IN} in "
        "(pakbook/style.py), and pakbook/sphinx_latex.py sets the margins from that"
    )


def test_no_image_is_wider_than_the_text_block(log):
    width = pdf.text_width_in(log)
    too_wide = [
        f"page {i.page}: {i.width} px at {i.x_ppi:g} ppi = {i.print_width_in:.2f} in"
        for i in pdf.images(PDF)
        if i.print_width_in > width + geometry.TOLERANCE_IN
    ]
    assert not too_wide, f"images wider than the {width:.2f} in text block:\n" + "\n".join(too_wide)


def test_figures_are_printed_at_the_size_they_were_drawn(figure_pages):
    """A figure drawn at text width and placed at text width keeps its type sizes (8 pt stays 8 pt)."""
    placed = pdf.images(PDF)
    problems = []
    for page, fig, (width, _height, dpi), on in figure_pages:
        drawn = width / dpi if dpi else 0.0
        if abs(drawn - geometry.TEXT_WIDTH_IN) > geometry.TOLERANCE_IN:
            problems.append(f"{page} {fig.number}: drawn {width} px at {dpi} dpi, not {geometry.TEXT_WIDTH_IN} in wide")
        for i in (i for i in placed if i.page == on):
            # the PDF's pixel density must be the figure's: otherwise its type is scaled by dpi / ppi
            if abs(i.print_width_in - geometry.TEXT_WIDTH_IN) > geometry.TOLERANCE_IN or abs(i.x_ppi - (dpi or 0)) > 1:
                problems.append(
                    f"{page} {fig.number}: printed {i.print_width_in:.2f} in wide on page {i.page} "
                    f"({i.width} px at {i.x_ppi:g} ppi), drawn at {dpi or 0:.0f} dpi: "
                    f"its text is scaled by {(dpi or 0) / i.x_ppi:.2f}"
                )
    assert not problems, "\n".join(problems)


def test_no_machine_path_memory_address_traceback_or_warning_reaches_the_reader(pages):
    found = [f"page {i + 1}: {leak}" for i, text in enumerate(pages) for leak in site.leaks(pdf.squash(text))]
    assert not found, "\n".join(found)


def test_fonts_are_embedded():
    fonts = pdf.fonts(PDF)
    assert fonts, "pdffonts found no fonts"
    loose = [f.name for f in fonts if not f.embedded]
    assert not loose, f"fonts not embedded: {loose}"


def test_overfull_boxes_are_few_and_small(log):
    boxes = pdf.overfull_boxes(log)
    big = [b for b in boxes if b.points > MAX_OVERFULL_PT]
    report = "\n".join(map(str, boxes))
    assert len(boxes) <= MAX_OVERFULL_BOXES and not big, (
        f"{len(boxes)} overfull boxes (at most {MAX_OVERFULL_BOXES}, none over {MAX_OVERFULL_PT} pt) "
        f"in {paths.rel(paths.LATEX_LOG)}; lines of its .tex:\n{report}"
    )


def test_first_page_of_each_chapter_rendered_for_a_person_to_look_at(starts, chapters):
    from PIL import Image

    shutil.rmtree(PICTURES, ignore_errors=True)
    for page, _title in chapters:
        stem = PICTURES / page.replace("/", "__")
        png = pdf.render_page(PDF, starts[page], stem)
        with Image.open(png) as im:
            lo, hi = im.convert("L").getextrema()
        assert hi - lo > 100, f"{png} is blank"
    assert len(list(PICTURES.glob("*.png"))) == len(chapters)


def _last_commit_time() -> datetime:
    """The last commit's time, as scripts/_env.sh's source_date_epoch gives it (0 outside a git checkout)."""
    try:
        out = subprocess.run(
            ["git", "-C", str(paths.ROOT), "log", "-1", "--format=%ct"], capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        out = "0"
    return datetime.fromtimestamp(int(out or 0), tz=UTC)


def test_the_pdf_is_dated_by_the_last_commit_not_by_the_clock():
    """scripts/build.sh exports SOURCE_DATE_EPOCH: one commit builds one PDF, whenever it is built."""
    made = pdf.creation_date(PDF)
    assert made == _last_commit_time(), (
        f"the PDF says it was made {made.isoformat()}, the last commit is of {_last_commit_time().isoformat()}: "
        "build with scripts/build.sh (it sets SOURCE_DATE_EPOCH)"
    )
