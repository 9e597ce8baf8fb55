# Build the Windows installer: PyInstaller bundle, self-test, then Inno Setup.
# Run from the repository root in a Python 3.11+ environment with the project installed
# (pip install -e .[gui]) and Inno Setup 6's iscc.exe on PATH.
$ErrorActionPreference = "Stop"
$version = python -c "import tomllib; print(tomllib.load(open('pyproject.toml','rb'))['project']['version'])"
python -m pip install --quiet "pyinstaller>=6.10"
Remove-Item -Recurse -Force build\staging -ErrorAction SilentlyContinue
New-Item -ItemType Directory -Force build\staging | Out-Null
Copy-Item -Recurse resources build\staging\resources
Remove-Item build\staging\resources\translations\*.ts
python -m ui.i18n --out build\staging\resources\translations
python installer\make_icons.py build\staging\icons
python -m PyInstaller --noconfirm --clean --distpath dist --workpath build\pyinstaller installer\workbench.spec
& dist\caseworker-workbench\workbench.exe --self-test
if ($LASTEXITCODE -ne 0) { throw "the bundle's self-test failed" }
iscc /DAppVersion=$version installer\windows\workbench.iss
