#!/usr/bin/env python3
"""Measure the book's build on this machine and compare with its budgets.

    scripts/benchmark.sh            # everything; about 3 minutes on 2 cores
    scripts/benchmark.sh --enforce  # exit 1 if any row misses its budget
    scripts/benchmark.sh --only notebooks,html

(scripts/benchmark.sh sets up the environment as scripts/build.sh does, then runs this file.)

Measured (wall time, best of several runs where noted, so one slow run does not decide):

- clean execution of every notebook of the book, in a fresh kernel, against a notebook that
  only imports the stack (pandas, geopandas, matplotlib, ... and the pakbook modules the
  notebooks import), executed the same way: each notebook at most 2.5 times the import-only one;
- the HTML build from committed outputs (clean and strict, with the PDF's SOURCE_DATE_EPOCH,
  as scripts/build.sh does): < 20 s;
- the PDF build: < 60 s;
- the test run, scripts/test.sh: < 90 s;
- the size of each HTML page of the table of contents with the images it shows: <= 1.5 MB;
- the size of the PDF: < 15 MB.

The budgets are for a 2-core machine; the table states this machine's core count. Builds go
into temporary folders (--path-output): _build/ is not touched, nor are the notebooks. The
table is printed; the numbers are written as JSON to test-output/benchmark.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

# Run by scripts/benchmark.sh, which puts the book's environment first on PATH and exports
# PAKBOOK_STRICT and SOURCE_DATE_EPOCH (scripts/_env.sh) as for scripts/build.sh.
if "PAKBOOK_STRICT" not in os.environ:
    sys.exit("run scripts/benchmark.sh (it sets up the environment this script runs in)")

import nbformat  # noqa: E402
from nbclient import NotebookClient  # noqa: E402

from bookbuild import deps  # noqa: E402
from bookbuild import execute as notebooks  # noqa: E402
from bookbuild.checks import site  # noqa: E402
from pakbook import paths  # noqa: E402

ROOT = paths.ROOT
MB = 1_000_000
BUDGET = {
    "ratio": 2.5,  # a notebook's execution time over the import-only notebook's
    "html_s": 20.0,
    "pdf_s": 60.0,
    "tests_s": 90.0,
    "page_mb": 1.5,
    "pdf_mb": 15.0,
}
#: The stack every chapter stands on, imported by the import-only notebook.
STACK = [
    "numpy",
    "pandas",
    "geopandas",
    "shapely",
    "pyproj",
    "pyogrio",
    "matplotlib",
    "matplotlib.pyplot",
    "searoute",
    "yaml",
    "myst_nb",
    "IPython.display",
]
STRICT = os.environ["PAKBOOK_STRICT"].split()
PARTS = ("notebooks", "html", "pdf", "tests")


@dataclass
class Row:
    name: str
    kind: str  # baseline | notebook | html | pdf | tests | page | pdf_size
    value: float | None  # seconds, ratio or megabytes
    unit: str
    budget: str = ""
    ok: bool | None = None  # None: no budget (or not measured)
    detail: str = ""
    samples: list[float] = field(default_factory=list)

    def result(self) -> str:
        return "-" if self.ok is None and not self.budget else ("pass" if self.ok else "FAIL")


# -- environment ----------------------------------------------------------------------------------------------
def machine() -> dict:
    cpu = ""
    try:
        cpu = next(
            (
                line.split(":", 1)[1].strip()
                for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")
            ),
            "",
        )
    except OSError:
        pass
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return {
        "cores": usable,
        "cpu_count": os.cpu_count(),
        "cpu": cpu,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "load_average": list(os.getloadavg()),
    }


# -- notebooks --------------------------------------------------------------------------------------------------
def import_only_notebook() -> nbformat.NotebookNode:
    """One code cell importing the stack and every pakbook module the book's notebooks import."""
    manifest = deps.load()
    modules = set()
    for entry in manifest["notebooks"].values():
        for key in entry["inputs"]:
            if key.startswith("pakbook/") and key.endswith(".py"):
                name = key[:-3].replace("/", ".").removesuffix(".__init__")
                modules.add(name)
    if not modules:  # no manifest yet: every module but the tooling ones
        modules = {
            "pakbook." + ".".join(p.relative_to(ROOT / "pakbook").with_suffix("").parts).removesuffix(".__init__")
            for p in (ROOT / "pakbook").rglob("*.py")
        } | {"pakbook"}
    imports = "\n".join(f"import {m}" for m in [*STACK, *sorted(modules)])
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(imports)]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    return nb


