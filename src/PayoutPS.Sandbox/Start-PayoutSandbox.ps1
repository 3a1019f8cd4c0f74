<#
.SYNOPSIS
    Starts the built sandbox on a free loopback port and returns once it accepts requests.
.DESCRIPTION
    One way to start the emulator for the demo, the Pester tests and the benchmarks: it waits for the ready
    file (so nobody races the server) and returns Process, BaseUri, Port, Control (the /_sandbox URL) and
    Log. Stop it with Stop-Process -Id $sandbox.Process.Id. Build first: ./build.sh build.
.EXAMPLE
    $sandbox = & ./src/PayoutPS.Sandbox/Start-PayoutSandbox.ps1 -Arguments '--status-step-seconds', '0.5'
.EXAMPLE
    $sandbox = & ./Start-PayoutSandbox.ps1 -Command ~/.dotnet/tools/payoutps-sandbox   # the installed .NET tool
#>
param(
    [ValidateSet('Debug', 'Release')] [string] $Configuration = 'Release',
    # More sandbox options, as on its command line (see README.md beside this script).
    [string[]] $Arguments = @(),
    [int] $TimeoutSec = 30,
    # The sandbox installed as a .NET tool (payoutps-sandbox) instead of the one built in this tree.
    [string] $Command
)

$ErrorActionPreference = 'Stop'
$program = $Command
$leading = @()
if (-not $Command) {
    $dll = Join-Path $PSScriptRoot "bin/$Configuration/net10.0/PayoutPS.Sandbox.dll"
    if (-not (Test-Path $dll)) { throw "The sandbox is not built: $dll is missing. Run ./build.sh build." }
    $program = 'dotnet'
    $leading = @($dll)
}

$ready = Join-Path ([IO.Path]::GetTempPath()) ('payoutps-sandbox-' + [guid]::NewGuid().ToString('N'))
$log = "$ready.log"
# Start-Process joins -ArgumentList with spaces: quote each one, or a %TEMP% with a space splits the path.
$quoted = ($leading + @('--port', '0', '--ready-file', $ready) + $Arguments) | ForEach-Object { '"' + ($_ -replace '"', '\"') + '"' }
$process = Start-Process $program -ArgumentList ($quoted -join ' ') -PassThru -RedirectStandardOutput $log
$deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSec)
while (-not (Test-Path $ready)) {
    if ($process.HasExited -or [DateTime]::UtcNow -gt $deadline) {
        Stop-Process -Id $process.Id -ErrorAction Ignore
        throw "The sandbox did not start: $(Get-Content $log -Raw -ErrorAction Ignore)"
    }
    Start-Sleep -Milliseconds 50
}

$base = (Get-Content $ready -Raw).Trim()
Remove-Item $ready
[pscustomobject]@{
    Process = $process
    BaseUri = $base
    Port    = ([uri]$base).Port
    Control = $base -replace '/payout$', '/_sandbox'
    Log     = $log
}
