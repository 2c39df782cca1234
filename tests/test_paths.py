from pathlib import Path

import pytest

from pakbook import paths


def test_root_holds_the_book_configuration():
    assert (paths.ROOT / "_config.yml").is_file()
    assert paths.TOC.is_file()


def test_the_committed_files_it_names_exist():
    """A file moved without telling paths.py fails here, not in whichever check reads it first."""
    for path in (paths.CATALOG, paths.TOC, paths.DEPS_MANIFEST, paths.CI_RUN, paths.WORKFLOW):
        assert path.is_file(), f"{paths.rel(path)} is missing"
    for folder in (paths.RAW, paths.DERIVED, paths.CHAPTERS):
        assert folder.is_dir(), f"{paths.rel(folder)} is missing"


def test_root_is_found_from_a_subfolder():
    assert paths.find_root(paths.CHAPTERS / "01_crossroads.ipynb") == paths.ROOT


def test_root_search_fails_outside_the_book(tmp_path):
    with pytest.raises(FileNotFoundError):
        paths.find_root(tmp_path)


def test_rel_gives_repository_relative_posix_paths():
    assert paths.rel(paths.DATA / "raw" / "x.csv") == "data/raw/x.csv"
    assert paths.rel(Path("/elsewhere/y.csv")) == "/elsewhere/y.csv"