def time_notebook(nb: nbformat.NotebookNode, cwd: Path) -> float:
    """Wall time of one clean execution (kernel start to kernel shutdown); nothing is written."""
    copy = nbformat.from_dict(json.loads(json.dumps(nb)))
    client = NotebookClient(
        copy, timeout=600, kernel_name="python3", record_timing=False, resources={"metadata": {"path": str(cwd)}}
    )
    t0 = time.perf_counter()
    client.execute()
    return time.perf_counter() - t0


def _last_line(exc: Exception) -> str:
    lines = [line for line in str(exc).splitlines() if line.strip()] or [type(exc).__name__]
    return re.sub(r"\x1b\[[0-9;]*m", "", lines[-1])[:200]


def bench_notebooks(repeat: int) -> list[Row]:
    """Rounds of (import-only notebook, then every notebook of the book), best of each kept.

    Interleaving the rounds means a burst of load elsewhere on the machine slows the baseline
    and the chapters alike, instead of deciding one row.
    """
    tmp = tempfile.mkdtemp(prefix="pakbook-bench-")
    try:
        entries = [("import-only", import_only_notebook(), Path(tmp))]
        entries += [
            (nb.as_posix(), nbformat.read(ROOT / nb, as_version=4), (ROOT / nb).parent) for nb in notebooks.in_toc()
        ]
        samples: dict[str, list[float]] = {name: [] for name, _, _ in entries}
        failed: dict[str, str] = {}
        for _ in range(repeat):
            for name, doc, cwd in entries:
                if name in failed:
                    continue
                try:
                    samples[name].append(time_notebook(doc, cwd))
                except Exception as exc:  # a failing notebook is a failed row, not the end of the benchmark
                    failed[name] = _last_line(exc)
            if "import-only" in failed:
                return [
                    Row(
                        "import-only notebook",
                        "baseline",
                        None,
                        "s",
                        ok=False,
                        detail=f"execution failed, no notebook timed: {failed['import-only']}",
                    )
                ]
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    base = samples.pop("import-only")
    rows = [
        Row(
            "import-only notebook (kernel start + imports)",
            "baseline",
            min(base),
            "s",
            samples=base,
            detail="the stack and the pakbook modules the notebooks import",
        )
    ]
    for name, s in samples.items():
        if name in failed:
            rows.append(
                Row(
                    name,
                    "notebook",
                    None,
                    "x",
                    budget=f"<= {BUDGET['ratio']}x",
                    ok=False,
                    detail=f"execution failed: {failed[name]}",
                )
            )
            continue
        ratio = min(s) / min(base)
        rows.append(
            Row(
                f"{name} ({min(s):.1f} s)",
                "notebook",
                ratio,
                "x",
                budget=f"<= {BUDGET['ratio']}x",
                ok=ratio <= BUDGET["ratio"],
                samples=s,
            )
        )
    return rows


# -- builds and tests --------------------------------------------------------------------------------------------
def run(cmd: list[str], log: Path) -> tuple[float, int]:
    t0 = time.perf_counter()
    with open(log, "w", encoding="utf-8") as fh:
        code = subprocess.run(cmd, cwd=ROOT, stdout=fh, stderr=subprocess.STDOUT).returncode
    return time.perf_counter() - t0, code


def build(builder: str, out: Path, log: Path) -> tuple[float, int]:
    return run(
        [
            str(Path(sys.executable).parent / "jupyter-book"),
            "build",
            str(ROOT),
            *STRICT,
            "--builder",
            builder,
            "--path-output",
            str(out),
        ],
        log,
    )


def _tail(log: Path, n: int = 3) -> str:
    lines = [line for line in log.read_text(encoding="utf-8", errors="replace").splitlines() if line.strip()]
    return " | ".join(lines[-n:])[-300:]


