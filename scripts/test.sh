#!/usr/bin/env bash
# Run the tests: package unit tests, data checks, notebooks committed with outputs,
# and nbval (every notebook of the table of contents re-executed and compared with its
# committed outputs). The checks of the built book (marker `book`) are scripts/build.sh's.
# Extra arguments go to pytest, e.g. scripts/test.sh -k geo
source "$(dirname "$0")/_env.sh"
ensure_venv
python -m pytest -m "not book" "$@"
