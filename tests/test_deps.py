"""Rebuilds that notice data: which notebooks ``scripts/execute.sh --changed`` re-executes, and why."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from bookbuild import deps
from bookbuild import execute as notebooks
from pakbook import paths

# -- a small book in a temporary folder ---------------------------------------------------------------------

CATALOG = """\
files:
  - path: raw/a.csv
    dataset: alpha
    title: Alpha
    sha256: {a}
  - path: raw/b.csv
    dataset: beta
    title: Beta
    sha256: {b}
"""


def _nb(markdown: str, code: str, output: str = "") -> dict:
    outputs = [{"output_type": "stream", "name": "stdout", "text": [output]}] if output else []
    return {
        "cells": [
            {"cell_type": "markdown", "metadata": {}, "source": [markdown]},
            {"cell_type": "code", "metadata": {}, "execution_count": 1, "outputs": outputs, "source": [code]},
        ],
        "metadata": {},
        "nbformat": 4,
        "nbformat_minor": 5,
    }


class Book:
    """Files under a root, the manifest of a first execution, and the decision against them."""

    #: notebook -> (data files it reads, relative to data/; modules it imports)
    READS = {
        "nb_alpha.ipynb": (["catalog.yml", "raw/a.csv"], ["pakbook", "pakbook.x"]),
        "nb_beta.ipynb": (["catalog.yml", "raw/b.csv"], ["pakbook", "pakbook.y"]),
        "nb_both.ipynb": (["catalog.yml", "raw/a.csv", "raw/b.csv"], ["pakbook", "pakbook.x", "pakbook.y"]),
        "nb_catalogue.ipynb": (["catalog.yml"], ["pakbook"]),
        "nb_plain.ipynb": ([], ["pakbook"]),
    }

    def __init__(self, root: Path):
        self.root = root
        self.write("constraints.txt", "numpy==2.4.6\n")
        self.write("requirements.txt", "-c constraints.txt\nnumpy==2.4.6\n")
        self.write("data/raw/a.csv", "x\n1\n")
        self.write("data/raw/b.csv", "y\n2\n")
        self.write_catalog()
        self.write("pakbook/__init__.py", "")
        self.write("pakbook/x.py", "X = 1\n")
        self.write("pakbook/y.py", "Y = 1\n")
        for nb in self.READS:
            self.write(nb, json.dumps(_nb(f"# {nb}", "print(1)", "1\n")))
        self.manifest = deps.empty()
        for nb, (reads, modules) in self.READS.items():
            self.manifest["notebooks"][nb] = deps.entry(deps.notebook_source_hash(root / nb), reads, modules, root=root)

    def write(self, rel: str, text: str) -> None:
        p = self.root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")

    def write_catalog(self, extra: str = "") -> None:
        sha = {k: deps.fingerprint(f"data/raw/{k}.csv", self.root) for k in "ab"}
        self.write("data/catalog.yml", CATALOG.format(**sha) + extra)

    def stale(self) -> dict[str, list[str]]:
        return deps.stale_in(self.root, self.manifest, list(self.READS))


@pytest.fixture
def book(tmp_path) -> Book:
    return Book(tmp_path)


def test_nothing_is_stale_right_after_execution(book):
    assert book.stale() == {}


def test_a_changed_data_file_marks_exactly_its_readers(book):
    book.write("data/raw/a.csv", "x\n2\n")
    assert set(book.stale()) == {"nb_alpha.ipynb", "nb_both.ipynb"}
    assert book.stale()["nb_alpha.ipynb"] == ["data/raw/a.csv changed"]


def test_recording_the_new_checksum_adds_the_page_that_prints_the_whole_catalogue(book):
    book.write("data/raw/a.csv", "x\n2\n")
    book.write_catalog()  # as `python -m pakbook.data.catalog --update` does
    stale = book.stale()
    assert set(stale) == {"nb_alpha.ipynb", "nb_both.ipynb", "nb_catalogue.ipynb"}
    assert "data/catalog.yml#alpha changed" in stale["nb_alpha.ipynb"]
    assert stale["nb_catalogue.ipynb"] == ["data/catalog.yml changed"]


def test_touching_a_file_without_changing_it_marks_nothing(book):
    p = book.root / "data/raw/a.csv"
    os.utime(p, (p.stat().st_atime + 100, p.stat().st_mtime + 100))
    assert book.stale() == {}


def test_a_changed_notebook_marks_only_itself(book):
    doc = json.loads((book.root / "nb_beta.ipynb").read_text())
    doc["cells"][0]["source"] = ["# a new heading"]
    book.write("nb_beta.ipynb", json.dumps(doc))
    assert book.stale() == {"nb_beta.ipynb": ["its cells changed"]}


def test_new_outputs_or_metadata_are_not_a_change(book):
    book.write("nb_alpha.ipynb", json.dumps(_nb("# nb_alpha.ipynb", "print(1)", "something else\n")))
    doc = json.loads((book.root / "nb_beta.ipynb").read_text())
    doc["cells"][1]["metadata"] = {"tags": ["remove-input"]}
    doc["cells"][1]["execution_count"] = 7
    book.write("nb_beta.ipynb", json.dumps(doc, indent=4))
    assert book.stale() == {}


def test_catalogue_records_count_only_for_the_datasets_read(book):
    book.write(
        "data/catalog.yml", (book.root / "data/catalog.yml").read_text().replace("title: Beta", "title: Beta, revised")
    )
    assert set(book.stale()) == {"nb_beta.ipynb", "nb_both.ipynb", "nb_catalogue.ipynb"}


def test_a_new_part_of_a_dataset_marks_its_readers(book):
    book.write("data/raw/a2.csv", "x\n3\n")
    book.write_catalog("  - path: raw/a2.csv\n    dataset: alpha\n    title: Alpha, part 2\n    sha256: 0\n")
    assert set(book.stale()) == {"nb_alpha.ipynb", "nb_both.ipynb", "nb_catalogue.ipynb"}


def test_a_changed_module_marks_only_its_importers(book):
    book.write("pakbook/y.py", "Y = 2\n")
    assert set(book.stale()) == {"nb_beta.ipynb", "nb_both.ipynb"}


def test_a_changed_pin_marks_every_notebook(book):
    book.write("constraints.txt", "numpy==2.4.7\n")
    assert set(book.stale()) == set(Book.READS)


def test_a_vanished_input_or_an_unknown_notebook_is_stale(book):
    (book.root / "data/raw/b.csv").unlink()
    del book.manifest["notebooks"]["nb_plain.ipynb"]
    stale = book.stale()
    assert set(stale) == {"nb_beta.ipynb", "nb_both.ipynb", "nb_plain.ipynb"}
    assert stale["nb_beta.ipynb"] == ["data/raw/b.csv is gone or unreadable"]
    assert "not in the manifest" in stale["nb_plain.ipynb"][0]


def test_an_unreadable_catalogue_marks_every_reader(book):
    book.write("data/catalog.yml", "files: [unclosed\n")
    assert set(book.stale()) == {"nb_alpha.ipynb", "nb_beta.ipynb", "nb_both.ipynb", "nb_catalogue.ipynb"}


def test_entry_keys(book):
    e = book.manifest["notebooks"]
    assert set(e["nb_alpha.ipynb"]["inputs"]) == {
        "constraints.txt",
        "requirements.txt",
        "pakbook/__init__.py",
        "pakbook/x.py",
        "data/raw/a.csv",
        "data/catalog.yml#alpha",
    }
    assert "data/catalog.yml#alpha,beta" in e["nb_both.ipynb"]["inputs"]
    assert "data/catalog.yml" in e["nb_catalogue.ipynb"]["inputs"]
    assert not any(k.startswith("data/") for k in e["nb_plain.ipynb"]["inputs"])
    # a notebook that renders the catalogue depends on all of it, even if it also reads data
    rendering = deps.entry("s", ["catalog.yml", "raw/a.csv"], ["pakbook", "pakbook.pages.data_sources"], root=book.root)
    assert "data/catalog.yml" in rendering["inputs"]


def test_manifest_text_is_deterministic(book, tmp_path):
    path = tmp_path / "deps.json"
    assert deps.save(book.manifest, path) is True
    text = path.read_text()
    assert deps.save(deps.load(path), path) is False
    assert path.read_text() == text == deps.dumps(json.loads(text))
    assert text.endswith("}\n")
    (tmp_path / "bad.json").write_text("{not json")
    assert deps.load(tmp_path / "bad.json") == deps.empty()


def test_the_committed_manifest_is_in_canonical_form():
    text = deps.MANIFEST.read_text(encoding="utf-8")
    doc = deps.load()
    assert doc["notebooks"], "chapters/.deps.json is empty: run scripts/execute.sh"
    assert deps.dumps(doc) == text
    toc = {p.as_posix() for p in notebooks.in_toc()}
    assert set(doc["notebooks"]) <= toc, "entries for notebooks that are no longer in the book"


def test_a_trace_without_the_tracer_is_refused(tmp_path):
    log = tmp_path / "trace.log"
    log.write_text("")
    with pytest.raises(RuntimeError, match="tracer did not run"):
        deps.read_trace(log)
    log.write_text("tracer\tinstalled\nread\traw/a.csv\nmodule\tpakbook.x\nread\traw/a.csv\n")
    assert deps.read_trace(log) == (["raw/a.csv"], ["pakbook.x"])


# -- the tracer, in a real kernel ----------------------------------------------------------------------------


def _code(src: str, n: int = 0) -> dict:
    return {
        "cell_type": "code",
        "id": f"code-{n}",
        "metadata": {},
        "execution_count": None,
        "outputs": [],
        "source": [src],
    }


def _text(value) -> str:
    return "".join(value) if isinstance(value, list) else value


def test_execution_records_what_the_notebook_read_and_nothing_else(tmp_path):
    brief = (paths.DATA / "raw/brief/brief_claims.csv").as_posix()
    doc = {
        "cells": [
            {"cell_type": "markdown", "id": "text", "metadata": {}, "source": ["# A probe"]},
            _code("from pakbook import data\nfacts = data.load('key_facts')\nlen(facts) > 0", 1),
            _code(
                f"with open({brief!r}, encoding='utf-8') as fh:\n    header = fh.readline()\n"
                "print(header.split(',')[0])",
                2,
            ),
            _code("print(sorted(k for k in globals() if 'trace' in k.lower()))", 3),
        ],
        "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    nb = tmp_path / "probe.ipynb"
    nb.write_text(json.dumps(doc), encoding="utf-8")
    changed, entry = notebooks.execute(nb)
    assert changed
    done = json.loads(nb.read_text(encoding="utf-8"))
    code = [c for c in done["cells"] if c["cell_type"] == "code"]
    assert [c["execution_count"] for c in code] == [1, 2, 3], "the tracer must not take an execution count"
    assert _text(code[0]["outputs"][0]["data"]["text/plain"]) == "True"
    assert _text(code[1]["outputs"][0]["text"]) == "claim_id\n"
    assert _text(code[2]["outputs"][0]["text"]) == "[]\n", "the tracer left names in the notebook's namespace"
    assert "timing" not in json.dumps([c["metadata"] for c in code])

    inputs = entry["inputs"]
    assert entry["source"] == deps.source_hash(done) == deps.source_hash(doc)
    assert "data/raw/key_facts/key_facts.csv" in inputs
    assert "data/raw/brief/brief_claims.csv" in inputs, "a file opened directly, not through a loader"
    assert "data/catalog.yml#brief_claims,key_facts" in inputs
    assert {
        "pakbook/data/__init__.py",
        "pakbook/data/catalog.py",
        "pakbook/data/validate.py",
        "pakbook/data/facts.py",
    } <= set(inputs)
    assert "pakbook/data/trade.py" not in inputs  # a topic the notebook did not read
    assert "pakbook/figures/maps/book.py" not in inputs and "data/raw/geonames/places_geonames.csv" not in inputs
    assert all(v == deps.fingerprint(k) for k, v in inputs.items())

    again, entry2 = notebooks.execute(nb)
    assert not again and entry2 == entry, "re-executing an unchanged notebook must give identical bytes"


def test_a_failing_notebook_is_left_untouched(tmp_path):
    from nbclient.exceptions import CellExecutionError

    doc = {
        "cells": [_code("1 / 0")],
        "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    nb = tmp_path / "broken.ipynb"
    nb.write_text(json.dumps(doc), encoding="utf-8")
    before = nb.read_bytes()
    with pytest.raises(CellExecutionError):
        notebooks.execute(nb)
    assert nb.read_bytes() == before


def test_command_line_rejects_contradictory_options(capsys):
    with pytest.raises(SystemExit):
        notebooks.main(["--dry-run"])
    with pytest.raises(SystemExit):
        notebooks.main(["--changed", "chapters/01_crossroads.ipynb"])


def test_the_tracer_gets_its_values_as_one_literal_whatever_they_hold(tmp_path):
    """A value that holds quotes, backslashes or the name of another value is passed through unchanged."""
    import ast

    odd = tmp_path / 'it\'s a "DATA_ROOT" \\ PACKAGE\nlog'
    source = deps.tracer_source(odd, tmp_path / "LOG_PATH", "pakbook")
    tree = ast.parse(source)
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and getattr(n.func, "id", "") == "_pakbook_trace"]
    assert len(calls) == 1
    [starred] = calls[0].args
    assert ast.literal_eval(starred.value) == [str(odd), str(tmp_path / "LOG_PATH"), "pakbook"]
    assert isinstance(tree.body[-1], ast.Delete), "the tracer must leave no name in the notebook's namespace"
