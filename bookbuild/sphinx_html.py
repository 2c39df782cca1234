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

Every page also gets a description for link previews (``<meta name="description">`` and the Open
Graph title and description): the first paragraph of the page's text, cut at a word to at most
200 characters, so that a shared link shows what the page argues rather than nothing.

Enabled in ``_config.yml`` (``sphinx.extra_extensions``); it changes nothing in the PDF.
"""

from __future__ import annotations

from html import escape

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


DESCRIPTION_CHARS = 200


def first_paragraph(doctree: nodes.document) -> str:
    """The text of the page's first prose paragraph (not in a caption, admonition or table), else of its first note."""
    prose, notes = [], []
    for para in doctree.findall(nodes.paragraph):
        text = " ".join(para.astext().split())
        if len(text) < 40 or _inside(para, (nodes.caption, nodes.table, nodes.footnote, nodes.citation, nodes.legend)):
            continue
        (notes if _inside(para, (nodes.Admonition,)) else prose).append(text)
    return (prose or notes or [""])[0]


def _inside(node: nodes.Node, kinds: tuple) -> bool:
    parent = node.parent
    while parent is not None:
        if isinstance(parent, kinds):
            return True
        parent = parent.parent
    return False


def shorten(text: str, limit: int = DESCRIPTION_CHARS) -> str:
    """Text cut at a word boundary to at most ``limit`` characters, with an ellipsis when it was cut."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:.")
    return cut + "\u2026"


def add_description(app, pagename, templatename, context, doctree) -> None:
    """Add the page's description tags to its context (pages made from a source, i.e. with a doctree)."""
    if doctree is None:
        return
    description = shorten(first_paragraph(doctree))
    if not description:
        return
    title = f"{context.get('title', '')} | {app.config.project}".strip(" |")
    tags = [
        f'<meta name="description" content="{escape(description)}" />',
        f'<meta property="og:title" content="{escape(title)}" />',
        f'<meta property="og:description" content="{escape(description)}" />',
        '<meta property="og:type" content="website" />',
    ]
    context["metatags"] = context.get("metatags", "") + "\n".join(tags) + "\n"


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
    app.connect("html-page-context", add_description)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
