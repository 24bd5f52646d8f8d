#!/usr/bin/env bash
# One setup for a fresh machine (Debian, root, Python 3.11, no Chromium) and for a developer
# machine. Idempotent: a second run only re-checks and returns quickly.
#
#   bash scripts/setup.sh        # quiet
#   bash scripts/setup.sh -v     # show pip/apt output
#
# Environment: PYTHON (interpreter for the venv, default python3), SPSE_SIM_CHROMIUM (a
# Chromium/Chrome executable to use instead of looking for one).
set -euo pipefail

verbose=0
if [[ "${1:-}" == "-v" ]]; then
    verbose=1
fi

cd "$(dirname "${BASH_SOURCE[0]}")/.."
repo_root=$(pwd)
venv="$repo_root/.venv"
stamp="$venv/.spse-setup-stamp"
python=${PYTHON:-python3}

log=$(mktemp)
trap 'rm -f "$log"' EXIT

# Run a command with its output hidden unless it fails (or -v was given), so a normal run
# prints only what the user needs to read.
quiet() {
    if ((verbose)); then
        "$@"
        return
    fi
    if ! "$@" >"$log" 2>&1; then
        cat "$log" >&2
        echo "setup: failed: $*" >&2
        return 1
    fi
}

# 1. Virtualenv with the project (editable) and tox, with tox-uv: tox then makes its envs and
#    installs into them with uv (the four envs of .ci/run in about 7 s instead of 27 s with pip).
if [[ ! -e "$venv" ]]; then
    if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
        echo "setup: $python is missing or older than 3.11; set PYTHON to a Python 3.11+." >&2
        exit 1
    fi
    echo "setup: creating $venv"
    # Debian's python3 needs the python3-venv package for ensurepip; say so instead of
    # leaving a half-made venv behind. Only a venv made by this very run is removed.
    if ! quiet "$python" -m venv "$venv"; then
        rm -rf "$venv"
        echo "setup: could not create the venv (on Debian: apt-get install python3-venv)." >&2
        exit 1
    fi
elif ! "$venv/bin/python" -c '' 2>/dev/null; then
    # Never delete an existing venv: it may be someone else's, or in use.
    echo "setup: $venv exists but its python does not run (moved, or its base Python is" \
        "gone); remove $venv yourself and run this script again." >&2
    exit 1
fi

# The stamp records what was installed; when neither pyproject.toml nor this script changed
# and the tools are still there, pip has nothing to do, and skipping it keeps re-runs fast.
# Delete the stamp to force a reinstall.
want_stamp=$(cat pyproject.toml scripts/setup.sh | sha256sum | cut -d' ' -f1)
have_stamp=$(cat "$stamp" 2>/dev/null || true)
if [[ "$want_stamp" != "$have_stamp" || ! -x "$venv/bin/tox" ]] \
    || ! "$venv/bin/python" -c 'import simulator, playwright' 2>/dev/null; then
    echo "setup: installing the project into $venv"
    quiet "$venv/bin/python" -m pip install -q --upgrade pip
    # editable_mode=compat puts the checkout itself on sys.path. setuptools' default editable
    # install only adds an import hook that Python consults after sys.path, and pytest puts
    # tests/ on sys.path, where tests/fake_spse, tests/simulator and tests/spse_shared would
    # then be imported as (empty) namespace packages in place of the project's own:
    # `.venv/bin/pytest tests/...` stopped with "No module named 'fake_spse.adapters.ca'".
    quiet "$venv/bin/python" -m pip install -q -e '.[dev]' tox tox-uv \
        --config-settings editable_mode=compat
    echo "$want_stamp" >"$stamp"
fi

# Bytecode for the project's own modules. pip compiles what it installs, but an editable
# install leaves the project's sources as they are, and where PYTHONDONTWRITEBYTECODE is set
# (this machine, many CI images) no run writes bytecode either: every spse-sim process, and
# each worker of a catalog run, compiled the whole project again (about 0.2 s before the
# journey's first step, benchmarks/README.md). Every run, since the sources change between
# runs; an up-to-date module costs only a stat. A module edited later is compiled in memory
# as before, so a stale file is never used.
quiet "$venv/bin/python" -c '
import compileall, sys, tomllib
with open("pyproject.toml", "rb") as f:
    packages = tomllib.load(f)["tool"]["importlinter"]["root_packages"]
sys.exit(not all(compileall.compile_dir(p, quiet=1, workers=0) for p in packages))'

# 2. A browser. Ask the project's own lookup so setup and test runs agree on what counts.
find_browser() {
    "$venv/bin/python" - <<'EOF'
import sys

from simulator.browser.launch import BrowserNotFound, find_chromium

try:
    choice = find_chromium()
except BrowserNotFound as exc:
    print(exc, file=sys.stderr)
    sys.exit(1)
where = choice.executable or "Playwright's own Chromium"
print(f"setup: browser: {where} ({choice.source})")
EOF
}

apt_install() {
    # Debian's packages, as root only; apt-get update runs once per setup.
    export DEBIAN_FRONTEND=noninteractive
    if [[ -z "${apt_updated:-}" ]]; then
        quiet apt-get update -q
        apt_updated=1
    fi
    quiet apt-get install -y -q "$@"
}

can_apt() {
    [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null
}

# 2. A browser.
if ! find_browser 2>"$log"; then
    if [[ -n "${SPSE_SIM_CHROMIUM:-}" ]]; then
        # The variable wins over any installed browser, so installing one would not help.
        cat "$log" >&2
        exit 1
    fi
    if ! can_apt; then
        cat >&2 <<EOF
setup: no Chromium found. Either
  - download Playwright's Chromium:  $venv/bin/playwright install chromium
  - or install a system Chromium (e.g. as root on Debian: apt-get install chromium),
    or set SPSE_SIM_CHROMIUM to a Chromium/Chrome executable,
then run this script again.
EOF
        exit 1
    fi
    echo "setup: no Chromium found; installing Debian's chromium and chromium-headless-shell with apt-get"
    apt_install chromium chromium-headless-shell
    find_browser
fi

# Chromium's headless shell: headless runs (tests, catalog, journey) take it when it is there,
# at about half the CPU per page (simulator/browser/launch.py); headed runs keep the full one.
# Not needed with SPSE_SIM_CHROMIUM or Playwright's own download, and never fatal.
uses_system_browser() {
    "$venv/bin/python" -c 'import sys
from simulator.browser.launch import find_chromium
sys.exit(find_chromium().source != "system")' 2>/dev/null
}
if [[ -z "${SPSE_SIM_CHROMIUM:-}" ]] && ! command -v chromium-headless-shell >/dev/null \
    && can_apt && uses_system_browser; then
    echo "setup: installing Debian's chromium-headless-shell (headless runs) with apt-get"
    apt_install chromium-headless-shell \
        || echo "setup: note: chromium-headless-shell not installed; headless runs use chromium"
fi

# 3. ffmpeg, which Playwright needs to record replay videos (spse-sim replay --video).
if ! command -v ffmpeg >/dev/null; then
    if can_apt; then
        echo "setup: installing ffmpeg (replay videos) with apt-get"
        apt_install ffmpeg
    else
        echo "setup: note: no ffmpeg; 'spse-sim replay --video' needs it (e.g. apt-get install ffmpeg)"
    fi
fi
