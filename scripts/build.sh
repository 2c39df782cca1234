#!/usr/bin/env bash
# Build the book: HTML in _build/html, PDF in _build/latex/book.pdf (also copied to
# _build/html/book.pdf so the site links it), then check the built book as a reader
# would see it (tests marked `book`: the site in headless Chromium, the PDF page by
# page; pictures of the pages land in test-output/).
# Every build is a clean, strict one: warnings and broken references fail it.
# The PDF's dates are the last commit's (SOURCE_DATE_EPOCH), so one commit builds one PDF.
# Exit status 3: built and checked what it could, but a Debian package it needs could not be
# installed (without TeX: the HTML and its checks only, marker `pdf` left out; without
# Chromium: every check but the browser ones, marker `browser`).
source "$(dirname "$0")/_env.sh"
ensure_venv

SOURCE_DATE_EPOCH="$(source_date_epoch)"
export SOURCE_DATE_EPOCH
read -ra STRICT <<<"$PAKBOOK_STRICT"
rm -rf _build/html _build/latex _build/.doctrees _build/jupyter_execute
log "building HTML"
jupyter-book build . "${STRICT[@]}" --builder html

missing=()  # markers of the checks that cannot run here
if ensure_tex; then
  log "building PDF"
  jupyter-book build . "${STRICT[@]}" --builder pdflatex
  cp _build/latex/book.pdf _build/html/book.pdf
else
  missing+=(pdf)
fi
if ! ensure_chromium; then
  missing+=(browser)
fi

checks="book"
for marker in "${missing[@]}"; do
  checks+=" and not $marker"
done
log "checking the built book ($checks)"
t0=$SECONDS
python -m pytest -m "$checks"
log "checks of the built book took $((SECONDS - t0)) s; pictures of its pages are in test-output/"
if [ "${#missing[@]}" -gt 0 ]; then
  log "done, but without the checks marked $(IFS=,; echo "${missing[*]}") (see above for the packages to install)"
  exit 3
fi
log "done: _build/html/index.html and _build/latex/book.pdf"
