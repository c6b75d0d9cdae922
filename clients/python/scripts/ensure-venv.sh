#!/usr/bin/env bash
# Creates clients/python/.venv and installs the pinned requirements.txt into it, from PyPI.
# Idempotent: when the venv works and requirements.txt has not changed since the last install
# (a stamp file holds its hash), it returns at once without calling pip.
#
#   scripts/ensure-venv.sh
#
# Environment: PYTHON (interpreter for the venv; default the `python3` first on PATH, which must not
# be mixed with Debian's /usr/bin/python3 packages).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="${here}/.venv"
requirements="${here}/requirements.txt"
stamp="${venv}/.requirements.sha256"
python="${PYTHON:-$(command -v python3 || true)}"

if [ -z "${python}" ]; then
  echo "ensure-venv: no python3 on PATH (set PYTHON)" >&2
  exit 2
fi

# A venv whose interpreter went away (e.g. another Python version) is rebuilt from scratch.
if [ -d "${venv}" ] && ! "${venv}/bin/python" -c 'import sys' >/dev/null 2>&1; then
  echo "ensure-venv: ${venv} is broken; recreating it"
  rm -rf "${venv}"
fi
if [ ! -d "${venv}" ]; then
  echo "ensure-venv: creating ${venv} with $("${python}" --version 2>&1) (${python})"
  "${python}" -m venv "${venv}"
  rm -f "${stamp}"
fi

want="$(sha256sum "${requirements}" | cut -d' ' -f1)"
have="$(cat "${stamp}" 2>/dev/null || true)"
if [ "${want}" != "${have}" ]; then
  echo "ensure-venv: installing requirements.txt into ${venv}"
  PIP_DISABLE_PIP_VERSION_CHECK=1 "${venv}/bin/python" -m pip install --quiet -r "${requirements}"
  echo "${want}" >"${stamp}"
fi
