"""Shared fixtures, and which notebooks nbval collects.

Tests marked ``book`` check the built book and run after scripts/build.sh builds it; their
parameters (the built pages) are listed without reading or asserting anything, so that
collecting them never fails, built or not (scripts/test.sh deselects them).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from bookbuild import execute as notebooks
from pakbook import paths
from pakbook.data.catalog import Catalog, sha256

#: The parameter of the page-by-page checks when there is no built site: its tests fail, asking for a build.
NOT_BUILT = "(the site is not built)"


# -- which notebooks nbval runs -------------------------------------------------------------------------
def pytest_collection_modifyitems(config, items):
    """Run nbval only on the notebooks of the table of contents (those scripts/execute.sh refreshes):
    a draft elsewhere under chapters/ or backmatter/ is deselected.

    (Not ``pytest_ignore_collect``: pytest asks only the conftest.py files above a path whether
    to collect it, and this one is not above chapters/.)
    """
    toc = _toc_notebooks()
    drafts = [item for item in items if item.path.suffix == ".ipynb" and item.path.resolve() not in toc]
    if drafts:
        config.hook.pytest_deselected(items=drafts)
        items[:] = [item for item in items if item not in drafts]


_TOC: set[Path] | None = None


def _toc_notebooks() -> set[Path]:
    global _TOC
    if _TOC is None:
        _TOC = {(paths.ROOT / nb).resolve() for nb in notebooks.in_toc()}
    return _TOC


# -- the browser the checks drive, in the test output ---------------------------------------------------
def pytest_report_header(config):
    """Which Chromium the browser checks drive (scripts/_env.sh resolves it), and its version."""
    chromium = os.environ.get("PAKBOOK_CHROMIUM")
    if not chromium:
        return None
    try:
        version = subprocess.run([chromium, "--version"], capture_output=True, text=True, timeout=30).stdout.strip()
    except (OSError, subprocess.SubprocessError) as exc:
        version = f"does not run: {exc}"
    return f"browser (PAKBOOK_CHROMIUM): {chromium}: {version}"


# -- the built site -------------------------------------------------------------------------------------
def built_pages() -> list[str]:
    """Every page of the built site, or [NOT_BUILT]; lists files only (nothing is read or asserted)."""
    from bookbuild.checks import site

    if not (paths.HTML / "index.html").is_file():
        return [NOT_BUILT]
    return site.Site(paths.HTML).pages()


def pytest_generate_tests(metafunc):
    if "built_page" in metafunc.fixturenames:
        metafunc.parametrize("built_page", built_pages(), ids=str)


@pytest.fixture(scope="session")
def built_site():
    """The built site, parsed once for every check of the session."""
    from bookbuild.checks import site

    assert (paths.HTML / "index.html").is_file(), "build the book first: scripts/build.sh"
    return site.Site(paths.HTML)


# -- the book's three maps, drawn once as chapter 1 draws them --------------------------------------------
#: What the maps are drawn with besides the data (distinct values, so the tests can find them on the maps).
MAP_ARGS = {
    # as long as the longest method note of chapter 1, so that the wrapping of the source line is tested too
    "method": (
        "test method: sea route on the searoute 1.6 sea-lane network; land route along the CPEC alignments as "
        "reported by Pakistan's National Highway Authority and Ministry of Planning, passing unlocated towns."
    ),
    "hormuz_km": 1234.4,
    "sea_label": "SEA LABEL",
    "land_label": "LAND LABEL",
}


@pytest.fixture(scope="session")
def map_inputs() -> dict:
    from pakbook.data import geography

    return {"places": geography.places(), "b50": geography.basemap("50m"), "b10": geography.basemap("10m"), **MAP_ARGS}


@pytest.fixture(scope="session")
def book_maps(map_inputs):
    """name -> figure of the regional, Gulf and two-routes maps (tests must not change them)."""
    import matplotlib

    matplotlib.use("Agg")  # off-screen
    import matplotlib.pyplot as plt

    from pakbook import geo
    from pakbook.figures.maps import book

    places = map_inputs["places"]
    sea = geo.sea_route(geo.lonlat(places.loc["shanghai"]), geo.lonlat(places.loc["gwadar"]))
    land = places.loc[["kashgar", "gwadar"], ["lon", "lat", "source_id"]]
    figs = {
        "regional": book.regional_map(map_inputs["b50"], places),
        "gulf": book.gulf_map(map_inputs["b10"], places, hormuz_km=map_inputs["hormuz_km"]),
        "two routes": book.two_routes_map(
            map_inputs["b50"],
            places,
            sea_route=sea,
            land_route=land,
            sea_label=map_inputs["sea_label"],
            land_label=map_inputs["land_label"],
            method=map_inputs["method"],
        ),
    }
    yield figs
    for fig in figs.values():
        plt.close(fig)


# -- data ---------------------------------------------------------------------------------------------------
@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return Catalog()


@pytest.fixture
def scratch_data(tmp_path):
    """A throw-away data folder with a catalogue, for feeding loaders deliberately broken files.

    ``make(dataset, relpath, content, sources=...)`` writes the file and a catalogue that
    records it with its true checksum (unless ``checksum`` is given), and returns a Catalog.
    """

    def make(
        dataset: str, relpath: str, content: bytes | str, *, checksum: str | None = None, sources: dict | None = None
    ) -> Catalog:
        root = tmp_path / "data"
        target = root / relpath
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        book = Catalog()
        srcs = sources if sources is not None else book.sources
        import yaml

        record = {
            "path": relpath,
            "dataset": dataset,
            "kind": "raw",
            "title": "test file",
            "producer": "tests",
            "citation": "tests",
            "url": "https://example.org",
            "accessed": "2026-11-29",
            "licence": "none",
            "units": "none",
            "coverage": "none",
            "derivation": "written by the test",
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
