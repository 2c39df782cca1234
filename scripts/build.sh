#!/usr/bin/env bash
# Build the book: HTML in _build/html, PDF in _build/latex/book.pdf (also copied to
# _build/html/book.pdf so the site links it), then check the built book as a reader
# would see it (tests marked `book`: the site in Debian's headless Chromium, the PDF
# page by page; pictures of the pages land in test-output/).
# Every build is a clean, strict one: warnings and broken references fail it.
# Exit status 3: built what it could, but a Debian package it needs could not be installed.
source "$(dirname "$0")/_env.sh"
ensure_venv

STRICT=(--all -W -n --keep-going)
rm -rf _build/html _build/latex _build/.doctrees _build/jupyter_execute
log "building HTML"
jupyter-book build . "${STRICT[@]}" --builder html

if ! ensure_tex; then
  log "done: _build/html/index.html (no PDF, and so no checks of the built book; see above)"
  exit 3
fi
log "building PDF"
jupyter-book build . "${STRICT[@]}" --builder pdflatex
cp _build/latex/book.pdf _build/html/book.pdf

checks="book"
if ! ensure_chromium; then
  checks="book and not browser"
fi
log "checking the built book ($checks)"
t0=$SECONDS
python -m pytest -q -m "$checks" -p no:cacheprovider
log "checks of the built book took $((SECONDS - t0)) s; pictures of its pages are in test-output/"
if [ "$checks" != "book" ]; then
  log "done, but the browser checks did not run (see above)"
  exit 3
fi
log "done: _build/html/index.html and _build/latex/book.pdf"
