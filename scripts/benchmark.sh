#!/usr/bin/env bash
# Measure the book's build on this machine against its budgets (scripts/benchmark.py says what
# and how; about 3 minutes). Arguments go to it:
#   scripts/benchmark.sh                        everything
#   scripts/benchmark.sh --enforce              exit 1 if any row misses its budget
#   scripts/benchmark.sh --only notebooks,html  a part
# It builds into temporary folders and leaves _build/ and the notebooks alone.
source "$(dirname "$0")/_env.sh"
ensure_venv
SOURCE_DATE_EPOCH="$(source_date_epoch)"  # as scripts/build.sh
export SOURCE_DATE_EPOCH
exec python scripts/benchmark.py "$@"
