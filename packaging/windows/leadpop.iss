; Inno Setup 6 recipe: a per-user Leadpop installer (no admin rights) from the one-folder
; bundle. On the Windows build machine, after `python packaging\build.py`:
;
;   iscc /DAppVersion=0.1.0 packaging\windows\leadpop.iss
;
; (build.py runs this itself when iscc.exe is installed.) Result: dist\leadpop-0.1.0-setup.exe
;
; - installs into %LOCALAPPDATA%\Programs\Leadpop, Start-menu entry for this user only
; - task "start with Windows": the same HKCU Run value Leadpop's own setting writes
; - a leadpop.toml next to the setup .exe (IT's settings) is copied next to leadpop.exe
; - the uninstaller keeps the leads, settings and logs (%LOCALAPPDATA%\Leadpop) unless
;   the user answers Yes to removing them, or IT passes /PURGE=1 to a silent uninstall

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#define Bundle "..\..\dist\leadpop"

[Setup]
AppId={{5C3E8E0B-4D0A-4C57-9F53-3A9F1E7B2D41}
AppName=Leadpop
AppVersion={#AppVersion}
AppVerName=Leadpop {#AppVersion}
AppPublisher=Leadpop
PrivilegesRequired=lowest
DefaultDirName={userpf}\Leadpop
DefaultGroupName=Leadpop
DisableProgramGroupPage=yes
DisableDirPage=auto
OutputDir=..\..\dist
OutputBaseFilename=leadpop-{#AppVersion}-setup
SetupIconFile=leadpop.ico
UninstallDisplayIcon={app}\leadpop.exe
UninstallDisplayName=Leadpop
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; A running Leadpop is closed for an update (Windows Restart Manager).
CloseApplications=yes
RestartApplications=no

[Languages]
Name: "dutch"; MessagesFile: "compiler:Languages\Dutch.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
dutch.AutostartTask=Leadpop starten als ik me aanmeld bij Windows
english.AutostartTask=Start Leadpop when I sign in to Windows
dutch.RemoveData=Ook je leads, instellingen en logbestanden van deze pc verwijderen?%n%nKies Nee om ze te bewaren voor een nieuwe installatie.
english.RemoveData=Also remove your leads, settings and log files from this PC?%n%nChoose No to keep them for a new installation.

[Tasks]
Name: "autostart"; Description: "{cm:AutostartTask}"

[InstallDelete]
; An update replaces the program folder whole: no library of an older version stays behind.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#Bundle}\leadpop.exe"; DestDir: "{app}"; Flags: ignoreversion
Source: "{#Bundle}\leadpop-cli.exe"; DestDir: "{app}"; Flags: ignoreversion
Source: "{#Bundle}\_internal\*"; DestDir: "{app}\_internal"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "{src}\leadpop.toml"; DestDir: "{app}"; Flags: external skipifsourcedoesntexist

[Icons]
Name: "{group}\Leadpop"; Filename: "{app}\leadpop.exe"; WorkingDir: "{app}"
Name: "{group}\{cm:UninstallProgram,Leadpop}"; Filename: "{uninstallexe}"

[Registry]
; The value app\autostart.py reads and writes, so Leadpop's own setting shows it.
Root: HKCU; Subkey: "Software\Microsoft\Windows\CurrentVersion\Run"; ValueType: string; ValueName: "Leadpop"; ValueData: """{app}\leadpop.exe"""; Flags: uninsdeletevalue; Tasks: autostart

[UninstallDelete]
; IT's leadpop.toml came in as an "external" file, which the uninstaller doesn't track.
Type: files; Name: "{app}\leadpop.toml"

[Run]
Filename: "{app}\leadpop.exe"; Description: "{cm:LaunchProgram,Leadpop}"; Flags: nowait postinstall skipifsilent

[Code]
const
  DataDir = '{localappdata}\Leadpop';

procedure RemoveRunValue();
begin
  { Whoever wrote it (this installer or Leadpop's setting), it must not outlive the program. }
  RegDeleteValue(HKEY_CURRENT_USER, 'Software\Microsoft\Windows\CurrentVersion\Run', 'Leadpop');
end;

function WantsDataRemoved(): Boolean;
begin
  if UninstallSilent() then
    Result := ExpandConstant('{param:PURGE|0}') = '1'
  else
    Result := MsgBox(CustomMessage('RemoveData'), mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES;
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if CurUninstallStep = usPostUninstall then
  begin
    RemoveRunValue();
    if WantsDataRemoved() then
      DelTree(ExpandConstant(DataDir), True, True, True);
  end;
end;
