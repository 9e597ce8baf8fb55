# Build the Windows installer: PyInstaller bundle, self-test, signing, then Inno Setup.
# Run from the repository root with Python 3.11 (py launcher) and Inno Setup 6.1+'s iscc.exe
# on PATH. The bundle is built in build\bundle-venv from installer\requirements.lock alone,
# every file checked against its hash: Qt, SQLCipher (the encryption extra), PyInstaller.
#
# Signing (optional): pass the sign tool's command line with $f where the file name goes,
# as -SignTool or in WORKBENCH_SIGNTOOL, e.g.
#   -SignTool 'signtool.exe sign /fd sha256 /tr http://timestamp.example /td sha256 /sha1 THUMBPRINT $f'
# It signs workbench.exe and workbench-gui.exe before they are packed, then Setup and its
# uninstaller (Inno Setup's SignTool directive). Without it nothing is signed.
param([string]$SignTool = $env:WORKBENCH_SIGNTOOL)
$ErrorActionPreference = "Stop"

function Invoke-Sign([string]$file) {
    $command = $SignTool.Replace('$q', '"').Replace('$f', "`"$file`"")
    cmd /c $command
    if ($LASTEXITCODE -ne 0) { throw "signing $file failed" }
}

Remove-Item -Recurse -Force build\bundle-venv -ErrorAction SilentlyContinue
py -3.11 -m venv build\bundle-venv
if ($LASTEXITCODE -ne 0) { throw "could not make build\bundle-venv" }
$env:PATH = "$PWD\build\bundle-venv\Scripts;$env:PATH"
python -m pip install --quiet --require-hashes --no-deps -r installer\requirements.lock
if ($LASTEXITCODE -ne 0) { throw "the locked dependencies did not install" }
python -m pip check
if ($LASTEXITCODE -ne 0) { throw "the lock is inconsistent" }
$version = python -c "import tomllib; print(tomllib.load(open('pyproject.toml','rb'))['project']['version'])"

Remove-Item -Recurse -Force build\staging -ErrorAction SilentlyContinue
New-Item -ItemType Directory -Force build\staging | Out-Null
Copy-Item -Recurse resources build\staging\resources
Remove-Item build\staging\resources\translations\*.ts
python -m ui.i18n --out build\staging\resources\translations
python installer\make_icons.py build\staging\icons
# The spec embeds the version resource (from pyproject.toml) in both executables.
python -m PyInstaller --noconfirm --clean --distpath dist --workpath build\pyinstaller installer\workbench.spec
if ($LASTEXITCODE -ne 0) { throw "PyInstaller failed" }
& dist\caseworker-workbench\workbench.exe --self-test
if ($LASTEXITCODE -ne 0) { throw "the bundle's self-test failed" }
$env:QT_QPA_PLATFORM = "offscreen"
& dist\caseworker-workbench\workbench-gui.exe --self-test | Out-Host
if ($LASTEXITCODE -ne 0) { throw "the desktop app's self-test failed" }
Remove-Item Env:\QT_QPA_PLATFORM

$iscc = @("/DAppVersion=$version")
if ($SignTool) {
    Invoke-Sign "dist\caseworker-workbench\workbench.exe"
    Invoke-Sign "dist\caseworker-workbench\workbench-gui.exe"
    $iscc += @("/DSign", "/Sworkbenchsign=$SignTool")
}
iscc @iscc installer\windows\workbench.iss
if ($LASTEXITCODE -ne 0) { throw "iscc failed" }
