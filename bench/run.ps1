<#
.SYNOPSIS
    Runs the PayoutPS benchmarks and prints medians measured side by side in one run.
.DESCRIPTION
    1. Import-Module cost: median of `pwsh -NoProfile -c 'Import-Module …; exit'` minus median of
       `pwsh -NoProfile -c exit`, the two alternated so machine noise hits both alike.
    2. Signing throughput (bench/PayoutPS.Bench) against `openssl speed rsa2048`.
    3. Sandbox throughput: wrk replaying pre-signed requests (bench/sandbox.ps1).
    4. Batches: New-Payout against the naive script, latency-bound, a million rows (bench/batch.ps1; minutes).
    5. The duplicate guard's cost and the peak memory of a million-row batch, measured from outside the
       process (bench/guard.ps1; minutes).
    Run it through the build script: ./build.sh bench
#>
[CmdletBinding()]
param(
    [string] $Configuration = 'Release',
    [int] $ImportRuns = 21,
    [int] $SandboxRounds = 3,
    [int] $SandboxSeconds = 5
)

$ErrorActionPreference = 'Stop'
$root = Split-Path $PSScriptRoot -Parent
$module = Join-Path $root 'out/PayoutPS/PayoutPS.psd1'
if (-not (Test-Path $module)) { & (Join-Path $root 'build.ps1') -Task Build }
if (-not (Get-Command wrk -ErrorAction Ignore)) { throw 'wrk is needed for the sandbox benchmark: apt-get install wrk' }

# Everything printed is also kept, and written into bench/README.md at the end (between its bench:latest markers).
$transcript = Join-Path ([IO.Path]::GetTempPath()) "payoutps-bench-$PID.txt"
$null = Start-Transcript -Path $transcript -UseMinimalHeader

# Import cost first, while nothing else has run: it is the most sensitive to background noise.
Write-Host "== Import-Module cost ($ImportRuns alternated runs each) =="
$pwshDll = Join-Path $PSHOME 'pwsh.dll'
function Measure-Pwsh([string] $Command) {
    $watch = [Diagnostics.Stopwatch]::StartNew()
    & dotnet $pwshDll -NoLogo -NoProfile -NonInteractive -Command $Command | Out-Null
    $watch.Elapsed.TotalMilliseconds
}
. (Join-Path $PSScriptRoot 'common.ps1')

# For scale: an empty manifest module pays PowerShell's own module-system start-up, which no module avoids.
$emptyModule = Join-Path ([IO.Path]::GetTempPath()) "payoutps-bench-empty/Empty.psd1"
$null = New-Item -ItemType Directory -Force (Split-Path $emptyModule)
Set-Content $emptyModule "@{ ModuleVersion = '1.0'; FunctionsToExport = @() }"

$baseline = [Collections.Generic.List[double]]::new()
$withImport = [Collections.Generic.List[double]]::new()
$withEmpty = [Collections.Generic.List[double]]::new()
$null = Measure-Pwsh 'exit'   # warm the disk cache
for ($i = 0; $i -lt $ImportRuns; $i++) {
    $baseline.Add((Measure-Pwsh 'exit'))
    $withImport.Add((Measure-Pwsh "Import-Module '$module'; exit"))
    $withEmpty.Add((Measure-Pwsh "Import-Module '$emptyModule'; exit"))
}

$base = Get-Median $baseline
$import = Get-Median $withImport
$empty = Get-Median $withEmpty
$cost = $import - $base
'pwsh -c exit:                         median {0:N0} ms' -f $base
'pwsh -c Import-Module PayoutPS; exit: median {0:N0} ms' -f $import
'pwsh -c Import-Module Empty; exit:    median {0:N0} ms' -f $empty
'Import-Module cost:                   {0:N0} ms  target <= 150 ms  {1}' -f $cost, $(if ($cost -le 150) { 'PASS' } else { 'FAIL' })
'  of which an empty manifest module:  {0:N0} ms (PowerShell module-system start-up)' -f ($empty - $base)

Write-Host "`n== Signing throughput =="
$benchDll = Join-Path $PSScriptRoot "PayoutPS.Bench/bin/$Configuration/net10.0/PayoutPS.Bench.dll"
& dotnet $benchDll signing 5 2
if ($LASTEXITCODE -ne 0) { throw 'The signing benchmark failed.' }

Write-Host "`n== Sandbox throughput (wrk from a separate process, loopback, $SandboxRounds alternated rounds of ${SandboxSeconds}s) =="
& (Join-Path $PSScriptRoot 'sandbox.ps1') -Configuration $Configuration -Rounds $SandboxRounds -Seconds $SandboxSeconds -BenchDll $benchDll


Write-Host "`n== Batches (bench/batch.ps1) =="
& (Join-Path $PSScriptRoot 'batch.ps1') -Rows 10000 -Rounds 5 -LatencyRows 800 -LargeRows 1000000

Write-Host "`n== Duplicate guard and memory (bench/guard.ps1) =="
& (Join-Path $PSScriptRoot 'guard.ps1') -LargeRows 1000000 -Rows 20000 -SeedPayouts 100000 -Rounds 3

$null = Stop-Transcript
# The transcript's own header and footer lines (rows of asterisks and "PowerShell transcript ...") are left out.
$lines = Get-Content $transcript | Where-Object { $_ -notmatch '^\*{10,}$|^PowerShell transcript|^Start time:|^End time:|^Transcript started' }
Remove-Item $transcript
$readme = Join-Path $PSScriptRoot 'README.md'
$section = @(
    '<!-- bench:latest:begin -->'
    "## Latest run (written by ./build.sh bench, $((Get-Date).ToUniversalTime().ToString('yyyy-MM-dd HH:mm')) UTC, $([Environment]::ProcessorCount) cores, .NET $([Environment]::Version), pwsh $($PSVersionTable.PSVersion))"
    ''
    '```text'
    $lines
    '```'
    '<!-- bench:latest:end -->'
) -join "`n"
$text = Get-Content $readme -Raw
$text = [regex]::Replace($text, '(?s)<!-- bench:latest:begin -->.*?<!-- bench:latest:end -->', { param($m) $section })
Set-Content $readme $text -NoNewline -Encoding utf8
Write-Host "bench/README.md updated with this run."
