#!/usr/bin/env bash
# Build the one-folder Linux bundle with PyInstaller and prove it works: the bundled
# `workbench --self-test` (profiles, mappings, translations, a database, the demo export)
# and the desktop app's own --self-test on Qt's offscreen platform.
# Usage: installer/build.sh [PYTHON]   (default: .venv/bin/python)
set -euo pipefail
cd "$(dirname "$0")/.."
python="${1:-.venv/bin/python}"
name=$("$python" -c 'import tomllib; print(tomllib.load(open("pyproject.toml","rb"))["project"]["name"])')

"$python" -m pip install --quiet "pyinstaller>=6.10"

staging=build/staging
rm -rf "$staging" && mkdir -p "$staging"
cp -r resources "$staging/resources"
rm -f "$staging"/resources/translations/*.ts
"$python" -m ui.i18n --out "$staging/resources/translations" >/dev/null
"$python" installer/make_icons.py "$staging/icons"

"$python" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build/pyinstaller installer/workbench.spec

bundle="dist/$name"
echo "bundle: $bundle ($(du -sh "$bundle" | cut -f1))"
"$bundle/workbench" --self-test
QT_QPA_PLATFORM=offscreen "$bundle/workbench-gui" --self-test
