"""The one place that knows where things are.

Every other module, chapter, test and script asks this module for a path, so the
book works whatever the current directory is (a chapter's kernel starts in
``chapters/``, pytest in the repository root, a script anywhere).
"""

from __future__ import annotations

from pathlib import Path

_MARKERS = ("_config.yml", "_toc.yml")


def find_root(start: Path | None = None) -> Path:
    """Return the repository root: the nearest folder holding ``_config.yml`` and ``_toc.yml``."""
    here = (start or Path(__file__)).resolve()
    for folder in (here, *here.parents):
        if all((folder / m).is_file() for m in _MARKERS):
            return folder
    raise FileNotFoundError(f"no folder above {here} holds {' and '.join(_MARKERS)}")


ROOT = find_root()
DATA = ROOT / "data"
RAW = DATA / "raw"
DERIVED = DATA / "derived"
CATALOG = DATA / "catalog.yml"
CHAPTERS = ROOT / "chapters"
#: The table of contents: which pages the book has, in reading order.
TOC = ROOT / "_toc.yml"
#: What each notebook read when last executed (pakbook.deps; committed with the notebooks).
DEPS_MANIFEST = CHAPTERS / ".deps.json"

# -- what scripts/build.sh makes (not committed) --
BUILD = ROOT / "_build"
HTML = BUILD / "html"
LATEX = BUILD / "latex"
#: Sphinx's parsed sources and pickled environment (its configuration included).
DOCTREES = BUILD / ".doctrees"
#: The PDF, and the LaTeX log its checks read (overfull boxes, the text width).
PDF = LATEX / "book.pdf"
LATEX_LOG = LATEX / "book.log"
#: The copy of the PDF that the site links from its front page.
SITE_PDF = HTML / "book.pdf"
#: Pictures and numbers the checks and the benchmark make for a person to look at (not committed).
TEST_OUTPUT = ROOT / "test-output"

# -- continuous integration --
#: The CI entry point: scripts/test.sh, then scripts/build.sh.
CI_RUN = ROOT / ".ci" / "run"
#: The GitHub Actions workflow that runs CI_RUN and publishes the book.
WORKFLOW = ROOT / ".github" / "workflows" / "book.yml"


def rel(path: Path) -> str:
    """A path relative to the repository root, with forward slashes, for messages and records."""
    try:
        return Path(path).resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return Path(path).as_posix()
