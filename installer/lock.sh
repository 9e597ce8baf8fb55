#!/usr/bin/env bash
# Re-pin the bundle's dependencies: installer/requirements.lock, every version exact and
# every wheel and sdist hash listed, for Windows, macOS and Linux at once (--universal).
# The bundle is built only from this file (pip --require-hashes): build.sh, build.ps1 and
# dev.py install it. Run this after changing a dependency in pyproject.toml or bundle.in,
# and commit the result; tests/workbench/test_lock.py fails when they disagree.
# Usage: installer/lock.sh [UV]   (default: .venv/bin/uv; uv is in the dev extra)
set -euo pipefail
cd "$(dirname "$0")/.."
uv="${1:-.venv/bin/uv}"
"$uv" pip compile pyproject.toml installer/bundle.in \
    --extra gui --extra encryption \
    --universal --python-version 3.11 --generate-hashes \
    --no-header --quiet --output-file installer/requirements.lock
