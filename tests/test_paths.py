from pathlib import Path

import pytest

from pakbook import paths


def test_root_holds_the_book_configuration():
    assert (paths.ROOT / "_config.yml").is_file()
    assert (paths.ROOT / "_toc.yml").is_file()
    assert paths.CATALOG == paths.ROOT / "data" / "catalog.yml"


def test_root_is_found_from_a_subfolder():
    assert paths.find_root(paths.CHAPTERS / "01_crossroads.ipynb") == paths.ROOT


def test_root_search_fails_outside_the_book(tmp_path):
    with pytest.raises(FileNotFoundError):
        paths.find_root(tmp_path)


def test_rel_gives_repository_relative_posix_paths():
    assert paths.rel(paths.DATA / "raw" / "x.csv") == "data/raw/x.csv"
    assert paths.rel(Path("/elsewhere/y.csv")) == "/elsewhere/y.csv"
