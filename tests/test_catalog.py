"""The catalogue and the data folder agree in both directions, and every checksum matches."""

from __future__ import annotations

import os
import re

import pytest

from pakbook import data, paths
from pakbook.data import validate
from pakbook.data.catalog import Catalog, parse_text, sha256
from pakbook.data.derivation import write_or_check
from pakbook.pages import data_sources


def test_catalogue_and_files_agree(catalog):
    assert catalog.problems() == []


def test_every_record_names_a_known_dataset(catalog):
    assert {r.dataset for r in catalog.files} <= set(data.schemas())


def test_every_dataset_has_a_file(catalog):
    assert set(data.schemas()) <= {r.dataset for r in catalog.files}


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
    yml = data_copy / "catalog.yml"
    os.utime(yml, ns=(10**18, 10**18))
    cat = Catalog(yml)
    assert cat.update_checksums() == []
    assert yml.stat().st_mtime_ns == 10**18, "the catalogue was rewritten although nothing changed"
    f.write_text(f.read_text().replace("1046", "1064"))
    assert Catalog(data_copy / "catalog.yml").update_checksums() == ["raw/key_facts/key_facts.csv"]
    again = Catalog(data_copy / "catalog.yml")
    assert again.problems() == []
    assert again.record("key_facts").sha256 == sha256(f)


@pytest.mark.parametrize("field", ["licence", "url", "accessed"])
def test_record_missing_a_provenance_field_is_refused(data_copy, field):
    text = (data_copy / "catalog.yml").read_text()
    lines = text.splitlines()
    first = next(
        i
        for i, l in enumerate(lines)
        if l.strip().startswith(f"{field}:") and l.startswith("    ") and i > text[: text.index("files:")].count("\n")
    )
    lines[first] = lines[first].split(":")[0] + ": "
    (data_copy / "catalog.yml").write_text("\n".join(lines) + "\n")
    with pytest.raises(Exception, match=f"missing {field}"):
        Catalog(data_copy / "catalog.yml")


def test_parse_text_is_cached_but_never_shared():
    text = "sources:\n  A: {producer: p}\nfiles: []\n"
    first = parse_text(text)
    first["sources"]["A"]["producer"] = "changed"
    assert parse_text(text) == {"sources": {"A": {"producer": "p"}}, "files": []}


def test_write_or_check_writes_compares_and_never_creates_under_check(tmp_path, capsys):
    target = tmp_path / "new" / "file.csv"
    assert write_or_check(target, "a\n", check=True) is False
    assert not target.parent.exists()
    assert write_or_check(target, "a\n", check=False) is False and target.read_text() == "a\n"
    assert write_or_check(target, "a\n", check=True) is True
    assert write_or_check(target, "b\n", check=True) is False and target.read_text() == "a\n"
    assert [line.split()[0] for line in capsys.readouterr().out.splitlines()] == ["DIFFERS", "wrote", "same", "DIFFERS"]


# -- issue 3: the register, the data page ------------------------------------------------------------
def _cited(schema, df) -> set[str]:
    ids = set()
    for col in getattr(schema, "source_columns", ()):
        for value in df[col].dropna():
            ids |= {s.strip() for s in str(value).split(";")}
    for col in getattr(schema, "cited_in_text", ()):
        for value in df[col].dropna():
            ids |= set(validate.cited_ids(value))
    return ids


def test_every_registered_source_is_used(catalog):
    """A source in the register is cited by some row (in a source column or in brackets in a text), or is the
    producer of a file (e.g. Natural Earth for the GeoJSON)."""
    cited = set()
    for name, schema in data.schemas().items():
        cited |= _cited(schema, data.load(name))
    producers = {r.producer for r in catalog.files}
    unused = [sid for sid, s in catalog.sources.items() if sid not in cited and s["producer"] not in producers]
    assert unused == []


def test_bracketed_citations_in_every_data_text_are_registered(catalog):
    """No '[X01]' in any text of a data file names a source missing from the register (not only the columns the schemas check)."""
    dangling = set()
    for name in data.schemas():
        df = data.load(name)
        for col in df.columns:
            if df[col].dtype == object or str(df[col].dtype) == "str":
                for value in df[col].dropna():
                    dangling |= {sid for sid in validate.cited_ids(str(value)) if sid not in catalog.sources}
    assert dangling == set()


def test_a_source_without_an_address_says_why(catalog):
    """A source's url is a web address, or a sentence saying why there is none ('not published: ...')."""
    for sid, s in catalog.sources.items():
        assert str(s["url"]).startswith(("http://", "https://", "not ")), sid


def test_catalogue_parse_is_not_shared_between_instances():
    a = Catalog()
    a.sources["BRIEF"]["producer"] = "changed"
    assert Catalog().sources["BRIEF"]["producer"] != "changed"


def test_data_page_links_every_file_to_an_existing_download(catalog):
    page = data_sources.data_page(catalog, prefix="../data/")
    links = re.findall(r"\{download\}`([^<`]+) <([^>]+)>`", page)
    assert sorted(target for _, target in links) == sorted(f"../data/{r.path}" for r in catalog.files)
    for name, target in links:
        assert (paths.ROOT / "backmatter" / target).resolve().is_file(), target
        assert target.endswith(name)
    for topic in data_sources.topics(catalog):
        assert f"**{topic}**" in page


def test_the_printed_data_appendix_is_one_row_per_dataset_and_the_records_are_online_only(catalog):
    page = data_sources.data_page(catalog)
    online, in_print = page.split("::::::{only} latex")
    assert "::::::{only} html" in online and "{download}" in online and "{download}" not in in_print
    rows = [ln for ln in in_print.splitlines() if ln.startswith("| `")]
    names = [re.match(r"\| `([^`]+)`", ln).group(1) for ln in rows]
    assert names == [n for d in data_sources.topics(catalog).values() for n in d]
    for r in catalog.files:
        assert r.path in in_print


def test_the_registry_names_each_dataset_where_its_schema_is():
    """data.DATASETS (the lazy registry) and each topic module's SCHEMAS agree both ways, and every topic has a title."""
    from_modules = {name: t for t in data.TOPIC_MODULES for name in data.topic(t).SCHEMAS}
    assert from_modules == data.DATASETS
    assert all(data.topic(t).TITLE for t in data.TOPIC_MODULES)


def test_loading_a_dataset_imports_only_its_topic():
    """So that the execution manifest records, and an edit re-executes, only the chapters that read a topic."""
    import subprocess
    import sys

    code = (
        "import sys; from pakbook import data; data.load('key_facts'); "
        "print(sorted(m for m in sys.modules if m.startswith('pakbook.data.')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert eval(out) == ["pakbook.data.catalog", "pakbook.data.common", "pakbook.data.facts", "pakbook.data.validate"]


def test_sources_list_has_one_item_per_source_online_and_a_pointer_in_print(catalog):
    page = data_sources.sources_list(catalog)
    online, in_print = page.split("::::::{only} latex")
    items = [i for i in online.splitlines() if i.startswith("- ")]
    assert f"The register's {len(catalog.sources)} entries" in in_print
    assert [re.match(r"- `([^`]+)`", i).group(1) for i in items] == list(catalog.sources)
