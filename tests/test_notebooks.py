"""The notebooks are committed executed, clean, and wired for the book (captions, alt text, glue)."""

from __future__ import annotations

import json
import posixpath
import re

import pytest

from pakbook import notebooks, paths

NOTEBOOKS = notebooks.in_toc()
LEAKS = [
    (re.compile(r"0x[0-9a-fA-F]{6,}"), "a memory address"),
    (re.compile(r"/(?:root|home|work|tmp|usr)/[\w.-]+"), "a machine path"),
    (re.compile(r"Warning\b"), "a warning"),
    (re.compile(r"Traceback"), "a traceback"),
]


def _load(nb):
    return json.loads((paths.ROOT / nb).read_text(encoding="utf-8"))


def _code_cells(doc):
    return [c for c in doc["cells"] if c["cell_type"] == "code" and "".join(c["source"]).strip()]


def test_the_book_has_notebooks():
    assert "chapters/01_crossroads.ipynb" in [p.as_posix() for p in NOTEBOOKS]


@pytest.mark.parametrize("nb", NOTEBOOKS, ids=str)
def test_committed_with_outputs(nb):
    """nbval compares nothing in a notebook whose outputs were cleared: refuse such a commit."""
    doc = _load(nb)
    cells = _code_cells(doc)
    assert cells, f"{nb} has no code"
    unrun = [i for i, c in enumerate(doc["cells"]) if c in cells and c.get("execution_count") is None]
    assert not unrun, f"{nb}: cells {unrun} were never executed; run scripts/execute.sh {nb}"
    assert any(c["outputs"] for c in cells), f"{nb}: no outputs committed"
    counts = [c["execution_count"] for c in cells]
    assert counts == list(range(1, len(cells) + 1)), f"{nb}: not executed top to bottom in one kernel"


@pytest.mark.parametrize("nb", NOTEBOOKS, ids=str)
def test_outputs_are_clean(nb):
    for i, cell in enumerate(_load(nb)["cells"]):
        for out in cell.get("outputs", []):
            assert out["output_type"] != "error", f"{nb} cell {i}: error output"
            assert not (out["output_type"] == "stream" and out["name"] == "stderr"), f"{nb} cell {i}: stderr"
            text = json.dumps({k: v for k, v in out.get("data", {}).items() if not k.startswith("image/")})
            text += json.dumps(out.get("text", ""))
            for pattern, what in LEAKS:
                assert not pattern.search(text), f"{nb} cell {i}: output contains {what}"


@pytest.mark.parametrize("nb", NOTEBOOKS, ids=str)
def test_code_is_hidden_from_readers(nb):
    for i, cell in enumerate(_code_cells(_load(nb))):
        tags = set(cell["metadata"].get("tags", []))
        assert tags & {"remove-input", "remove-cell"}, f"{nb} code cell {i} would print its code in the PDF"


@pytest.mark.parametrize("nb", NOTEBOOKS, ids=str)
def test_figures_have_caption_label_and_alt_text(nb):
    for i, cell in enumerate(_code_cells(_load(nb))):
        has_image = any("image/png" in o.get("data", {}) for o in cell["outputs"])
        if not has_image:
            continue
        meta = cell["metadata"].get("mystnb", {})
        fig, img = meta.get("figure", {}), meta.get("image", {})
        assert fig.get("name", "").startswith("fig-"), f"{nb} cell {i}: figure without a label"
        assert len(fig.get("caption", "")) > 20, f"{nb} cell {i}: figure without a caption"
        alt = img.get("alt", "")
        assert len(alt) > 60 and not re.search(r"\.(png|jpe?g|svg)$", alt), f"{nb} cell {i}: alt text missing or a file name"
        assert img.get("width") == "100%", f"{nb} cell {i}: figure not at text width"
        pngs = [o for o in cell["outputs"] if "image/png" in o.get("data", {})]
        assert len(pngs) == 1, f"{nb} cell {i}: {len(pngs)} images in one figure cell"


def _glued_keys(doc):
    keys = set()
    for cell in doc["cells"]:
        for out in cell.get("outputs", []):
            key = out.get("metadata", {}).get("scrapbook", {}).get("name")
            if key:
                keys.add(key)
    return keys


GLUE_ROLE = re.compile(r"\{glue:(?:text|any)\}`(?:([\w/.-]+\.ipynb)::)?([A-Za-z0-9_]+)")


def _glue_uses(text: str, here: str) -> set[tuple[str, str]]:
    """(notebook, key) for each glue role; a path is relative to the page that uses it."""
    folder = posixpath.dirname(here)
    return {(posixpath.normpath(posixpath.join(folder, path)) if path else here, key)
            for path, key in GLUE_ROLE.findall(text)}


@pytest.mark.parametrize("nb", NOTEBOOKS, ids=str)
def test_every_glued_number_in_the_text_is_computed(nb):
    doc = _load(nb)
    here = nb.as_posix()
    keys = _glued_keys(doc)
    used = set()
    for cell in doc["cells"]:
        if cell["cell_type"] == "markdown":
            used |= _glue_uses("".join(cell["source"]), here)
    for path, key in used:
        assert key in _glued_keys(_load(path)), f"{nb}: text uses {path}::{key}, never computed"
    local = {key for path, key in used if path == here}
    assert keys <= local, f"{nb}: glued but never used: {sorted(keys - local)}"


def test_glue_in_markdown_pages_refers_to_computed_numbers():
    pages = [paths.ROOT / (f + ".md") for f in notebooks.toc_files() if (paths.ROOT / (f + ".md")).is_file()]
    for page in pages:
        here = page.relative_to(paths.ROOT).as_posix()
        for path, key in _glue_uses(page.read_text(encoding="utf-8"), here):
            assert path != here, f"{page.name}: a Markdown page can only glue from a notebook (path::key)"
            assert key in _glued_keys(_load(path)), f"{page.name}: {path}::{key} is never computed"
