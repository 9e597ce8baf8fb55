#!/usr/bin/env bash
# Build the one-folder Linux bundle with PyInstaller and prove it works: the bundled
# `workbench --self-test` (profiles, mappings, translations, a database, the demo export,
# SQLCipher) and the desktop app's own --self-test on Qt's offscreen platform.
# The bundle is built in its own environment holding exactly installer/requirements.lock,
# every file checked against its hash (pip --require-hashes); the app's code comes from
# this checkout. The environment is remade whenever the lock changes.
# Usage: installer/build.sh [PYTHON]   (the Python 3.11+ to make it with; default python3)
set -euo pipefail
cd "$(dirname "$0")/.."
base="${1:-python3}"
lock=installer/requirements.lock
env=build/bundle-venv
python="$env/bin/python"
if ! cmp -s "$lock" "$env/requirements.lock"; then
    rm -rf "$env"
    "$base" -m venv "$env"
    "$python" -m pip install --quiet --require-hashes --no-deps -r "$lock"
    "$python" -m pip check
    cp "$lock" "$env/requirements.lock"
fi
name=$("$python" -c 'import tomllib; print(tomllib.load(open("pyproject.toml","rb"))["project"]["name"])')

staging=build/staging
rm -rf "$staging" && mkdir -p "$staging"
cp -r resources "$staging/resources"
rm -f "$staging"/resources/translations/*.ts
"$python" -m ui.i18n --out "$staging/resources/translations" >/dev/null
"$python" installer/make_icons.py "$staging/icons"

"$python" -m PyInstaller --noconfirm --log-level WARN \
    --distpath dist --workpath build/pyinstaller installer/workbench.spec

bundle="dist/$name"
echo "bundle: $bundle ($(du -sh "$bundle" | cut -f1))"
"$bundle/workbench" --self-test
QT_QPA_PLATFORM=offscreen "$bundle/workbench-gui" --self-test

# The Linux desktop integration travels with the bundle, checked by the freedesktop validators.
share="$bundle/share"
mkdir -p "$share/applications" "$share/metainfo" "$share/icons/hicolor/scalable/apps"
cp installer/linux/*.desktop "$share/applications/"
cp installer/linux/*.metainfo.xml "$share/metainfo/"
cp "$staging/icons/workbench.svg" "$share/icons/hicolor/scalable/apps/dk.jobcenter.CaseworkerWorkbench.svg"
for size in 16 24 32 48 64 128 256; do
    mkdir -p "$share/icons/hicolor/${size}x${size}/apps"
    cp "$staging/icons/workbench-$size.png" \
       "$share/icons/hicolor/${size}x${size}/apps/dk.jobcenter.CaseworkerWorkbench.png"
done
desktop-file-validate "$share/applications/"*.desktop
appstreamcli validate --no-net "$share/metainfo/"*.metainfo.xml
echo "bundle OK: $bundle"
