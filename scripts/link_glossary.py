"""Link the first use of each glossary term in the book ({term} role), where it is not linked yet.

Run after adding a term to backmatter/glossary.md or a chapter that now uses a term first; then re-execute the
notebooks it changed (scripts/execute.sh --changed). tests/test_glossary.py checks the result.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bookbuild import glossary  # noqa: E402
from pakbook import paths  # noqa: E402


def link_one() -> str | None:
    """Link the first unlinked first use (one at a time: a link shifts the text after it); its term, or None."""
    for term, (block, start, end, linked) in glossary.first_uses().items():
        if linked:
            continue
        used = block.text[start:end]
        role = f"{{term}}`{used}`" if used.lower() == term.lower() else f"{{term}}`{used} <{term}>`"
        text = block.text[:start] + role + block.text[end:]
        if block.cell is None:
            path = paths.ROOT / f"{block.doc}.md"
            path.write_text(text, encoding="utf-8")
        else:
            path = paths.ROOT / f"{block.doc}.ipynb"
            nb = json.loads(path.read_text(encoding="utf-8"))
            nb["cells"][block.cell]["source"] = text.splitlines(keepends=True)
            path.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        return f"{block.doc}: {term}"
    return None


def main() -> None:
    changed = []
    while (done := link_one()) is not None:
        changed.append(done)
    print("\n".join(changed) or "every term's first use is linked")


if __name__ == "__main__":
    main()