def bench_html(repeat: int, keep: Path, logs: Path) -> list[Row]:
    samples, code = [], 0
    for i in range(repeat):
        out = keep if i == repeat - 1 else Path(tempfile.mkdtemp(prefix="pakbook-html-"))
        seconds, code = build("html", out, logs / f"html-{i}.log")
        samples.append(seconds)
        if out != keep:
            shutil.rmtree(out, ignore_errors=True)
        if code:
            break
    ok = code == 0 and min(samples) < BUDGET["html_s"]
    detail = "" if code == 0 else f"exit {code}: {_tail(logs / f'html-{len(samples) - 1}.log')}"
    rows = [
        Row(
            "HTML build from committed outputs (clean, strict)",
            "html",
            min(samples),
            "s",
            budget=f"< {BUDGET['html_s']:.0f} s",
            ok=ok,
            samples=samples,
            detail=detail,
        )
    ]
    html = keep / paths.HTML.relative_to(ROOT)
    if code == 0:
        rows += page_sizes(html)
    return rows


def page_sizes(html: Path) -> list[Row]:
    rows = []
    for f in notebooks.toc_files():
        page = html / f"{f}.html"
        if not page.is_file():
            rows.append(
                Row(
                    f"page {f}.html",
                    "page",
                    None,
                    "MB",
                    budget=f"<= {BUDGET['page_mb']} MB",
                    ok=False,
                    detail="not built",
                )
            )
            continue
        images = set()
        for src, _ in site.parse(page.read_text(encoding="utf-8", errors="replace")).images:
            if not site.is_followed(src):
                continue
            target = html / site.resolve(f"{f}.html", src)[0]
            if target.is_file():
                images.add(target)
        size = page.stat().st_size + sum(p.stat().st_size for p in images)
        rows.append(
            Row(
                f"page {f}.html + {len(images)} images",
                "page",
                size / MB,
                "MB",
                budget=f"<= {BUDGET['page_mb']} MB",
                ok=size / MB <= BUDGET["page_mb"],
            )
        )
    return rows


def bench_pdf(repeat: int, logs: Path) -> list[Row]:
    if not (shutil.which("xelatex") and shutil.which("latexmk")):
        return [
            Row(
                "PDF build",
                "pdf",
                None,
                "s",
                budget=f"< {BUDGET['pdf_s']:.0f} s",
                ok=False,
                detail="not measured: TeX is not installed (scripts/build.sh installs it)",
            )
        ]
    samples, code, size = [], 0, None
    for i in range(repeat):
        out = Path(tempfile.mkdtemp(prefix="pakbook-pdf-"))
        try:
            seconds, code = build("pdflatex", out, logs / f"pdf-{i}.log")
            samples.append(seconds)
            pdf = out / paths.PDF.relative_to(ROOT)
            if code == 0 and pdf.is_file():
                size = pdf.stat().st_size / MB
        finally:
            shutil.rmtree(out, ignore_errors=True)
        if code:
            break
    detail = "" if code == 0 else f"exit {code}: {_tail(logs / f'pdf-{len(samples) - 1}.log')}"
    rows = [
        Row(
            "PDF build (clean, strict)",
            "pdf",
            min(samples),
            "s",
            budget=f"< {BUDGET['pdf_s']:.0f} s",
            ok=code == 0 and min(samples) < BUDGET["pdf_s"],
            samples=samples,
            detail=detail,
        )
    ]
    rows.append(
        Row(
            "book.pdf",
            "pdf_size",
            size,
            "MB",
            budget=f"< {BUDGET['pdf_mb']:.0f} MB",
            ok=size is not None and size < BUDGET["pdf_mb"],
            detail="" if size else "no PDF",
        )
    )
    return rows


def bench_tests(repeat: int, logs: Path) -> list[Row]:
    samples, code = [], 0
    for i in range(repeat):
        seconds, code = run([str(ROOT / "scripts" / "test.sh"), "-q"], logs / f"tests-{i}.log")
        samples.append(seconds)
        if code:
            break
    detail = _tail(logs / f"tests-{len(samples) - 1}.log", 1)
    if code:
        detail = f"exit {code}: {detail}"
    return [
        Row(
            "tests (scripts/test.sh)",
            "tests",
            min(samples),
            "s",
            budget=f"< {BUDGET['tests_s']:.0f} s",
            ok=code == 0 and min(samples) < BUDGET["tests_s"],
            samples=samples,
            detail=detail,
        )
    ]


