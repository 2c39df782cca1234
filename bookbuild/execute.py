"""The book's notebooks: which they are (``_toc.yml``) and how they are executed.

``python -m bookbuild.execute`` is ``scripts/execute.sh``: it re-executes notebooks in place,
deterministically, and records what each one read (see :mod:`bookbuild.deps`), so that
``--changed`` can later re-execute exactly the notebooks whose inputs changed.
"""

from __future__ import annotations

import argparse
import base64
import json
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import NamedTuple

import yaml

from pakbook import paths


def toc_files() -> list[str]:
    """Every file named in the table of contents (without extension), in reading order."""
    toc = yaml.safe_load(paths.TOC.read_text(encoding="utf-8"))
    out = [toc["root"]]

    def walk(entries):
        for e in entries or []:
            if "file" in e:
                out.append(e["file"])
            walk(e.get("sections"))
            walk(e.get("chapters"))

    for part in toc.get("parts", []):
        walk(part.get("chapters"))
    walk(toc.get("chapters"))
    return out


def in_toc() -> list[Path]:
    """The notebooks (``.ipynb``) of the table of contents, relative to the repository root."""
    return [Path(f + ".ipynb") for f in toc_files() if (paths.ROOT / (f + ".ipynb")).is_file()]


class Image(NamedTuple):
    """A PNG in a notebook's outputs: the index of its cell, its bytes, and whether it is glued."""

    cell: int
    png: bytes
    #: stored by ``glue`` (``application/papermill.record/image/png``) to be shown where it is glued
    glued: bool


def images(nb: Mapping) -> list[Image]:
    """Every PNG a reader can see from a notebook's outputs, in order: displayed ones and glued ones."""
    out = []
    for i, cell in enumerate(nb.get("cells", [])):
        for output in cell.get("outputs", []):
            for key, value in output.get("data", {}).items():
                if key == "image/png" or key.endswith("/image/png"):
                    data = "".join(value) if isinstance(value, list) else value
                    out.append(Image(i, base64.b64decode(data), key != "image/png"))
    return out


# -- execution -----------------------------------------------------------------------------------------
def normalise(body: str) -> str:
    """A notebook's text with machine-specific metadata made portable.

    The kernel writes its interpreter's full version (``metadata.language_info.version``,
    e.g. ``3.11.7``); it is cut to ``major.minor``, so that executing on another 3.11.x
    (Debian's 3.11.2, GitHub's latest 3.11) gives the same bytes. nbval compares outputs,
    not metadata, so nothing is lost. Written as nbconvert writes (``nbformat.writes``
    and a final newline).
    """
    import nbformat

    nb = nbformat.reads(body, as_version=nbformat.NO_CONVERT)
    info = nb.get("metadata", {}).get("language_info", {})
    version = str(info.get("version", ""))
    short = ".".join(version.split(".")[:2])
    if not version or short == version:
        return body
    info["version"] = short
    text = nbformat.writes(nb)
    return text if text.endswith("\n") else text + "\n"


def execute(notebook: Path, *, timeout: int = 300, write: bool = True) -> tuple[bool, dict]:
    """Execute a notebook in place, as ``jupyter nbconvert --execute --inplace`` does, under the tracer.

    No timing metadata is written and the interpreter's version is kept to ``major.minor``
    (:func:`normalise`), so an unchanged notebook re-executes to identical bytes on any 3.11.x; the
    file is rewritten only if its bytes change. Returns (whether the file changed, its manifest
    entry, see :mod:`bookbuild.deps`). Raises ``nbclient.exceptions.CellExecutionError`` on a
    failing cell, leaving the file as it was.
    """
    from nbconvert.exporters import NotebookExporter
    from traitlets.config import Config

    from . import deps

    notebook = Path(notebook).resolve()
    before = notebook.read_bytes()
    with tempfile.TemporaryDirectory(prefix="pakbook-trace-") as tmp:
        log, tracer = Path(tmp) / "trace.log", Path(tmp) / "tracer.py"
        tracer.write_text(deps.tracer_source(log), encoding="utf-8")
        c = Config()
        c.ExecutePreprocessor.enabled = True
        c.ExecutePreprocessor.record_timing = False
        c.ExecutePreprocessor.timeout = timeout
        c.ExecutePreprocessor.extra_arguments = [f"--IPKernelApp.exec_files={tracer}"]
        body, _ = NotebookExporter(config=c).from_filename(str(notebook))
        reads, modules = deps.read_trace(log)
    body = normalise(body)
    after = body.encode("utf-8")
    changed = after != before
    if write and changed:
        notebook.write_bytes(after)
    source = deps.source_hash(json.loads(body))
    return changed, deps.entry(source, reads, modules)


def main(argv: list[str] | None = None) -> int:
    """``scripts/execute.sh``: re-execute notebooks in place and record what each read."""
    from . import deps

    ap = argparse.ArgumentParser(
        prog="scripts/execute.sh",
        description="Re-execute notebooks in place (deterministically) and record their inputs in "
        f"{paths.rel(deps.MANIFEST)}. With no notebook: every notebook of the table of contents.",
    )
    ap.add_argument("notebooks", nargs="*", type=Path, help="notebooks to execute")
    ap.add_argument(
        "--changed",
        action="store_true",
        help="only the notebooks whose cells or inputs (data, catalogue records, pakbook "
        "modules, pinned environment) changed since they were last executed",
    )
    ap.add_argument("--dry-run", action="store_true", help="with --changed: list them and why, execute nothing")
    args = ap.parse_args(argv)
    if args.dry_run and not args.changed:
        ap.error("--dry-run goes with --changed")
    if args.changed and args.notebooks:
        ap.error("--changed takes no notebooks: it decides which to execute")

    toc = [p.as_posix() for p in in_toc()]
    manifest = deps.load()
    if args.changed:
        reasons = deps.stale_in(paths.ROOT, manifest, toc)
        for nb, why in reasons.items():
            print(f"{nb}: {'; '.join(why)}", file=sys.stderr)
        if not reasons:
            print("every notebook is up to date with its data, code and cells", file=sys.stderr)
        if args.dry_run:
            return 0
        targets = list(reasons)
    elif args.notebooks:
        missing = [str(p) for p in args.notebooks if not p.is_file()]
        if missing:
            ap.error(f"no such notebook: {', '.join(missing)} (paths are relative to the repository root)")
        targets = [paths.rel(p) for p in args.notebooks]
    else:
        targets = toc
        manifest["notebooks"] = {k: v for k, v in manifest["notebooks"].items() if k in toc}

    from nbclient.exceptions import CellExecutionError

    failed = []
    for nb in targets:
        print(f"executing {nb}", file=sys.stderr)
        try:
            changed, entry = execute(paths.ROOT / nb)
        except CellExecutionError as exc:
            print(f"  FAILED, left as it was (and still stale):\n{exc}", file=sys.stderr)
            failed.append(nb)
        else:
            print(
                f"  {'outputs changed' if changed else 'identical bytes'}; {len(entry['inputs'])} inputs recorded",
                file=sys.stderr,
            )
            if nb in toc:
                manifest["notebooks"][nb] = entry
        deps.save(manifest)  # after every notebook, so an interrupted run keeps what it did
    if failed:
        print(f"failed: {' '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
