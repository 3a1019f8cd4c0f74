<#
.SYNOPSIS
    Where Import-Module's time goes (issue 19's import target): the module as built against copies of it without
    its type file, without its format file, and without both, each imported by a fresh pwsh.
.DESCRIPTION
    Per round, alternated: `pwsh -NoProfile -c exit` (bare), then `pwsh -NoProfile -c 'Import-Module <copy>; exit'`
    for each copy. Import = the median of a copy minus the median of bare. The copies differ from the module as
    built only in their manifest, so the differences are what PowerShell spends loading PayoutPS.types.ps1xml
    and PayoutPS.format.ps1xml. These are measurements, not a proposal: the copies lose the ISO times of
    Export-Csv (types) and the tables (formats).
    Runs alone: pwsh bench/import-parts.ps1 [-Rounds 10]
#>
param([int] $Rounds = 10)

$ErrorActionPreference = 'Stop'
$root = Split-Path $PSScriptRoot -Parent
$built = Join-Path $root 'out/PayoutPS'
$work = Join-Path ([IO.Path]::GetTempPath()) "payoutps-import-parts-$PID"
. (Join-Path $PSScriptRoot 'common.ps1')
$pwsh = Join-Path $PSHOME 'pwsh.dll'

function New-ModuleCopy([string] $Name, [string[]] $DropKeys) {
    $copy = Join-Path $work "$Name/PayoutPS"
    $null = New-Item -ItemType Directory -Force (Split-Path $copy)
    Copy-Item $built $copy -Recurse
    $manifest = Join-Path $copy 'PayoutPS.psd1'
    $lines = Get-Content $manifest | Where-Object { $line = $_; -not ($DropKeys | Where-Object { $line -match "^\s*$_\s*=" }) }
    Set-Content $manifest $lines
    $manifest
}

function Measure-Start([string] $Command) {
    $watch = [Diagnostics.Stopwatch]::StartNew()
    & dotnet $pwsh -NoLogo -NoProfile -NonInteractive -Command $Command
    if ($LASTEXITCODE -ne 0) { throw "pwsh -c '$Command' exited with $LASTEXITCODE." }
    $watch.Elapsed.TotalSeconds
}

try {
    $copies = [ordered]@{
        'as built'               = Join-Path $built 'PayoutPS.psd1'
        'without types'          = New-ModuleCopy 'no-types' 'TypesToProcess'
        'without formats'        = New-ModuleCopy 'no-formats' 'FormatsToProcess'
        'without types, formats' = New-ModuleCopy 'neither' 'TypesToProcess', 'FormatsToProcess'
    }
    Write-Host "== Import-Module in a fresh pwsh: the module as built and copies without its type or format file, $Rounds alternated rounds =="
    $bare = [Collections.Generic.List[double]]::new()
    $times = @{}
    foreach ($name in $copies.Keys) { $times[$name] = [Collections.Generic.List[double]]::new() }
    for ($round = 1; $round -le $Rounds; $round++) {
        $bare.Add((Measure-Start 'exit'))
        foreach ($name in $copies.Keys) { $times[$name].Add((Measure-Start "Import-Module '$($copies[$name])'; exit")) }
    }

    $bareMedian = Get-Median $bare
    '| module | import | import / bare pwsh ({0:N3} s) |' -f $bareMedian
    '|---|---|---|'
    foreach ($name in $copies.Keys) {
        $import = (Get-Median $times[$name]) - $bareMedian
        '| {0} | {1:N3} s | {2:P0} |' -f $name, $import, ($import / $bareMedian)
    }
}
finally {
    Remove-Item $work -Recurse -Force -ErrorAction Ignore
}
