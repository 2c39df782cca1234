"""The data catalogue: one provenance record per file in ``data/``.

``data/catalog.yml`` has two sections:

``sources``
    the producers that rows of the data cite by ``source_id`` (producer, title,
    URL, licence, date accessed);
``files``
    one record per file: title, producer, citation, URL, date accessed, licence,
    units, coverage, how it was derived, the dataset (loader) that reads it and
    its sha256.

Run ``python -m pakbook.data.catalog --check`` to compare the catalogue with the files,
``python -m pakbook.data.catalog --update`` to rewrite the checksums after a deliberate
change to a data file.
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

from .. import paths
from ..errors import DataError

#: Fields every file record must fill in (non-empty).
FILE_FIELDS = (
    "path",
    "dataset",
    "kind",
    "title",
    "producer",
    "citation",
    "url",
    "accessed",
    "licence",
    "units",
    "coverage",
    "derivation",
    "sha256",
)
SOURCE_FIELDS = ("producer", "title", "url", "licence", "accessed")
KINDS = ("raw", "derived")
#: Files in data/ that are not data and carry no record.
NOT_DATA = ("catalog.yml", "README.md")


#: Words that say how a figure was looked up rather than what copy it was read in (issue 16): the names of
#: the look-up tools and of the research rounds. tests/test_provenance_words.py keeps them out of data/
#: and out of the built site; the catalogue's header says what to write instead.
LOOKUP_WORDS = (
    (r"search[ -]tool", "a look-up tool"),
    (r"search[ -]index", "a look-up tool's index"),
    (r"\b(?:find_string|read_file|find_repos|find_files)\b", "a look-up tool"),
    (r"\bfetch\b", "a look-up tool ('fetch')"),
    (r"\bresearch pass(?:es)?\b", "a research round by its working name"),
    (r"\bcorp(?:us|ora)\b", "a look-up corpus"),
    (r"\bstored (?:cop(?:y|ies)|sources?|excerpts?|results?|texts?|pages?|reports?)\b", "the look-up's stored copies"),
)
_LOOKUP = [(re.compile(p, re.IGNORECASE), what) for p, what in LOOKUP_WORDS]


def lookup_words(text: str) -> list[str]:
    """Each word of :data:`LOOKUP_WORDS` found in ``text``: what it is and the text around it."""
    return [
        f"{what}: ...{text[max(0, m.start() - 40) : m.end() + 40]}..."
        for pattern, what in _LOOKUP
        for m in pattern.finditer(text)
    ]


_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@functools.lru_cache(maxsize=8)
def _parse_cached(text: str) -> dict:
    return yaml.load(text, Loader=_Loader) or {}


def parse_text(text: str) -> dict:
    """The parsed YAML of a catalogue's text, cached by content (every loader reads the catalogue); a fresh copy each time.

    Raises ``yaml.YAMLError`` for text that is not YAML.
    """
    return _copy(_parse_cached(text))


def _copy(value):
    """A copy of parsed YAML (dicts, lists and scalars): what ``copy.deepcopy`` gives, several times faster."""
    if isinstance(value, dict):
        return {k: _copy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_copy(v) for v in value]
    return value  # str, int, float, bool, None, date: immutable


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 16), b""):
            h.update(block)
    return h.hexdigest()


@dataclass(frozen=True)
class FileRecord:
    path: str
    dataset: str
    kind: str
    title: str
    producer: str
    citation: str
    url: str
    accessed: str
    licence: str
    units: str
    coverage: str
    derivation: str
    sha256: str

    @property
    def name(self) -> str:
        return Path(self.path).name


class Catalog:
    """The parsed catalogue of one data folder (the book's own by default)."""

    def __init__(self, path: Path | None = None, *, allow_missing_checksums: bool = False):
        self.path = Path(path or paths.CATALOG)
        self._lenient = allow_missing_checksums
        self.root = self.path.parent
        try:
            raw = parse_text(self.path.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError) as exc:
            raise DataError(paths.rel(self.path), None, None, "a readable YAML catalogue", str(exc)) from exc
        self.sources: dict[str, dict] = raw.get("sources") or {}
        self.files: list[FileRecord] = []
        for i, rec in enumerate(raw.get("files") or []):
            self.files.append(self._record(i, rec))
        for sid, src in self.sources.items():
            missing = [f for f in SOURCE_FIELDS if not str(src.get(f, "") or "").strip()]
            if missing:
                raise DataError(
                    paths.rel(self.path),
                    None,
                    f"sources.{sid}",
                    f"fields {', '.join(SOURCE_FIELDS)}",
                    f"missing {', '.join(missing)}",
                )

    def _record(self, i: int, rec: dict) -> FileRecord:
        where = paths.rel(self.path)
        missing = [f for f in FILE_FIELDS if not str(rec.get(f, "") or "").strip()]
        if self._lenient and missing == ["sha256"]:
            rec, missing = {**rec, "sha256": "pending"}, []
        if missing:
            raise DataError(
                where, None, f"files[{i}]", f"fields {', '.join(FILE_FIELDS)}", f"missing {', '.join(missing)}"
            )
        if rec["kind"] not in KINDS:
            raise DataError(where, None, f"files[{i}].kind", f"one of {KINDS}", rec["kind"])
        return FileRecord(**{f: str(rec[f]) for f in FILE_FIELDS})

    # -- look-ups ---------------------------------------------------------------------------
    def file_path(self, record: FileRecord) -> Path:
        return self.root / record.path

    def for_dataset(self, dataset: str) -> list[FileRecord]:
        return [r for r in self.files if r.dataset == dataset]

    def record(self, dataset: str) -> FileRecord:
        recs = self.for_dataset(dataset)
        if len(recs) != 1:
            raise KeyError(
                f"dataset {dataset!r} has {len(recs)} catalogue records in {paths.rel(self.path)}; expected 1"
            )
        return recs[0]

    def verify(self, record: FileRecord) -> Path:
        """Return the file's path after checking it exists and matches its checksum."""
        path = self.file_path(record)
        if not path.is_file():
            raise DataError(record.path, None, None, "the file named in the catalogue", "no such file")
        actual = sha256(path)
        if actual != record.sha256:
            raise DataError(
                record.path,
                None,
                None,
                f"sha256 {record.sha256[:12]}… as recorded in the catalogue",
                f"checksum mismatch: the file has sha256 {actual[:12]}…",
            )
        return path

    # -- the whole folder ---------------------------------------------------------------------
    def data_files(self) -> list[str]:
        """Every file under the data folder that should have a record (relative, posix)."""
        out = []
        for p in sorted(self.root.rglob("*")):
            if p.is_file() and p.name not in NOT_DATA and not p.name.startswith("."):
                out.append(p.relative_to(self.root).as_posix())
        return out

    def problems(self) -> list[str]:
        """Disagreements between catalogue and folder, in both directions, and checksum errors."""
        recorded = [r.path for r in self.files]
        out = []
        dupes = sorted({p for p in recorded if recorded.count(p) > 1})
        out += [f"{p}: more than one catalogue record" for p in dupes]
        on_disk = set(self.data_files())
        out += [f"{p}: file in data/ without a catalogue record" for p in sorted(on_disk - set(recorded))]
        for rec in self.files:
            try:
                self.verify(rec)
            except DataError as exc:
                out.append(str(exc))
        return out

    def update_checksums(self) -> list[str]:
        """Rewrite the ``sha256:`` line of every record whose file changed; return the paths updated.

        Works on the text, so comments and layout of the catalogue survive; the file is written only if a line changed.
        """
        by_path = {r.path: r for r in self.files}
        lines = self.path.read_text(encoding="utf-8").splitlines(keepends=True)
        changed, current = [], None
        for i, line in enumerate(lines):
            stripped = line.strip()
            if stripped.startswith("- path:") or stripped.startswith("path:"):
                current = stripped.split(":", 1)[1].strip().strip("'\"")
            elif stripped.startswith("sha256:") and current in by_path:
                path = self.file_path(by_path[current])
                if path.is_file():
                    new = sha256(path)
                    if new != by_path[current].sha256:
                        indent = line[: len(line) - len(line.lstrip())]
                        lines[i] = f"{indent}sha256: {new}\n"
                        changed.append(current)
                current = None
        if changed:
            self.path.write_text("".join(lines), encoding="utf-8")
        return changed


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    group = ap.add_mutually_exclusive_group(required=True)
    group.add_argument("--check", action="store_true", help="report disagreements between catalogue and files")
    group.add_argument("--update", action="store_true", help="rewrite changed checksums")
    group.add_argument("--sha256", metavar="FILE", help="print the sha256 of FILE")
    args = ap.parse_args(argv)
    if args.sha256:
        print(sha256(Path(args.sha256)))
        return 0
    if args.update:
        for p in Catalog(allow_missing_checksums=True).update_checksums():
            print(f"updated {p}")
    cat = Catalog()
    problems = cat.problems()
    for p in problems:
        print(p, file=sys.stderr)
    print(f"{len(cat.files)} records, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
