# Shared set-up for scripts/build.sh, scripts/test.sh and scripts/execute.sh (sourced, not run).
# Creates .venv on first use (or when requirements change) and puts it first on PATH.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
VENV="${PAKBOOK_VENV:-$ROOT/.venv}"

# Debian packages: the TeX set the PDF needs, and poppler for checking the PDF.
TEX_PACKAGES="texlive-xetex texlive-fonts-recommended latexmk fonts-freefont-otf poppler-utils"

log() { printf '%s\n' "$*" >&2; }

ensure_venv() {
  local stamp="$VENV/.installed"
  if [ ! -x "$VENV/bin/python" ] || [ ! -f "$stamp" ] \
     || [ requirements.txt -nt "$stamp" ] || [ constraints.txt -nt "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
    local py
    py="$(command -v python3.11 || command -v python3)"
    log "setting up $VENV with $("$py" --version) (first run, about a minute)"
    "$py" -m venv "$VENV"
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -r requirements.txt
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps -e .
    touch "$stamp"
  fi
  export PATH="$VENV/bin:$PATH"
  # Figures must go through the notebook's inline backend; warnings must not be silenced
  # globally (the kernel inherits the environment and nbval compares stderr).
  unset MPLBACKEND PYTHONWARNINGS
}

# Install the Debian TeX set when we can (root, or sudo without a password).
# Returns 1 with one line of advice when we cannot.
ensure_tex() {
  if command -v xelatex >/dev/null && command -v latexmk >/dev/null && command -v pdfinfo >/dev/null \
     && fc-list 2>/dev/null | grep -qi freeserif; then
    return 0
  fi
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo="sudo -n"; else
      log "PDF skipped: TeX is missing; run: sudo apt-get install -y --no-install-recommends $TEX_PACKAGES"
      return 1
    fi
  fi
  log "installing the Debian TeX packages for the PDF (about a minute)"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $TEX_PACKAGES >/dev/null
}
