"""axe-core, the rule engine accessibility audits use, run in the browser on a page of the built site.

The engine's script is the copy that the PyPI package ``axe-playwright-python`` ships
(``axe_playwright_python/axe.min.js``); it is read from the installed package and injected into
the page, so nothing is fetched from another host. :func:`violations` runs the WCAG 2.0 and 2.1
A and AA rules and returns what failed, each with its rule, impact and the elements it names.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib.resources import files

#: The rule sets run: WCAG 2.0 and 2.1, levels A and AA.
TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")


@cache
def script() -> str:
    """The axe-core script, from the installed package."""
    return (files("axe_playwright_python") / "axe.min.js").read_text(encoding="utf-8")


def version() -> str:
    """The axe-core version of that script (its first line: ``/*! axe v4.12.1``)."""
    first = script().splitlines()[0]
    return first.split("axe v", 1)[1].strip() if "axe v" in first else "unknown"


@dataclass(frozen=True)
class Violation:
    rule: str
    impact: str
    help: str
    targets: tuple[str, ...]

    def __str__(self) -> str:
        shown = ", ".join(self.targets[:5]) + (f" and {len(self.targets) - 5} more" if len(self.targets) > 5 else "")
        return f"{self.rule} ({self.impact}): {self.help}; {len(self.targets)} element(s): {shown}"


def violations(page, tags=TAGS) -> list[Violation]:
    """Run axe-core on a Playwright page (already loaded) and return its violations of the rule sets ``tags``."""
    page.evaluate(script())
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})", list(tags)
    )
    return [
        Violation(v["id"], v.get("impact") or "", v.get("help", ""), tuple(" ".join(n["target"]) for n in v["nodes"]))
        for v in result["violations"]
    ]
