"""The book's code: data with provenance and validation, geography, figures, numbers for the prose, generated pages.

``pakbook`` is all that a chapter imports. The build and its quality gates (execution, the dependency
manifest, the Sphinx extensions, the checks of the site, the PDF and accessibility) are the separate
package ``bookbuild``, which may import ``pakbook`` but never the reverse (tests/test_layout.py).
"""
