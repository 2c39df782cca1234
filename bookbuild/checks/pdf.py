"""The built PDF as a reader's eyes see it: pages, text, images and their print size, fonts, and the LaTeX log.

Thin wrappers around poppler's command-line tools (``pdfinfo``, ``pdftotext``,
``pdfimages``, ``pdffonts``, ``pdftoppm``; Debian package ``poppler-utils``) and
parsers of their output and of the LaTeX log, so that the parsers can be tested
on their own (tests/test_pdf_parsing.py) and the checks of the built book
(tests/test_pdf.py) stay short.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from pakbook.figures.page import PT_PER_IN  # noqa: E402  (TeX points per inch, defined with the page)


def _run(*args: str) -> str:
    return subprocess.run(list(args), capture_output=True, text=True, check=True).stdout


# -- pdfinfo ---------------------------------------------------------------------------------------------
def parse_info(text: str) -> dict[str, str]:
    out = {}
    for line in text.splitlines():
        key, sep, value = line.partition(":")
        if sep:
            out[key.strip()] = value.strip()
    return out


def page_count(pdf: Path) -> int:
    return int(parse_info(_run("pdfinfo", str(pdf)))["Pages"])


def parse_date(value: str) -> datetime:
    """A date as ``pdfinfo -isodates`` prints it (``2026-11-29T03:26:47Z`` or with an offset), time zone aware."""
    when = datetime.fromisoformat(value.strip())
    if when.tzinfo is None:
        raise ValueError(f"a PDF date without a time zone: {value!r}")
    return when


def creation_date(pdf: Path) -> datetime:
    """When the PDF says it was made (its ``CreationDate``); the build sets it from SOURCE_DATE_EPOCH."""
    info = parse_info(_run("pdfinfo", "-isodates", str(pdf)))
    if "CreationDate" not in info:
        raise ValueError(f"{pdf} records no CreationDate")
    return parse_date(info["CreationDate"])


# -- pdftotext -------------------------------------------------------------------------------------------
def page_texts(pdf: Path) -> list[str]:
    """The text of every page, in order (pdftotext separates pages with a form feed)."""
    pages = _run("pdftotext", "-layout", str(pdf), "-").split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def squash(text: str) -> str:
    """Text with every run of white space as one space, line-end hyphens joined, and typographic quotes plain."""
    text = re.sub(r"(\w)-\n\s*(\w)", r"\1\2", text)
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", text).strip()


#: Hyphens (ASCII, Unicode hyphen, non-breaking and soft hyphen): where a line may end in the PDF.
_HYPHENS_AND_SPACE = re.compile(r"[\s\-\u2010\u2011\u00ad]+")


def loose(text: str) -> str:
    """Text for matching across line ends: ``squash``'s quotes, with every hyphen and white space removed.

    A line of the PDF may end at a real hyphen ("Kashgar-" / "Gwadar"), which ``squash`` cannot
    tell from a word broken by hyphenation ("corri-" / "dor"); compared this way, both sides
    agree whichever it was.
    """
    return _HYPHENS_AND_SPACE.sub("", squash(text))


def squash_lines(text: str) -> str:
    """``squash`` applied to each line on its own (for text laid out in lines, such as a table of contents)."""
    return "\n".join(squash(line) for line in text.splitlines())


# -- pdfimages -list -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Image:
    """One image placed in the PDF, as ``pdfimages -list`` reports it."""

    page: int
    kind: str  # image, smask, mask, stencil
    width: int  # pixels
    height: int
    x_ppi: float
    y_ppi: float

    @property
    def print_width_in(self) -> float:
        """Width on the page, in inches."""
        return self.width / self.x_ppi


def parse_images(text: str) -> list[Image]:
    """Rows of ``pdfimages -list`` output (the two header lines are skipped)."""
    out = []
    for line in text.splitlines()[2:]:
        f = line.split()
        if len(f) < 14:
            continue
        out.append(
            Image(page=int(f[0]), kind=f[2], width=int(f[3]), height=int(f[4]), x_ppi=float(f[12]), y_ppi=float(f[13]))
        )
    return out


def images(pdf: Path) -> list[Image]:
    """The images of the PDF, without their soft masks (transparency) and stencils."""
    return [i for i in parse_images(_run("pdfimages", "-list", str(pdf))) if i.kind == "image"]


# -- pdffonts --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Font:
    name: str
    type: str
    embedded: bool


def parse_fonts(text: str) -> list[Font]:
    """Rows of ``pdffonts`` output.

    A long font name pushes the other columns to the right, so a row is read from
    its ends: the name first; encoding, emb, sub, uni and the object number and
    generation last; the type (which may hold spaces) in between.
    """
    out = []
    for line in text.splitlines()[2:]:
        f = line.split()
        if len(f) < 8:
            continue
        out.append(Font(name=f[0], type=" ".join(f[1:-6]), embedded=f[-5] == "yes"))
    return out


def fonts(pdf: Path) -> list[Font]:
    return parse_fonts(_run("pdffonts", str(pdf)))


# -- the LaTeX log ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Overfull:
    """An overfull box TeX reported: something that runs past the margin by ``points``."""

    points: float
    where: str  # e.g. "paragraph at lines 927--929"
    content: str  # the start of the offending line, as TeX printed it

    def __str__(self) -> str:
        return f"{self.points:.1f}pt too wide in {self.where}: {self.content}"


_OVERFULL = re.compile(
    r"^Overfull \\[hv]box \((?P<pt>[\d.]+)pt too (?:wide|high)\) (?:in |detected at )?(?P<where>.*)$"
)


def overfull_boxes(log: str) -> list[Overfull]:
    lines = log.splitlines()
    out = []
    for i, line in enumerate(lines):
        m = _OVERFULL.match(line)
        if m:
            content = lines[i + 1].strip() if i + 1 < len(lines) else ""
            out.append(Overfull(float(m["pt"]), m["where"].strip(), content[:80]))
    return out


def text_width_in(log: str) -> float:
    """The text block's width, which the book's preamble writes to the log as ``pakbook-textwidth=<pt>pt``."""
    m = re.search(r"pakbook-textwidth=([\d.]+)pt", log)
    if not m:
        raise ValueError("the LaTeX log does not record the text width (pakbook-textwidth=...); see _config.yml")
    return float(m[1]) / PT_PER_IN


# -- pdftoppm --------------------------------------------------------------------------------------------
def render_page(pdf: Path, page: int, out_stem: Path, *, dpi: int = 60) -> Path:
    """Render one page to ``<out_stem>.png`` and return its path."""
    out_stem.parent.mkdir(parents=True, exist_ok=True)
    _run("pdftoppm", "-png", "-r", str(dpi), "-f", str(page), "-l", str(page), "-singlefile", str(pdf), str(out_stem))
    return out_stem.with_suffix(".png")
