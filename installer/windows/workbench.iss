; Inno Setup script: Caseworker Workbench for Windows (Inno Setup 6.1 or newer).
;
; Two install modes, as Inno Setup's "non administrative install mode" defines them:
;   - per user (the default, no administrator rights): %LOCALAPPDATA%\Programs\Caseworker
;     Workbench, start-menu entry for that user, uninstall entry under HKCU;
;   - per machine (/ALLUSERS, or "Install for all users" in the dialog; asks for elevation):
;     %ProgramFiles%\Caseworker Workbench, start-menu entry for all users, uninstall entry
;     under HKLM.
; {autopf} and {group} follow the mode, so an all-users install never lands in the
; administrator's own profile. A later update keeps the mode the first install chose
; (UsePreviousPrivileges, the default). The uninstaller removes the program but never a
; caseworker's data (the database, its backups and the logs live in each user's
; %LOCALAPPDATA%\caseworker-workbench, which this script does not touch).
;
; After copying, Setup runs `workbench.exe --self-test`. If it fails, Setup says so (a
; message box, suppressed by /SUPPRESSMSGBOXES), writes the self-test's exit code to its
; log (/LOG=...) and ends with exit code 10 instead of 0, so a deployment tool sees the
; failure. The files stay installed: `workbench --self-test` names what is wrong.
;
; Build: installer/windows/build.ps1 (reads the version from pyproject.toml, builds the
; bundle from the hash-pinned lock, signs if asked, then runs iscc). By hand:
;   iscc /DAppVersion=0.1.0 installer\windows\workbench.iss
; Signed (Setup and its uninstaller; the sign tool's command is IT's, "$f" is the file):
;   iscc /DAppVersion=0.1.0 /DSign "/Sworkbenchsign=signtool.exe sign /fd sha256 /tr http://timestamp.example /td sha256 /sha1 THUMBPRINT $f" installer\windows\workbench.iss
;
; Silent install for IT:
;   CaseworkerWorkbench-0.1.0-setup.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART [/ALLUSERS]
; Silent uninstall: unins000.exe in the install folder, /VERYSILENT /SUPPRESSMSGBOXES.
; Machine-wide defaults go in %PROGRAMDATA%\caseworker-workbench\config.toml (see README).

#if Ver < EncodeVer(6, 1, 0)
  #error Inno Setup 6.1 or newer is needed (GetCustomSetupExitCode)
#endif
#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z workbench.iss
#endif

#define AppName "Caseworker Workbench"
#define AppExe "workbench-gui.exe"
#define CliExe "workbench.exe"
#define BundleDir "..\..\dist\caseworker-workbench"
; Setup's exit code when the files were installed but the self-test failed.
#define SelfTestFailedExitCode 10

[Setup]
; The uninstall key is Software\Microsoft\Windows\CurrentVersion\Uninstall\{AppId}_is1
; (HKLM per machine, HKCU per user): the README's detection rule for Intune/SCCM uses it.
AppId={{6F1C2E7A-3B8D-4C55-9A61-0D2E4B7F9C13}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Jobcenter
; The version resource of Setup itself (the executables get theirs from PyInstaller).
VersionInfoVersion={#AppVersion}
VersionInfoProductName={#AppName}
VersionInfoProductVersion={#AppVersion}
VersionInfoCompany=Jobcenter
VersionInfoDescription={#AppName} Setup
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog commandline
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
OutputDir=..\..\dist
OutputBaseFilename=CaseworkerWorkbench-{#AppVersion}-setup
SetupIconFile=..\..\build\staging\icons\workbench.ico
UninstallDisplayIcon={app}\{#AppExe}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; The program stays in the tray when its window is closed: Setup asks it to close (Restart
; Manager) before replacing its files.
CloseApplications=yes
#ifdef Sign
; The sign tool "workbenchsign" is defined on iscc's command line (/S), by build.ps1.
SignTool=workbenchsign
SignedUninstaller=yes
#endif

[Languages]
Name: "danish"; MessagesFile: "compiler:Languages\Danish.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
danish.SelfTestFailed=Caseworker Workbench er installeret, men selvtesten fejlede (kode %1). Kør "workbench --self-test" i installationsmappen for at se hvad der mangler, eller kontakt IT.
english.SelfTestFailed=Caseworker Workbench was installed, but its self-test failed (code %1). Run "workbench --self-test" in the installation folder to see what is missing, or contact IT.
danish.SelfTestRunning=Kontrollerer installationen...
english.SelfTestRunning=Checking the installation...

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
; The same AppUserModelID as ui/appid.py, so Windows attributes the tray's toasts to it.
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"; AppUserModelID: "Jobcenter.CaseworkerWorkbench"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"

[Run]
; Only the optional "start now" box on the last page; the self-test runs from [Code].
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only what the program itself made in its folder; the user's data folder is never listed.
Type: filesandordirs; Name: "{app}\__pycache__"

[Code]
var
  SelfTestExitCode: Integer;

// Run the installed bundle's self-test once the files are in place. A [Run] entry could
// not do this truthfully: Setup ignores the exit codes of the programs it runs there.
procedure RunSelfTest;
var
  ResultCode: Integer;
begin
  WizardForm.StatusLabel.Caption := CustomMessage('SelfTestRunning');
  if not Exec(ExpandConstant('{app}\{#CliExe}'), '--self-test', ExpandConstant('{app}'),
              SW_HIDE, ewWaitUntilTerminated, ResultCode) then
    ResultCode := -1;
  Log(Format('workbench --self-test exit code: %d', [ResultCode]));
  SelfTestExitCode := ResultCode;
  if ResultCode <> 0 then
    SuppressibleMsgBox(FmtMessage(CustomMessage('SelfTestFailed'), [IntToStr(ResultCode)]),
                       mbCriticalError, MB_OK, IDOK);
end;

procedure CurStepChanged(CurStep: TSetupStep);
begin
  if CurStep = ssPostInstall then
    RunSelfTest;
end;

// Called only when Setup would otherwise end with 0: a failed self-test turns it into
// SelfTestFailedExitCode, which the deployment tool (Intune, SCCM) reports as a failure.
function GetCustomSetupExitCode: Integer;
begin
  if SelfTestExitCode <> 0 then
    Result := {#SelfTestFailedExitCode}
  else
    Result := 0;
end;

// "Start at logon" (Settings) is the user's own HKCU Run value (ui/autostart.py): a per-user
// uninstall removes it with the program, so no logon starts a program that is gone. (An
// all-users uninstall cannot reach other users' HKCU; Windows skips their dead entry.)
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usUninstall) and not IsAdminInstallMode then
    RegDeleteValue(HKEY_CURRENT_USER, 'Software\Microsoft\Windows\CurrentVersion\Run',
                   'CaseworkerWorkbench');
end;
