#!/usr/bin/env bash
# Creates (once) the virtual environment the notebook check runs in and prints its interpreter.
#
#   ensure-python.sh VENV_DIR
#
# Uses the first python3 on PATH (or $OPENROUTER_PYTHON): Python 3.9 or later with its venv module,
# as the README lists. Installs requirements.txt beside this script with pip from PyPI, and a
# kernelspec of the notebook check's own inside the environment, so nbconvert runs the plot cells
# with this interpreter whatever kernels the machine has. Needs no root and no system packages.
# Reinstalls when requirements.txt changes. All output but the interpreter's path goes to stderr.
set -euo pipefail

VENV=${1:?usage: ensure-python.sh VENV_DIR}
HERE=$(cd "$(dirname "$0")" && pwd)
REQUIREMENTS="$HERE/requirements.txt"
KERNEL=openrouter-notebook-check
BASE_PYTHON=${OPENROUTER_PYTHON:-python3}
PYTHON="$VENV/bin/python"
STAMP="$VENV/.requirements"

if [ -x "$PYTHON" ] && [ -f "$STAMP" ] && cmp -s "$REQUIREMENTS" "$STAMP"; then
  echo "$PYTHON"
  exit 0
fi

if ! command -v "$BASE_PYTHON" >/dev/null 2>&1; then
  echo "The notebook check needs Python 3.9+ with venv and pip: '$BASE_PYTHON' is not on PATH (set OPENROUTER_PYTHON to an interpreter)." >&2
  exit 3
fi
if ! "$BASE_PYTHON" -c 'import sys, venv; sys.exit(0 if sys.version_info >= (3, 9) else 1)' >/dev/null 2>&1; then
  echo "The notebook check needs Python 3.9+ with its venv module; $("$BASE_PYTHON" --version 2>&1) at $(command -v "$BASE_PYTHON") does not qualify (set OPENROUTER_PYTHON to one that does)." >&2
  exit 3
fi

echo "Creating the notebook check's Python environment in $VENV (pip install -r $REQUIREMENTS)" >&2
rm -rf "$VENV"
"$BASE_PYTHON" -m venv "$VENV" >&2
"$PYTHON" -m pip install --quiet --disable-pip-version-check --upgrade pip >&2
"$PYTHON" -m pip install --quiet --disable-pip-version-check -r "$REQUIREMENTS" >&2
"$PYTHON" -m ipykernel install --sys-prefix --name "$KERNEL" --display-name "openrouter-spark notebook check" >&2
"$PYTHON" -c "import nbformat, nbconvert, nbclient, ipykernel, IPython, matplotlib, pandas" >&2
cp "$REQUIREMENTS" "$STAMP"
echo "$PYTHON"
