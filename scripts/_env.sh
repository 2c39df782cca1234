# Shared set-up for scripts/build.sh, scripts/test.sh and scripts/execute.sh (sourced, not run).
# Creates .venv on first use (or when requirements change) and puts it first on PATH.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
VENV="${PAKBOOK_VENV:-$ROOT/.venv}"

# Debian packages: the TeX set the PDF needs, and poppler for checking the PDF.
TEX_PACKAGES="texlive-xetex texlive-fonts-recommended latexmk fonts-freefont-otf poppler-utils"
# Debian's Chromium, for the checks of the site in a real browser.
BROWSER_PACKAGES="chromium"

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

# Install Debian packages when we can (root, or sudo without a password).
# apt_install WHAT PACKAGE...: returns 1 with one line of advice when we cannot.
apt_install() {
  local what="$1"; shift
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo="sudo -n"; else
      log "no $what (Debian packages missing, and not root nor passwordless sudo); run: sudo apt-get install -y --no-install-recommends $*"
      return 1
    fi
  fi
  log "installing Debian packages for $what: $* (about a minute)"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# The Debian TeX set for the PDF (and poppler for checking it).
ensure_tex() {
  if command -v xelatex >/dev/null && command -v latexmk >/dev/null && command -v pdfinfo >/dev/null \
     && fc-list 2>/dev/null | grep -qi freeserif; then
    return 0
  fi
  # shellcheck disable=SC2086
  apt_install "PDF" $TEX_PACKAGES
}

# Debian's Chromium, which the browser checks of the built site drive (tests/test_browser.py).
ensure_chromium() {
  if [ -x /usr/bin/chromium ]; then
    return 0
  fi
  # shellcheck disable=SC2086
  apt_install "browser checks" $BROWSER_PACKAGES
}
