#!/usr/bin/env bash
# Run the tests: lint and format (ruff), package unit tests, data checks, notebooks committed with
# outputs, and nbval (every notebook of the table of contents re-executed and compared with its
# committed outputs), on every core of the machine (pytest-xdist; one notebook stays on one worker).
# The checks of the built book (marker `book`) are scripts/build.sh's.
# Extra arguments go to pytest, e.g. scripts/test.sh -k geo
source "$(dirname "$0")/_env.sh"
ensure_venv
echo "ruff: lint and format" >&2
python -m ruff check .
python -m ruff format --check .
python -m pytest -m "not book" -n auto --dist loadfile "$@"
