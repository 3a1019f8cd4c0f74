<#
.SYNOPSIS
    Makes a copy of this pwsh with its engine ReadyToRun-compiled, as the installed PowerShell releases ship it.
.DESCRIPTION
    The pwsh these benchmarks run is the `powershell` .NET tool package, whose System.Management.Automation and
    host assemblies are IL only: every fresh process JIT-compiles the engine, which an installed PowerShell (MSI,
    deb, zip) does not. To measure what a scheduled task on a server gets, this compiles those assemblies with
    crossgen2 (Microsoft.NETCore.App.Crossgen2 from NuGet, the runtime's own version) into a copy of $PSHOME and
    prints the copy's pwsh.dll. Run a benchmark under it: dotnet <printed path> -File bench/coldstart.ps1
#>
param(
    [string] $Destination = (Join-Path ([IO.Path]::GetTempPath()) 'payoutps-pwsh-r2r')
)

$ErrorActionPreference = 'Stop'
$runtime = [Environment]::Version.ToString(3)   # the crossgen2 of the runtime this pwsh runs on
$rid = [Runtime.InteropServices.RuntimeInformation]::RuntimeIdentifier
$framework = Split-Path ([object].Assembly.Location)
$engine = 'System.Management.Automation', 'Microsoft.PowerShell.ConsoleHost', 'Microsoft.PowerShell.Commands.Utility',
    'Microsoft.PowerShell.Commands.Management', 'Microsoft.PowerShell.Security', 'Microsoft.PowerShell.SDK', 'pwsh', 'Newtonsoft.Json'

# crossgen2 comes from NuGet like everything else: a restore-only project downloads it.
$restore = Join-Path ([IO.Path]::GetTempPath()) "payoutps-crossgen2-$PID"
$null = New-Item -ItemType Directory -Force $restore
Set-Content (Join-Path $restore 'restore.csproj') @"
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>net$([Environment]::Version.Major).0</TargetFramework></PropertyGroup>
  <ItemGroup><PackageDownload Include="Microsoft.NETCore.App.Crossgen2.$rid" Version="[$runtime]" /></ItemGroup>
</Project>
"@
& dotnet restore (Join-Path $restore 'restore.csproj') -v quiet | Out-Host
if ($LASTEXITCODE -ne 0) { throw "Could not restore Microsoft.NETCore.App.Crossgen2.$rid $runtime." }
$assets = Get-Content -Raw (Join-Path $restore 'obj/project.assets.json') | ConvertFrom-Json
$crossgen = Join-Path @($assets.packageFolders.PSObject.Properties.Name)[0] "microsoft.netcore.app.crossgen2.$($rid.ToLowerInvariant())/$runtime/tools/crossgen2"
Remove-Item $restore -Recurse -Force

if (Test-Path $Destination) { Remove-Item $Destination -Recurse -Force }
Copy-Item $PSHOME $Destination -Recurse
$os, $arch = $rid -split '-', 2
if ($os -eq 'win') { $os = 'windows' }
foreach ($name in $engine) {
    $source = Join-Path $PSHOME "$name.dll"
    # A response file: pwsh would expand the reference wildcards itself on Unix, and crossgen2 wants the patterns.
    $arguments = Join-Path $Destination "$name.rsp"
    Set-Content $arguments @($source, '-o', (Join-Path $Destination "$name.dll"), '-r', (Join-Path $PSHOME '*.dll'), '-r', (Join-Path $framework '*.dll'),
        '--targetos', $os, '--targetarch', $arch, '-O')
    & $crossgen "@$arguments" | Out-Null
    Remove-Item $arguments
    if ($LASTEXITCODE -ne 0) { throw "crossgen2 failed on $name.dll." }
}
Join-Path $Destination 'pwsh.dll'
