"""The catalogue and the data folder agree in both directions, and every checksum matches."""

from __future__ import annotations

import pytest

from pakbook import data
from pakbook.catalog import Catalog, sha256


def test_catalogue_and_files_agree(catalog):
    assert catalog.problems() == []


def test_every_record_names_a_known_dataset(catalog):
    assert {r.dataset for r in catalog.files} <= set(data.SCHEMAS)


def test_every_dataset_has_a_file(catalog):
    assert set(data.SCHEMAS) <= {r.dataset for r in catalog.files}


def test_raw_and_derived_are_kept_apart(catalog):
    for r in catalog.files:
        assert r.path.startswith(f"{r.kind}/"), f"{r.path} is {r.kind} but stored elsewhere"


def test_derived_files_name_the_script_that_makes_them(catalog):
    for r in catalog.files:
        if r.kind == "derived":
            assert "scripts/" in r.derivation, r.path


def test_file_without_record_is_reported(data_copy):
    (data_copy / "raw" / "stray.csv").write_text("a\n1\n")
    problems = Catalog(data_copy / "catalog.yml").problems()
    assert problems == ["raw/stray.csv: file in data/ without a catalogue record"]


def test_record_without_file_is_reported(data_copy):
    (data_copy / "raw" / "key_facts" / "key_facts.csv").unlink()
    problems = Catalog(data_copy / "catalog.yml").problems()
    assert problems == ["raw/key_facts/key_facts.csv: expected the file named in the catalogue; found no such file"]


def test_changed_file_fails_its_checksum(data_copy):
    f = data_copy / "raw" / "key_facts" / "key_facts.csv"
    f.write_text(f.read_text().replace("1046", "1064"))
    problems = Catalog(data_copy / "catalog.yml").problems()
    assert len(problems) == 1 and "checksum mismatch" in problems[0] and "key_facts.csv" in problems[0]


def test_update_rewrites_only_changed_checksums(data_copy):
    f = data_copy / "raw" / "key_facts" / "key_facts.csv"
    f.write_text(f.read_text() + "")  # unchanged content
    cat = Catalog(data_copy / "catalog.yml")
    assert cat.update_checksums() == []
    f.write_text(f.read_text().replace("1046", "1064"))
    assert Catalog(data_copy / "catalog.yml").update_checksums() == ["raw/key_facts/key_facts.csv"]
    again = Catalog(data_copy / "catalog.yml")
    assert again.problems() == []
    assert again.record("key_facts").sha256 == sha256(f)


@pytest.mark.parametrize("field", ["licence", "url", "accessed"])
def test_record_missing_a_provenance_field_is_refused(data_copy, field):
    text = (data_copy / "catalog.yml").read_text()
    lines = text.splitlines()
    first = next(i for i, l in enumerate(lines) if l.strip().startswith(f"{field}:") and l.startswith("    ") and i > text[: text.index("files:")].count("\n"))
    lines[first] = lines[first].split(":")[0] + ": "
    (data_copy / "catalog.yml").write_text("\n".join(lines) + "\n")
    with pytest.raises(Exception, match=f"missing {field}"):
        Catalog(data_copy / "catalog.yml")
