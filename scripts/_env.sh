# Shared set-up for scripts/build.sh, test.sh, execute.sh and benchmark.sh (sourced, not run).
# Creates .venv on first use (or when the pins change, or when it was made with another Python)
# and puts it first on PATH; installs the Debian packages a script needs when it can.
# Exit status 3 (from ensure_venv) or return status 1 (from ensure_tex, ensure_chromium): a
# Debian package is missing and could not be installed; one line says which apt-get to run.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
VENV="${PAKBOOK_VENV:-$ROOT/.venv}"

# The Python the book is pinned for (requirements.txt, constraints.txt, the committed notebooks).
PYTHON_VERSION="3.11"
# Debian packages: the TeX set the PDF needs, and poppler for checking the PDF.
TEX_PACKAGES="texlive-xetex texlive-fonts-recommended latexmk fonts-freefont-otf poppler-utils"
# A Chromium for the checks of the site in a real browser (Debian's package; on Ubuntu the
# package of that name installs a snap, which needs snapd: set PAKBOOK_CHROMIUM there).
BROWSER_PACKAGES="chromium"
# Every build is clean and strict: a Sphinx warning or a broken reference fails it
# (scripts/build.sh, scripts/benchmark.py).
export PAKBOOK_STRICT="--all -W -n --keep-going"

log() { printf '%s\n' "$*" >&2; }

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
  # `env` sets the variable for apt-get itself: sudo's env_reset would drop one set before sudo.
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# major.minor of a Python interpreter, or nothing if it does not run.
py_version() { "$1" -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null || true; }

# The Python to make the environment with: python3.11, else python3 if it is 3.11.
find_python() {
  local name py
  for name in "python$PYTHON_VERSION" python3; do
    py="$(command -v "$name" 2>/dev/null)" || continue
    if [ "$(py_version "$py")" = "$PYTHON_VERSION" ]; then
      printf '%s\n' "$py"
      return 0
    fi
  done
  return 1
}

ensure_venv() {
  local stamp="$VENV/.installed" py clear=""
  if [ -x "$VENV/bin/python" ] && [ "$(py_version "$VENV/bin/python")" != "$PYTHON_VERSION" ]; then
    log "$VENV was made with a Python other than $PYTHON_VERSION, or its Python no longer runs: making it anew"
    clear="--clear"
  fi
  if [ -n "$clear" ] || [ ! -x "$VENV/bin/python" ] || [ ! -f "$stamp" ] \
     || [ requirements.txt -nt "$stamp" ] || [ constraints.txt -nt "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
    if ! py="$(find_python)"; then
      log "no Python $PYTHON_VERSION (neither python$PYTHON_VERSION nor python3 is $PYTHON_VERSION); install it, e.g.: sudo apt-get install -y python$PYTHON_VERSION python$PYTHON_VERSION-venv"
      exit 3
    fi
    # Debian and Ubuntu ship ensurepip, which `python -m venv` needs, in a separate package.
    if ! "$py" -c 'import ensurepip' 2>/dev/null; then
      apt_install "Python virtual environments (ensurepip)" "python$PYTHON_VERSION-venv" || exit 3
      if ! "$py" -c 'import ensurepip' 2>/dev/null; then
        log "$py still has no ensurepip after installing python$PYTHON_VERSION-venv; use a Python $PYTHON_VERSION that has it (or PAKBOOK_VENV=an existing environment)"
        exit 3
      fi
    fi
    if [ -n "$clear" ] || [ ! -x "$VENV/bin/python" ]; then
      log "making $VENV with $("$py" --version) ($py) and installing the pinned packages (about a minute)"
    else
      log "installing the pinned packages into $VENV (requirements.txt, constraints.txt or pyproject.toml changed)"
    fi
    "$py" -m venv $clear "$VENV"
    local pip=("$VENV/bin/python" -m pip install --quiet --disable-pip-version-check)
    # The pinned setuptools first: the package is installed without build isolation, so that
    # building it uses this pin rather than whatever setuptools is newest on PyPI.
    "${pip[@]}" -c constraints.txt setuptools
    "${pip[@]}" -r requirements.txt
    "${pip[@]}" --no-deps --no-build-isolation -e .
    touch "$stamp"
  fi
  export PATH="$VENV/bin:$PATH"
  # Figures must go through the notebook's inline backend; warnings must not be silenced
  # globally (the kernel inherits the environment and nbval compares stderr).
  unset MPLBACKEND PYTHONWARNINGS
}

# The time of the last commit (seconds since 1970), for SOURCE_DATE_EPOCH: the dates inside the
# PDF are the commit's, never the clock's, so one commit builds one PDF. 0 outside a git checkout.
source_date_epoch() { git -C "$ROOT" log -1 --format=%ct 2>/dev/null || echo 0; }

# The Debian TeX set for the PDF (and poppler for checking it).
ensure_tex() {
  if command -v xelatex >/dev/null && command -v latexmk >/dev/null && command -v pdfinfo >/dev/null \
     && fc-list 2>/dev/null | grep -qi freeserif; then
    return 0
  fi
  # shellcheck disable=SC2086
  apt_install "PDF" $TEX_PACKAGES
}

# The Chromium that tests/test_browser.py drives: $PAKBOOK_CHROMIUM if set, else the first of
# `chromium`, `chromium-browser` on PATH that runs (Ubuntu's chromium-browser is a stub that
# needs the snap). Prints its path.
find_chromium() {
  local candidates c
  if [ -n "${PAKBOOK_CHROMIUM:-}" ]; then
    candidates="$PAKBOOK_CHROMIUM"
  else
    candidates="$(command -v chromium chromium-browser 2>/dev/null || true)"
  fi
  for c in $candidates; do
    if timeout 30 "$c" --version >/dev/null 2>&1; then
      printf '%s\n' "$c"
      return 0
    fi
  done
  return 1
}

# Resolve the browser once and export it as PAKBOOK_CHROMIUM (installing Debian's chromium if
# none is found and we can); return 1 with one line of advice when there is none.
ensure_chromium() {
  local c
  if ! c="$(find_chromium)"; then
    if [ -n "${PAKBOOK_CHROMIUM:-}" ]; then
      log "no browser checks: PAKBOOK_CHROMIUM=$PAKBOOK_CHROMIUM does not run ($PAKBOOK_CHROMIUM --version failed)"
      return 1
    fi
    # shellcheck disable=SC2086
    apt_install "browser checks" $BROWSER_PACKAGES || return 1
    if ! c="$(find_chromium)"; then
      log "no browser checks: no chromium or chromium-browser on PATH runs (on Ubuntu, set PAKBOOK_CHROMIUM to a Chromium or Chrome binary)"
      return 1
    fi
  fi
  export PAKBOOK_CHROMIUM="$c"
  log "browser for the checks: $c ($("$c" --version 2>/dev/null | head -1))"
}
