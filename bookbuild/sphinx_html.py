"""Sphinx extension for the HTML: no Thebe (live code) machinery on the book's pages.

Jupyter Book 1 always loads the ``sphinx_thebe`` extension. The book shows no
live-code button (``launch_buttons.thebe: false``), yet every page carried
Thebe's inline configuration script twice (``const THEBE_JS_URL = ...``, so the
second copy threw "Identifier 'THEBE_JS_URL' has already been declared" in the
reader's console), a script and a stylesheet that do nothing without the
button, and a configuration block naming an unrelated Binder repository. This
extension drops them from every page.

Enabled in ``_config.yml`` (``sphinx.extra_extensions``); it changes nothing in the PDF.
"""

from __future__ import annotations

from docutils import nodes


def is_thebe_asset(asset) -> bool:
    """True for the script or stylesheet entries that sphinx-thebe adds to a page's context."""
    filename = str(getattr(asset, "filename", asset) or "")
    body = str(getattr(asset, "attributes", {}).get("body", "")) if hasattr(asset, "attributes") else ""
    return "sphinx-thebe" in filename or "THEBE_JS_URL" in body


def drop_thebe_assets(app, pagename, templatename, context, doctree) -> None:
    for key in ("script_files", "css_files"):
        if key in context:
            context[key] = [a for a in context[key] if not is_thebe_asset(a)]


def drop_thebe_config(app, doctree: nodes.document, docname: str) -> None:
    for raw in list(doctree.findall(nodes.raw)):
        if "text/x-thebe-config" in raw.astext():
            raw.parent.remove(raw)


def setup(app):
    app.connect("html-page-context", drop_thebe_assets, priority=900)
    # after sphinx-thebe's own doctree-resolved handler (default priority 500) has added the block
    app.connect("doctree-resolved", drop_thebe_config, priority=900)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
