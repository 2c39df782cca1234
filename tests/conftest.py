"""Shared fixtures. Tests marked ``book`` check the built book and run after scripts/build.sh builds it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pakbook import paths
from pakbook.catalog import Catalog, sha256


def pytest_configure(config):
    config.addinivalue_line("markers", "book: checks of the built HTML and PDF (run by scripts/build.sh)")


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return Catalog()


@pytest.fixture
def scratch_data(tmp_path):
    """A throw-away data folder with a catalogue, for feeding loaders deliberately broken files.

    ``make(dataset, relpath, content, sources=...)`` writes the file and a catalogue that
    records it with its true checksum (unless ``checksum`` is given), and returns a Catalog.
    """

    def make(dataset: str, relpath: str, content: bytes | str, *, checksum: str | None = None,
             sources: dict | None = None) -> Catalog:
        root = tmp_path / "data"
        target = root / relpath
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        book = Catalog()
        srcs = sources if sources is not None else book.sources
        import yaml

        record = {
            "path": relpath, "dataset": dataset, "kind": "raw", "title": "test file", "producer": "tests",
            "citation": "tests", "url": "https://example.org", "accessed": "2026-11-29", "licence": "none",
            "units": "none", "coverage": "none", "derivation": "written by the test",
            "sha256": checksum or sha256(target),
        }
        (root / "catalog.yml").write_text(yaml.safe_dump({"sources": srcs, "files": [record]}), encoding="utf-8")
        return Catalog(root / "catalog.yml")

    return make


@pytest.fixture
def data_copy(tmp_path) -> Path:
    """A copy of the book's data folder (catalogue included) that a test may break."""
    dest = tmp_path / "data"
    shutil.copytree(paths.DATA, dest)
    return dest
