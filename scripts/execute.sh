#!/usr/bin/env bash
# Re-execute notebooks in place, deterministically, to refresh their committed outputs.
#   scripts/execute.sh                          every notebook in the table of contents
#   scripts/execute.sh chapters/01_crossroads.ipynb   one notebook
# No timing metadata is written, so an unchanged notebook re-executes to identical bytes.
source "$(dirname "$0")/_env.sh"
ensure_venv
if [ "$#" -eq 0 ]; then
  mapfile -t notebooks < <(python -c "from pakbook import notebooks; print(*notebooks.in_toc(), sep='\n')")
else
  notebooks=("$@")
fi
for nb in "${notebooks[@]}"; do
  log "executing $nb"
  jupyter nbconvert --to notebook --execute --inplace \
    --ExecutePreprocessor.record_timing=False --ExecutePreprocessor.timeout=300 "$nb"
done
