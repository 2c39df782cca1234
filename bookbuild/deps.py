"""What each notebook read when it was last executed, and which notebooks are stale.

``scripts/execute.sh`` runs every notebook under a small tracer installed in its kernel
before the first cell (see :func:`tracer_source`). The tracer notes every file opened
under ``data/`` and every module of the ``pakbook`` package imported. After a successful
run, the notebook's entry in the manifest (``chapters/.deps.json``, committed) records:

``source``
    the sha256 of the notebook's cells (type and source of every code and Markdown
    cell; outputs, execution counts and metadata do not count);
``inputs``
    one fingerprint per input, keyed by a path relative to the repository root:

    - ``data/...``: the sha256 of each data file the notebook opened;
    - ``data/catalog.yml#ds1,ds2``: the sha256 of the catalogue records of the datasets
      the notebook read (so a new checksum of *another* dataset's file does not touch it);
    - ``data/catalog.yml``: the sha256 of the whole catalogue, for a notebook that
      renders it (it imports a module of :data:`WHOLE_CATALOGUE_MODULES`, or it opened
      the catalogue without reading any data file through it);
    - ``pakbook/*.py``: the sha256 of each package module the notebook imported;
    - ``requirements.txt``, ``constraints.txt``: the pinned environment (an upgrade
      can change every output).

``scripts/execute.sh --changed`` re-executes exactly the notebooks of the table of
contents whose source or one of whose inputs differs from the manifest, or that have no
entry. A manifest that lags behind (a notebook run by hand, say) can only make it
re-execute more, never less.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

import yaml

from pakbook import paths
from pakbook.data import catalog

VERSION = 1
MANIFEST = paths.DEPS_MANIFEST
#: Inputs of every notebook: the pinned environment.
GLOBAL_INPUTS = ("constraints.txt", "requirements.txt")
#: Modules whose output is the catalogue itself: a notebook importing one depends on all of it.
WHOLE_CATALOGUE_MODULES = ("pakbook.pages.data_sources",)
PACKAGE = "pakbook"
CATALOG_KEY = "data/catalog.yml"
ABOUT = (
    "Written by scripts/execute.sh; do not edit. For each notebook: the sha256 of its cells' "
    "source and of every input it read when last executed (data files, the catalogue records "
    "of the datasets it read, the pakbook modules it imported, the pinned environment). "
    "scripts/execute.sh --changed re-executes the notebooks whose source or inputs differ."
)

Fingerprint = Callable[[str], "str | None"]


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _canonical(obj) -> bytes:
    return json.dumps(obj, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str).encode("utf-8")


# -- fingerprints -----------------------------------------------------------------------------------
def source_hash(nb: Mapping) -> str:
    """sha256 of a notebook's cells as written (type and source); outputs and metadata do not count."""
    cells = []
    for cell in nb.get("cells", []):
        src = cell.get("source", "")
        cells.append([cell.get("cell_type"), "".join(src) if isinstance(src, list) else src])
    return _sha(_canonical(cells))


