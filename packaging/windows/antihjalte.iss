; Inno Setup script for Antihjälte Desktop (UNTESTED: written without a Windows machine).
; Build the one-folder bundle first on Windows:  pyinstaller --noconfirm packaging\antihjalte.spec
; then:  iscc packaging\windows\antihjalte.iss   -> dist\antihjalte-setup.exe
; Installs per user (no admin), a Start menu shortcut to the windowed launcher, and an
; optional "start at login" entry in HKCU\...\Run (the same value the app's own checkbox writes).

#define AppName "Antihjälte"
#define AppVersion "0.1.0"

[Setup]
AppId={{6C1B7E4A-3F0B-4F7A-9C51-5E2D7A1B9C03}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=Antihjälte Desktop contributors
DefaultDirName={localappdata}\Programs\Antihjalte
DefaultGroupName={#AppName}
PrivilegesRequired=lowest
OutputDir=..\..\dist
OutputBaseFilename=antihjalte-setup
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=auto

[Languages]
Name: "sv"; MessagesFile: "compiler:Languages\Swedish.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "autostart"; Description: "{cm:AutoStartProgram,{#AppName}}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "..\..\dist\antihjalte\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\antihjalte.exe"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"

[Registry]
Root: HKCU; Subkey: "Software\Microsoft\Windows\CurrentVersion\Run"; ValueType: string; \
  ValueName: "Antihjalte"; ValueData: """{app}\antihjalte.exe"" --autostart"; \
  Flags: uninsdeletevalue; Tasks: autostart

[Run]
Filename: "{app}\antihjalte.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
