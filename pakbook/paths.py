"""The one place that knows where things are.

Every other module, chapter, test and script asks this module for a path, so the
book works whatever the current directory is (a chapter's kernel starts in
``chapters/``, pytest in the repository root, a script anywhere).
"""

from __future__ import annotations

import os
from pathlib import Path

_MARKERS = ("_config.yml", "_toc.yml")


def find_root(start: Path | None = None) -> Path:
    """Return the repository root: the nearest folder holding ``_config.yml`` and ``_toc.yml``."""
    here = (start or Path(__file__)).resolve()
    for folder in (here, *here.parents):
        if all((folder / m).is_file() for m in _MARKERS):
            return folder
    raise FileNotFoundError(
        f"no folder above {here} holds {' and '.join(_MARKERS)}"
    )


ROOT = find_root()
DATA = ROOT / "data"
RAW = DATA / "raw"
DERIVED = DATA / "derived"
CATALOG = DATA / "catalog.yml"
CHAPTERS = ROOT / "chapters"
BUILD = ROOT / "_build"
HTML = BUILD / "html"
LATEX = BUILD / "latex"


def data_file(relative: str | os.PathLike) -> Path:
    """Absolute path of a file named relative to ``data/`` (as in the catalogue)."""
    return DATA / Path(relative)


def rel(path: Path) -> str:
    """A path relative to the repository root, with forward slashes, for messages and records."""
    try:
        return Path(path).resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return Path(path).as_posix()
