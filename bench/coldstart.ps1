<#
.SYNOPSIS
    What a scheduled task gets: a fresh process. Import time, and the rate of the first rows, with the module
    as built (JIT) and with its net8.0 assemblies ReadyToRun-compiled (crossgen2, for this machine's OS).
.DESCRIPTION
    Per round, alternated between the two builds of the module:
    1. `pwsh -NoProfile -c exit` (bare), and `pwsh -NoProfile -c 'Import-Module …; exit'`: import = the difference.
    2. In one fresh pwsh: the first $Rows rows (`New-Payout -Path -Journal -ThrottleLimit 16`, rows with their own
       RequestIds), then two more files of $Rows rows in the same process; the third is the warm rate.
    Targets (issue 19): the first $Rows rows at >= 80 % of the warm rate; import <= 25 % of a bare pwsh.
    Runs alone: pwsh bench/coldstart.ps1 [-Rows 20000] [-Rounds 5]
#>
param(
    [int] $Rows = 20000,
    [int] $Rounds = 5,
    [int] $StartRuns = 5
)

$ErrorActionPreference = 'Stop'
$root = Split-Path $PSScriptRoot -Parent
$built = Join-Path $root 'out/PayoutPS'
$work = Join-Path ([IO.Path]::GetTempPath()) "payoutps-coldstart-$PID"
$null = New-Item -ItemType Directory -Force $work
. (Join-Path $PSScriptRoot 'common.ps1')
$pwsh = Join-Path $PSHOME 'pwsh.dll'

# The same module with bin/net8.0 published ReadyToRun for this OS and architecture.
function New-ReadyToRunModule {
    $copy = Join-Path $work 'r2r/PayoutPS'
    $null = New-Item -ItemType Directory -Force (Split-Path $copy)
    Copy-Item $built $copy -Recurse
    Remove-Item (Join-Path $copy 'bin/net8.0') -Recurse
    $rid = [Runtime.InteropServices.RuntimeInformation]::RuntimeIdentifier
    $version = (Test-ModuleManifest (Join-Path $built 'PayoutPS.psd1')).Version
    & dotnet publish (Join-Path $root 'src/PayoutPS/PayoutPS.csproj') --nologo -v quiet -c Release -f net8.0 -r $rid --self-contained false `
        -p:PublishReadyToRun=true "-p:Version=$version" -o (Join-Path $copy 'bin/net8.0') | Out-Host
    if ($LASTEXITCODE -ne 0) { throw 'The ReadyToRun publish failed.' }
    Join-Path $copy 'PayoutPS.psd1'
}

function Measure-Start([string] $Command) {
    $watch = [Diagnostics.Stopwatch]::StartNew()
    & dotnet $pwsh -NoLogo -NoProfile -NonInteractive -Command $Command
    if ($LASTEXITCODE -ne 0) { throw "pwsh -c '$Command' exited with $LASTEXITCODE." }
    $watch.Elapsed.TotalSeconds
}

# Three files in one fresh process: the rates of the first and of the third.
function Measure-FreshRun([string] $Module, [int] $Round, [string] $Name) {
    $files = 1..3 | ForEach-Object { New-PayrollCsv $work $Rows "$Name$Round-$_" }
    $child = @"
`$ErrorActionPreference = 'Stop'
Import-Module '$Module'
`$s = [securestring]::new(); '$secretText'.ToCharArray() | % { `$s.AppendChar(`$_) }
`$null = Connect-PayoutEnvironment Local -Port $($sandbox.Port) -MerchantId $merchant -SecretKey `$s
foreach (`$file in '$($files -join "','")') {
    `$w = [Diagnostics.Stopwatch]::StartNew()
    New-Payout -Path `$file -Journal "`$file.journal" -ThrottleLimit 16 -Force -InformationAction Ignore -SummaryVariable summary | Out-Null
    if (`$summary.Created -ne $Rows) { throw "`$(`$summary.Created) of $Rows created" }
    'rate=' + ($Rows / `$w.Elapsed.TotalSeconds)
}
"@
    $rates = & dotnet $pwsh -NoLogo -NoProfile -NonInteractive -Command $child | ForEach-Object { if ($_ -match '^rate=(.+)$') { [double]$Matches[1] } }
    if (@($rates).Count -ne 3) { throw "The child run failed: $rates" }
    @{ First = $rates[0]; Warm = $rates[2] }
}

$modules = [ordered]@{ jit = (Join-Path $built 'PayoutPS.psd1'); r2r = (New-ReadyToRunModule) }
$sandbox = & (Join-Path $root 'src/PayoutPS.Sandbox/Start-PayoutSandbox.ps1') -Arguments '--merchant', "${merchant}:${secretText}:USD=100000000000.00"
try {
    Write-Host "== Cold start: import and the first $Rows rows in a fresh process, as built (jit) and ReadyToRun (r2r), $Rounds alternated rounds =="
    $results = @{}
    foreach ($name in $modules.Keys) { $results[$name] = @{ Bare = [Collections.Generic.List[double]]::new(); Import = [Collections.Generic.List[double]]::new(); First = [Collections.Generic.List[double]]::new(); Warm = [Collections.Generic.List[double]]::new() } }
    for ($round = 1; $round -le $Rounds; $round++) {
        foreach ($name in $modules.Keys) {
            for ($i = 0; $i -lt $StartRuns; $i++) {
                $results[$name].Bare.Add((Measure-Start 'exit'))
                $results[$name].Import.Add((Measure-Start "Import-Module '$($modules[$name])'; exit"))
            }
            $null = Invoke-RestMethod -Method Post "$($sandbox.Control)/reset"
            $run = Measure-FreshRun $modules[$name] $round $name
            $results[$name].First.Add($run.First); $results[$name].Warm.Add($run.Warm)
            'round {0} {1}: first {2:N0}/s, warm {3:N0}/s' -f $round, $name, $run.First, $run.Warm
        }
    }

    '| build | bare pwsh | import | import / bare | first {0:N0} rows | warm (third file) | first / warm |' -f $Rows
    '|---|---|---|---|---|---|---|'
    foreach ($name in $modules.Keys) {
        $r = $results[$name]
        $bare = Get-Median $r.Bare; $import = (Get-Median $r.Import) - $bare
        $first = Get-Median $r.First; $warm = Get-Median $r.Warm
        '| {0} | {1:N3} s | {2:N3} s | {3:P0} | {4:N0}/s | {5:N0}/s | {6:P0} |' -f $name, $bare, $import, ($import / $bare), $first, $warm, ($first / $warm)
    }
}
finally {
    Stop-Process -Id $sandbox.Process.Id -ErrorAction Ignore
    Remove-Item $work -Recurse -Force -ErrorAction Ignore
}
