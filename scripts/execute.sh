#!/usr/bin/env bash
# Re-execute notebooks in place, deterministically, to refresh their committed outputs.
#   scripts/execute.sh                                every notebook in the table of contents
#   scripts/execute.sh chapters/01_crossroads.ipynb   one notebook (paths from the repository root)
#   scripts/execute.sh --changed                      only the notebooks whose cells, data files,
#                                                     catalogue records, pakbook modules or pinned
#                                                     environment changed since they were last run
#   scripts/execute.sh --changed --dry-run            list those notebooks and why; run nothing
# No timing metadata is written, so an unchanged notebook re-executes to identical bytes.
# Each run records what the notebook read in chapters/.deps.json (commit it with the notebooks).
source "$(dirname "$0")/_env.sh"
ensure_venv
exec python -m bookbuild.execute "$@"
