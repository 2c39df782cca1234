#!/usr/bin/env bash
# Build the book: HTML in _build/html, PDF in _build/latex/book.pdf (also copied to
# _build/html/book.pdf so the site links it), then check the built book.
# Every build is a clean, strict one: warnings and broken references fail it.
source "$(dirname "$0")/_env.sh"
ensure_venv

STRICT=(--all -W -n --keep-going)
rm -rf _build/html _build/latex _build/.doctrees _build/jupyter_execute
log "building HTML"
jupyter-book build . "${STRICT[@]}" --builder html

if ensure_tex; then
  log "building PDF"
  jupyter-book build . "${STRICT[@]}" --builder pdflatex
  cp _build/latex/book.pdf _build/html/book.pdf
  log "checking the built book"
  python -m pytest -q -m book -p no:cacheprovider
  log "done: _build/html/index.html and _build/latex/book.pdf"
else
  log "done: _build/html/index.html (no PDF, see above)"
  exit 3
fi