# -- report -----------------------------------------------------------------------------------------------------
def _fmt(r: Row) -> str:
    if r.value is None:
        return "n/a"
    if r.unit == "x":
        return f"{r.value:.2f}x"
    if r.unit == "MB":
        return f"{r.value:.2f} MB"
    return f"{r.value:.1f} s"


def table(rows: list[Row], info: dict, repeats: dict) -> str:
    head = (
        f"Benchmark of the book on {info['cores']} cores ({info['cpu'] or 'unknown CPU'}), Python {info['python']}; "
        f"budgets are set for 2 cores. Best of {repeats['notebooks']} runs per notebook, "
        f"{repeats['html']} HTML, {repeats['pdf']} PDF, {repeats['tests']} test run(s). "
        f"Load average (1 min) at start {info['load_average'][0]:.2f}, at end {info['load_average_end'][0]:.2f}."
    )
    cols = [
        ("what", [r.name for r in rows]),
        ("measured", [_fmt(r) for r in rows]),
        ("budget", [r.budget or "-" for r in rows]),
        ("result", [r.result() for r in rows]),
    ]
    widths = [max(len(h), *(len(v) for v in vals)) for h, vals in cols]
    lines = [
        head,
        "",
        "| " + " | ".join(h.ljust(w) for (h, _), w in zip(cols, widths)) + " |",
        "|" + "|".join("-" * (w + 2) for w in widths) + "|",
    ]
    for i in range(len(rows)):
        lines.append("| " + " | ".join(vals[i].ljust(w) for (_, vals), w in zip(cols, widths)) + " |")
    notes = [f"- {r.name}: {r.detail}" for r in rows if r.detail]
    if notes:
        lines += ["", *notes]
    failed = [r for r in rows if r.ok is False]
    lines += ["", f"{len(rows) - len(failed)} rows within budget or without one, {len(failed)} over budget or failed."]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=3, help="runs per notebook, best kept (default 3)")
    ap.add_argument("--repeat-html", type=int, default=2, help="HTML builds, best kept (default 2)")
    ap.add_argument("--repeat-pdf", type=int, default=1, help="PDF builds, best kept (default 1)")
    ap.add_argument("--repeat-tests", type=int, default=1, help="test runs, best kept (default 1)")
    ap.add_argument("--only", default=",".join(PARTS), help=f"comma-separated subset of {','.join(PARTS)}")
    ap.add_argument("--json", type=Path, default=paths.TEST_OUTPUT / "benchmark.json", help="where to write JSON")
    ap.add_argument("--enforce", action="store_true", help="exit 1 if any row misses its budget or failed")
    args = ap.parse_args(argv)
    only = {p.strip() for p in args.only.split(",") if p.strip()}
    unknown = only - set(PARTS)
    if unknown:
        ap.error(f"unknown parts: {', '.join(sorted(unknown))}")

    info = machine()
    repeats = {"notebooks": args.repeat, "html": args.repeat_html, "pdf": args.repeat_pdf, "tests": args.repeat_tests}
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="pakbook-bench-") as tmp:
        logs = Path(tmp) / "logs"
        logs.mkdir()
        if "notebooks" in only:
            print("timing notebooks...", file=sys.stderr, flush=True)
            rows += bench_notebooks(args.repeat)
        if "html" in only:
            print("timing the HTML build...", file=sys.stderr, flush=True)
            rows += bench_html(args.repeat_html, Path(tmp) / "html", logs)
        if "pdf" in only:
            print("timing the PDF build...", file=sys.stderr, flush=True)
            rows += bench_pdf(args.repeat_pdf, logs)
        if "tests" in only:
            print("timing the tests...", file=sys.stderr, flush=True)
            rows += bench_tests(args.repeat_tests, logs)

    info["load_average_end"] = list(os.getloadavg())
    print(table(rows, info, repeats))
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(
        json.dumps(
            {"machine": info, "repeats": repeats, "budgets": BUDGET, "rows": [asdict(r) for r in rows]}, indent=2
        )
        + "\n",
        encoding="utf-8",
    )
    print(f"\nwritten: {paths.rel(args.json)}", file=sys.stderr)
    failed = [r for r in rows if r.ok is False]
    return 1 if args.enforce and failed else 0


if __name__ == "__main__":
    sys.exit(main())
