; Inno Setup script: Caseworker Workbench for Windows.
;
; Per-user install without administrator rights, a start-menu entry, and an uninstaller
; that removes the program but never the caseworker's data (the database, its backups and
; the logs live in %LOCALAPPDATA%\caseworker-workbench, which this script does not touch).
;
; Build (on Windows, after PyInstaller made dist\caseworker-workbench):
;   iscc /DAppVersion=0.1.0 installer\windows\workbench.iss
; installer/windows/build.ps1 reads the version from pyproject.toml and does both steps.
;
; Silent install for IT (no questions, no restart, optionally another folder):
;   CaseworkerWorkbench-0.1.0-setup.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART [/DIR="..."]
; Silent uninstall:
;   "%LOCALAPPDATA%\Programs\Caseworker Workbench\unins000.exe" /VERYSILENT /SUPPRESSMSGBOXES
; Machine-wide defaults go in %PROGRAMDATA%\caseworker-workbench\config.toml (see README).

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z workbench.iss
#endif

#define AppName "Caseworker Workbench"
#define AppExe "workbench-gui.exe"
#define BundleDir "..\..\dist\caseworker-workbench"

[Setup]
AppId={{6F1C2E7A-3B8D-4C55-9A61-0D2E4B7F9C13}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=Jobcenter
DefaultDirName={localappdata}\Programs\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
OutputDir=..\..\dist
OutputBaseFilename=CaseworkerWorkbench-{#AppVersion}-setup
SetupIconFile=..\..\build\staging\icons\workbench.ico
UninstallDisplayIcon={app}\{#AppExe}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
CloseApplications=yes

[Languages]
Name: "danish"; MessagesFile: "compiler:Languages\Danish.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"

[Run]
; Proves the installed bundle is whole; IT sees a non-zero exit code in its deployment log.
Filename: "{app}\workbench.exe"; Parameters: "--self-test"; Flags: runhidden waituntilterminated
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only what the program itself made in its folder; the user's data folder is never listed.
Type: filesandordirs; Name: "{app}\__pycache__"
