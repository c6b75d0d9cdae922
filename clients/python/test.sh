#!/usr/bin/env bash
# Tests the Python client as a user gets it: checks that the committed generated modules match the
# protos, installs the package with `pip install ./clients/python` into a fresh virtualenv (its
# dependencies from PyPI, through pip's cache), and runs the pytest suite against that install and
# the real gateway and emulator. Exits non-zero on any failure, including a run that collected no
# test (pytest exit code 5).
#
#   clients/python/test.sh [pytest args...]
#
# The binaries are not built here: the tests use PULUMI_GATEWAY_BIN and PULUMI_EMULATOR_BIN,
# defaulting to <repo>/bazel-bin/gateway/pulumi_gateway and
# <repo>/bazel-bin/emulator/pulumi_emulator.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "${here}"
export PIP_DISABLE_PIP_VERSION_CHECK=1
python="${PYTHON:-$(command -v python3 || true)}"
if [ -z "${python}" ]; then
  echo "test: no python3 on PATH (set PYTHON)" >&2
  exit 2
fi

# The generated modules are committed; regenerate them into a temporary folder and compare (the
# development venv with the pinned grpcio-tools is made when missing).
./generate.sh --check

# The ordinary install, into a virtualenv made for this run: nothing from the development venv
# or the source tree is importable there.
work="$(mktemp -d)"
trap 'rm -rf "${work}" "${here}/build" "${here}"/src/*.egg-info' EXIT
"${python}" -m venv "${work}/venv"
start=${SECONDS}
"${work}/venv/bin/python" -m pip install --quiet "${here}"
echo "test: pip install ./clients/python in a fresh venv took $((SECONDS - start)) s"
"${work}/venv/bin/python" -m pip install --quiet "pytest==$(sed -n 's/^pytest==//p' requirements.txt)"

set +e
"${work}/venv/bin/python" -m pytest -p no:cacheprovider "$@"
status=$?
set -e
if [ "${status}" -eq 5 ]; then
  echo "test: pytest collected no tests" >&2
  exit 1
fi
exit "${status}"