def notebook_source_hash(path: Path) -> str | None:
    try:
        return source_hash(json.loads(Path(path).read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return None


def catalog_view_hash(catalog_text: str, datasets: Iterable[str]) -> str | None:
    """sha256 of the catalogue records (every field) of the given datasets; None if unreadable."""
    try:
        doc = catalog.parse_text(catalog_text)
    except yaml.YAMLError:
        return None
    wanted = set(datasets)
    files = doc.get("files") if isinstance(doc, dict) else None
    records = [r for r in files or [] if isinstance(r, dict) and r.get("dataset") in wanted]
    records.sort(key=lambda r: str(r.get("path")))
    return _sha(_canonical(records))


def fingerprint(key: str, root: Path = paths.ROOT) -> str | None:
    """The current fingerprint of one input key of the manifest; None if it cannot be read."""
    name, view, datasets = key.partition("#")
    path = Path(root) / name
    try:
        data = path.read_bytes()
    except OSError:
        return None
    if view:
        return catalog_view_hash(data.decode("utf-8", "replace"), [d for d in datasets.split(",") if d])
    return _sha(data)


def cached(fp: Fingerprint) -> Fingerprint:
    memo: dict[str, str | None] = {}

    def get(key: str) -> str | None:
        if key not in memo:
            memo[key] = fp(key)
        return memo[key]

    return get


# -- from a trace to a manifest entry ------------------------------------------------------------------
def module_file(name: str, root: Path = paths.ROOT) -> Path | None:
    """The source file of a module of the package (``pakbook.data.trade`` -> ``pakbook/data/trade.py``), if any."""
    base = Path(root, *name.split("."))
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def datasets_of(catalog_text: str, data_files: Iterable[str]) -> list[str]:
    """Datasets whose catalogue records name any of the files (paths relative to ``data/``)."""
    try:
        doc = catalog.parse_text(catalog_text)
    except yaml.YAMLError:
        return []
    files = set(data_files)
    records = doc.get("files") if isinstance(doc, dict) else None
    out = {str(r.get("dataset")) for r in (records or []) if isinstance(r, dict) and r.get("path") in files}
    return sorted(out)


def entry(
    source: str, reads: Iterable[str], modules: Iterable[str], *, root: Path = paths.ROOT, data_dir: str = "data"
) -> dict:
    """The manifest entry of one execution.

    ``reads``: files opened under the data folder (relative to it, posix); ``modules``: names of
    the package's modules imported.
    """
    root = Path(root)
    reads = sorted(set(reads))
    modules = sorted(set(modules))
    catalog_name = Path(CATALOG_KEY).name
    inputs: dict[str, str | None] = {}
    for g in GLOBAL_INPUTS:
        if (root / g).is_file():
            inputs[g] = fingerprint(g, root)
    for name in modules:
        file = module_file(name, root)
        if file is not None:
            key = file.relative_to(root).as_posix()
            inputs[key] = fingerprint(key, root)
    data_files = [r for r in reads if r != catalog_name]
    for r in data_files:
        key = f"{data_dir}/{r}"
        inputs[key] = fingerprint(key, root)
    if catalog_name in reads:
        key = f"{data_dir}/{catalog_name}"
        text = (root / key).read_text(encoding="utf-8", errors="replace") if (root / key).is_file() else ""
        datasets = datasets_of(text, data_files)
        if datasets and not set(modules) & set(WHOLE_CATALOGUE_MODULES):
            key = f"{key}#{','.join(datasets)}"
        inputs[key] = fingerprint(key, root)
    return {"source": source, "inputs": dict(sorted(inputs.items()))}


# -- the decision ----------------------------------------------------------------------------------------
def stale(
    manifest: Mapping, notebooks: Iterable[str], *, source_of: Callable[[str], str | None], fingerprint_of: Fingerprint
) -> dict[str, list[str]]:
    """Notebooks to re-execute, each with the reasons, in the order given.

    A notebook is stale when it has no entry, when its source hash differs, or when any recorded
    input's current fingerprint differs from the recorded one (a vanished input counts).
    """
    entries = manifest.get("notebooks", {}) if manifest else {}
    out: dict[str, list[str]] = {}
    for nb in notebooks:
        e = entries.get(nb)
        if not e:
            out[nb] = ["not in the manifest (never executed by scripts/execute.sh)"]
            continue
        reasons = []
        if source_of(nb) != e.get("source"):
            reasons.append("its cells changed")
        for key, recorded in sorted((e.get("inputs") or {}).items()):
            now = fingerprint_of(key)
            if now is None:
                reasons.append(f"{key} is gone or unreadable")
            elif now != recorded:
                reasons.append(f"{key} changed")
        if reasons:
            out[nb] = reasons
    return out


def stale_in(root: Path, manifest: Mapping, notebooks: Iterable[str]) -> dict[str, list[str]]:
    """:func:`stale` against the files under ``root``."""
    root = Path(root)
    return stale(
        manifest,
        notebooks,
        source_of=lambda nb: notebook_source_hash(root / nb),
        fingerprint_of=cached(lambda key: fingerprint(key, root)),
    )


# -- the manifest file ---------------------------------------------------------------------------------
def empty() -> dict:
    return {"about": ABOUT, "version": VERSION, "notebooks": {}}


def load(path: Path = MANIFEST) -> dict:
    """The manifest, or an empty one if the file is missing or of another version."""
    try:
        doc = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return empty()
    if not isinstance(doc, dict) or doc.get("version") != VERSION or not isinstance(doc.get("notebooks"), dict):
        return empty()
    return doc


def dumps(manifest: Mapping) -> str:
    """Deterministic text: sorted keys, two-space indent, a final newline."""
    doc = {"about": ABOUT, "version": VERSION, "notebooks": dict(sorted(manifest.get("notebooks", {}).items()))}
    return json.dumps(doc, sort_keys=True, indent=2, ensure_ascii=False) + "\n"


def save(manifest: Mapping, path: Path = MANIFEST) -> bool:
    """Write the manifest if its text changed; return whether it did."""
    text = dumps(manifest)
    path = Path(path)
    if path.is_file() and path.read_text(encoding="utf-8") == text:
        return False
    path.write_text(text, encoding="utf-8")
    return True


# -- the tracer, run in the kernel before the first cell ----------------------------------------------------
_TRACER = r"""
def _pakbook_trace(log_path, data_root, package):
    import os
    import sys

    log = open(log_path, "a", encoding="utf-8")
    seen = set()
    busy = []
    roots = sorted({os.path.normpath(data_root), os.path.realpath(data_root)})

    def note(kind, value):
        if (kind, value) not in seen:
            seen.add((kind, value))
            log.write(kind + "\t" + value + "\n")
            log.flush()

    def hook(event, args):
        if event != "open" or busy or not args:
            return
        busy.append(1)
        try:
            target = args[0]
            if isinstance(target, (str, bytes, os.PathLike)):
                p = os.path.normpath(os.path.join(os.getcwd(), os.fsdecode(target)))
                for r in roots:
                    if p.startswith(r + os.sep):
                        note("read", os.path.relpath(p, r).replace(os.sep, "/"))
                        break
        except Exception:
            pass
        finally:
            busy.clear()

    class Finder:
        @classmethod
        def find_spec(cls, name, path=None, target=None):
            if name == package or name.startswith(package + "."):
                note("module", name)
            return None

    sys.meta_path.insert(0, Finder)
    sys.addaudithook(hook)
    note("tracer", "installed")
"""


def tracer_source(log_path: Path, data_root: Path = paths.DATA, package: str = PACKAGE) -> str:
    """Python source that installs the tracer in a kernel, writing to ``log_path``.

    It defines nothing in the notebook's namespace, prints nothing and takes no execution count.
    The three values are passed as one JSON list, which is also a Python literal, so no value
    can be mistaken for a part of the code.
    """
    args = json.dumps([str(log_path), str(data_root), package])
    return f"{_TRACER}\n\n_pakbook_trace(*{args})\ndel _pakbook_trace\n"


def read_trace(log_path: Path) -> tuple[list[str], list[str]]:
    """(data files read, modules imported) from a tracer's log; RuntimeError if the tracer never ran."""
    reads, modules, installed = set(), set(), False
    try:
        lines = Path(log_path).read_text(encoding="utf-8").splitlines()
    except OSError:
        lines = []
    for line in lines:
        kind, _, value = line.partition("\t")
        if kind == "read":
            reads.add(value)
        elif kind == "module":
            modules.add(value)
        elif kind == "tracer":
            installed = True
    if not installed:
        raise RuntimeError(f"the dependency tracer did not run in the kernel (no record in {log_path})")
    return sorted(reads), sorted(modules)
