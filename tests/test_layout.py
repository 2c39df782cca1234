"""The layout shows the architecture: the book's code (pakbook) never imports the build and its gates (bookbuild)."""

from __future__ import annotations

import ast
import subprocess
import sys

from pakbook import paths


def _imports(path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            out.add(node.module)
    return out


def test_the_books_code_never_imports_the_build_machinery():
    offenders = {
        paths.rel(p): sorted(m for m in _imports(p) if m.split(".")[0] == "bookbuild")
        for p in (paths.ROOT / "pakbook").rglob("*.py")
    }
    assert not {k: v for k, v in offenders.items() if v}


def test_importing_the_whole_book_package_loads_no_build_module():
    code = (
        "import importlib, pkgutil, sys, pakbook\n"
        "for m in pkgutil.walk_packages(pakbook.__path__, 'pakbook.'): importlib.import_module(m.name)\n"
        "print(sorted(n for n in sys.modules if n.split('.')[0] == 'bookbuild'))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_no_two_modules_of_the_book_share_a_name():
    """One meaning per name: e.g. no `tables` for both derived data and figure tables."""
    stems = [p.stem for p in (paths.ROOT / "pakbook").rglob("*.py") if p.stem != "__init__"]
    assert len(stems) == len(set(stems)), sorted(s for s in stems if stems.count(s) > 1)
