#!/usr/bin/env bash
# Makes sure Debian's /usr/bin/python3 has what the notebook check needs (nbformat, nbconvert and
# its kernel, matplotlib, pandas). The check uses Debian's interpreter, not the first python3 on
# PATH, because PySpark-free notebook tooling is only reliably installable here through apt
# (PyPI may be unreachable) and Debian's python3 kernelspec points at /usr/bin/python3.
#
# Installs the packages when they are missing and this runs as root with apt-get; otherwise exits
# 3 with the command to run. Prints nothing when everything is already there.
set -euo pipefail

PYTHON=/usr/bin/python3
PACKAGES=(python3 python3-nbformat python3-nbconvert python3-nbclient python3-ipykernel
          python3-matplotlib python3-pandas)
MODULES="import nbformat, nbconvert, nbclient, ipykernel, IPython, matplotlib, pandas"

have_modules() {
  [ -x "$PYTHON" ] && "$PYTHON" -c "$MODULES" >/dev/null 2>&1
}

if have_modules; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "The notebook check needs Debian's $PYTHON with nbformat, nbconvert, ipykernel, matplotlib and pandas." >&2
  echo "Install them with:" >&2
  echo "  sudo apt-get install -y --no-install-recommends ${PACKAGES[*]}" >&2
  exit 3
fi

echo "Installing the notebook check's Python packages with apt-get: ${PACKAGES[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
# A fresh image may have no package lists yet; update only when the first attempt fails.
if ! apt-get install -y -q --no-install-recommends "${PACKAGES[@]}" >&2; then
  apt-get update -q >&2
  apt-get install -y -q --no-install-recommends "${PACKAGES[@]}" >&2
fi

if ! have_modules; then
  echo "apt-get finished but $PYTHON still cannot run: $MODULES" >&2
  exit 3
fi
