"""The book's notebooks, as listed in ``_toc.yml``."""

from __future__ import annotations

from pathlib import Path

import yaml

from . import paths


def toc_files() -> list[str]:
    """Every file named in the table of contents (without extension), in reading order."""
    toc = yaml.safe_load((paths.ROOT / "_toc.yml").read_text(encoding="utf-8"))
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
