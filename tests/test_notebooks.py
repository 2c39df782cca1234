"""The notebooks are committed executed, clean, and wired for the book (captions, alt text, glue)."""

from __future__ import annotations

import json
import posixpath
import re
from collections import Counter

import pytest

from bookbuild import execute as notebooks
from bookbuild.checks import site
from pakbook import paths

NOTEBOOKS = notebooks.in_toc()


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


def _output_text(out: dict) -> str:
    """The text of one output as a reader could see it: stream text and every non-image MIME value."""
    parts = [out.get("text", "")]
    parts += [v for k, v in out.get("data", {}).items() if not k.endswith(("image/png", "image/jpeg", "image/gif"))]
    return "\n".join("".join(p) if isinstance(p, list) else p if isinstance(p, str) else json.dumps(p) for p in parts)


@pytest.mark.parametrize("nb", NOTEBOOKS, ids=str)
def test_outputs_are_clean(nb):
    """No error, no stderr, and nothing of site.LEAKS (the list the site and the PDF are checked with)."""
    for i, cell in enumerate(_load(nb)["cells"]):
        for out in cell.get("outputs", []):
            assert out["output_type"] != "error", f"{nb} cell {i}: error output"
            assert not (out["output_type"] == "stream" and out["name"] == "stderr"), f"{nb} cell {i}: stderr"
            found = site.leaks(_output_text(out))
            assert not found, f"{nb} cell {i}: output contains\n" + "\n".join(found)


@pytest.mark.parametrize("nb", NOTEBOOKS, ids=str)
def test_code_is_hidden_from_readers(nb):
    for i, cell in enumerate(_code_cells(_load(nb))):
        tags = set(cell["metadata"].get("tags", []))
        assert tags & {"remove-input", "remove-cell"}, f"{nb} code cell {i} would print its code in the PDF"


@pytest.mark.parametrize("nb", NOTEBOOKS, ids=str)
def test_figures_have_caption_label_and_alt_text(nb):
    doc = _load(nb)
    shown = Counter(img.cell for img in notebooks.images(doc) if not img.glued)
    for i, count in shown.items():
        cell = doc["cells"][i]
        meta = cell["metadata"].get("mystnb", {})
        fig, img = meta.get("figure", {}), meta.get("image", {})
        assert fig.get("name", "").startswith("fig-"), f"{nb} cell {i}: figure without a label"
        assert len(fig.get("caption", "")) > 20, f"{nb} cell {i}: figure without a caption"
        alt = img.get("alt", "")
        assert len(alt) > 60 and not re.search(r"\.(png|jpe?g|svg)$", alt), (
            f"{nb} cell {i}: alt text missing or a file name"
        )
        assert img.get("width") == "100%", f"{nb} cell {i}: figure not at text width"
        assert count == 1, f"{nb} cell {i}: {count} images in one figure cell"
        assert len(cell["outputs"]) == 1, (
            f"{nb} cell {i}: a figure cell prints more than its figure (each output takes the figure's label)"
        )


TABLE = re.compile(r":::\{table\}(?P<caption>[^\n]*)\n(?P<options>(?::[a-z]+:[^\n]*\n)*)")


@pytest.mark.parametrize("nb", NOTEBOOKS, ids=str)
def test_tables_have_caption_label_and_source(nb):
    """Every table a notebook prints (figures.table) is a numbered {table} with a caption, a tbl- label and a source line."""
    doc = _load(nb)
    names = []
    for i, cell in enumerate(doc["cells"]):
        for out in cell.get("outputs", []):
            md = out.get("data", {}).get("text/markdown")
            text = "".join(md) if isinstance(md, list) else (md or "")
            if "|---" not in text or paths.rel(paths.ROOT / nb).startswith("backmatter/"):
                continue
            tables = list(TABLE.finditer(text))
            assert tables, f"{nb} cell {i}: a Markdown table outside a numbered {{table}} (use figures.table)"
            for m in tables:
                assert len(m["caption"].strip()) > 20, f"{nb} cell {i}: table without a caption"
                name = re.search(r":name: (tbl-[a-z0-9-]+)", m["options"])
                assert name, f"{nb} cell {i}: table without a tbl- label"
                names.append(name[1])
            assert "\nSource: " in text, f"{nb} cell {i}: table without a source line"
    assert len(names) == len(set(names)), f"{nb}: two tables with one label"


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
    return {
        (posixpath.normpath(posixpath.join(folder, path)) if path else here, key)
        for path, key in GLUE_ROLE.findall(text)
    }


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


# -- bookbuild.execute on small notebooks --------------------------------------------------------------------
def _tiny(version: str) -> str:
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("1", id="one")]
    nb.metadata["language_info"] = {"name": "python", "version": version}
    return nbformat.writes(nb) + "\n"


def test_the_interpreter_version_is_kept_to_major_minor():
    """Executing on 3.11.2 and on 3.11.7 must write the same bytes."""
    assert notebooks.normalise(_tiny("3.11.2")) == notebooks.normalise(_tiny("3.11.7")) == _tiny("3.11")
    assert notebooks.normalise(_tiny("3.11")) == _tiny("3.11"), "a normalised notebook is left byte for byte"


def test_the_committed_notebooks_carry_only_major_minor():
    for nb in NOTEBOOKS:
        version = _load(nb)["metadata"].get("language_info", {}).get("version", "")
        assert version.count(".") <= 1, f"{nb}: language_info.version {version!r}; run scripts/execute.sh {nb}"


def test_images_finds_displayed_and_glued_pngs_with_their_cells():
    import base64

    png = base64.b64encode(b"\x89PNG fake").decode()
    doc = {
        "cells": [
            {"cell_type": "markdown", "source": "text"},
            {
                "cell_type": "code",
                "outputs": [{"output_type": "display_data", "data": {"image/png": png, "text/plain": "x"}}],
            },
            {
                "cell_type": "code",
                "outputs": [
                    {
                        "output_type": "display_data",
                        "data": {"application/papermill.record/image/png": [png[:4], png[4:]]},
                    },
                    {"output_type": "stream", "name": "stdout", "text": "no image"},
                ],
            },
        ]
    }
    assert notebooks.images(doc) == [(1, b"\x89PNG fake", False), (2, b"\x89PNG fake", True)]


def test_the_chapter_template_runs_and_keeps_the_contract(tmp_path):
    """chapters/_template.ipynb (outside the table of contents) runs in a clean kernel, with a figure and a table."""
    import nbformat
    from nbclient import NotebookClient

    doc = nbformat.read(paths.CHAPTERS / "_template.ipynb", as_version=4)
    assert "_template" not in " ".join(map(str, NOTEBOOKS)), "the template must stay out of the table of contents"
    NotebookClient(
        doc, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(paths.CHAPTERS)}}
    ).execute()
    outputs = [o for c in doc.cells for o in c.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    assert any("image/png" in o.get("data", {}) for o in outputs), "the template's figure cell drew nothing"
    assert any(":name: tbl-template" in "".join(o.get("data", {}).get("text/markdown", "")) for o in outputs)
