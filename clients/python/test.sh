#!/usr/bin/env bash
# Installs what the Python client needs (only what is missing), generates the code, builds the
# wheel, installs it into .venv and runs the pytest suite against the real gateway and emulator.
# Exits non-zero on any failure, including a run that collected no test (pytest exit code 5).
#
#   clients/python/test.sh [pytest args...]
#
# The binaries are not built here: the tests use PULUMI_GATEWAY_BIN and PULUMI_EMULATOR_BIN,
# defaulting to <repo>/bazel-bin/gateway/pulumi_gateway and
# <repo>/bazel-bin/emulator/pulumi_emulator.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "${here}"
python="${here}/.venv/bin/python"
export PIP_DISABLE_PIP_VERSION_CHECK=1

# Installs the venv and the pinned tools when missing, then generates _generated/.
./generate.sh

# Build the wheel and install it (offline: nothing to fetch), so the tests import the package as
# users get it (py.typed and the .pyi stubs included), not the source tree. Skipped when the
# sources are those of the wheel already installed (a stamp holds their hash).
stamp="${here}/.venv/.wheel.sha256"
sources="$(find src pyproject.toml README.md -type f ! -path '*/__pycache__/*' \
  ! -path '*.egg-info/*' -print0 | LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum | cut -d' ' -f1)"
installed=(.venv/lib/python*/site-packages/pulumi_gateway_client-*.dist-info)
if [ ! -d "${installed[0]}" ] || [ "${sources}" != "$(cat "${stamp}" 2>/dev/null || true)" ]; then
  dist="$(mktemp -d)"
  trap 'rm -rf "${dist}" "${here}/build" "${here}"/src/*.egg-info' EXIT
  rm -rf build src/*.egg-info
  "${python}" -m pip wheel --no-index --quiet --no-deps --no-build-isolation \
    --wheel-dir "${dist}" .
  wheels=("${dist}"/pulumi_gateway_client-*.whl)
  "${python}" -m pip install --no-index --quiet --no-deps --force-reinstall "${wheels[0]}"
  echo "${sources}" >"${stamp}"
  echo "test: built and installed $(basename "${wheels[0]}")"
else
  echo "test: installed wheel is up to date"
fi

set +e
"${python}" -m pytest "$@"
status=$?
set -e
if [ "${status}" -eq 5 ]; then
  echo "test: pytest collected no tests" >&2
  exit 1
fi
exit "${status}"
