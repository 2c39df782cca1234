"""Sphinx extension for the HTML: no Thebe (live code) machinery on the book's pages.

Jupyter Book 1 always loads the ``sphinx_thebe`` extension. The book shows no
live-code button (``launch_buttons.thebe: false``), yet every page carried
Thebe's inline configuration script twice (``const THEBE_JS_URL = ...``, so the
second copy threw "Identifier 'THEBE_JS_URL' has already been declared" in the
reader's console), a script and a stylesheet that do nothing without the
button, and a configuration block naming an unrelated Binder repository. This
extension drops them from every page.

It also marks up the bibliography as a list a screen reader can follow: docutils writes the
citations as ``<div role="list">`` holding ``role="doc-biblioentry"`` entries, a role ARIA 1.2
deprecates, so the list has no list items (axe-core's ``aria-required-children`` and
``aria-deprecated-role``). The HTML translator is given one override, so that each citation is a
``role="listitem"`` of that list (tests/test_browser.py runs axe-core on every page).

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


def citation_as_list_item(translator_class):
    """A subclass of an HTML translator whose citations are list items of their citation list."""

    class CitationListItems(translator_class):
        def visit_citation(self, node):
            # docutils' own visit_citation opens the list before the first citation and each entry with
            # role="doc-biblioentry"; only the role of the entry changes here.
            if not isinstance(node.previous_sibling(), type(node)):
                self.body.append('<div role="list" class="citation-list">\n')
            self.body.append(self.starttag(node, "div", classes=[node.tagname], role="listitem"))

    CitationListItems.__name__ = f"CitationListItems{translator_class.__name__}"
    return CitationListItems


def use_citation_list_items(app) -> None:
    if app.builder.format != "html":
        return
    app.set_translator(app.builder.name, citation_as_list_item(app.builder.get_translator_class()), override=True)


def setup(app):
    app.connect("builder-inited", use_citation_list_items)
    app.connect("html-page-context", drop_thebe_assets, priority=900)
    # after sphinx-thebe's own doctree-resolved handler (default priority 500) has added the block
    app.connect("doctree-resolved", drop_thebe_config, priority=900)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
