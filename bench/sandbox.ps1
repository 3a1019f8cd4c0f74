<#
.SYNOPSIS
    Sandbox throughput: signed queryAcctCurrency and signed remittances with unique requestIds, replayed by wrk.
.DESCRIPTION
    The bodies are signed beforehand (PayoutPS.Bench bodies), so wrk spends nothing on signing. Each round
    starts a fresh sandbox process, runs both loads, and counts the payouts the sandbox really created.
    Called by bench/run.ps1.
#>
param(
    [string] $Configuration = 'Release',
    [int] $Rounds = 3,
    [int] $Seconds = 5,
    [Parameter(Mandatory)] [string] $BenchDll
)

$ErrorActionPreference = 'Stop'
$root = Split-Path $PSScriptRoot -Parent
$work = Join-Path ([IO.Path]::GetTempPath()) "payoutps-bench-$PID"
$null = New-Item -ItemType Directory -Force $work

. (Join-Path $PSScriptRoot 'common.ps1')

function Invoke-Wrk([string] $Url, [string] $Bodies) {
    $env:BODIES = $Bodies
    $output = & wrk -t1 -c32 "-d${Seconds}s" -s (Join-Path $PSScriptRoot 'sandbox.lua') $Url | Out-String
    if ($output -notmatch 'Requests/sec:\s+([\d.]+)') { throw "wrk printed no rate:`n$output" }
    if ($output -match 'Non-2xx or 3xx responses:\s+(\d+)') { Write-Warning "$($Matches[1]) non-2xx responses" }
    [double]$Matches[1]
}

$balances = Join-Path $work 'balances.txt'
$remittances = Join-Path $work 'remittances.txt'
& dotnet $BenchDll bodies balances 1 $balances
& dotnet $BenchDll bodies remittances (40000 * $Seconds) $remittances

$queryRates = @(); $remitRates = @(); $created = @()
try {
    for ($round = 1; $round -le $Rounds; $round++) {
        $sandbox = & (Join-Path $root 'src/PayoutPS.Sandbox/Start-PayoutSandbox.ps1') -Configuration $Configuration -Arguments '--merchants', (Join-Path $PSScriptRoot 'merchants.json')
        try {
            $base = $sandbox.BaseUri
            $queryRates += Invoke-Wrk "$base/api/v1/acct/queryAcctCurrency" $balances
            $remitRates += Invoke-Wrk "$base/api/v2/txn/remittance" $remittances
            $state = Invoke-RestMethod "$($sandbox.Control)/state"
            $created += @($state.payouts).Count
        }
        finally {
            Stop-Process -Id $sandbox.Process.Id -ErrorAction Ignore
            Remove-Item $sandbox.Log -ErrorAction Ignore
        }
    }
}
finally {
    Remove-Item $work -Recurse -Force -ErrorAction Ignore
}

$q = Get-Median $queryRates
$r = Get-Median $remitRates
'signed queryAcctCurrency:            median {0:N0} req/s (runs: {1})  target >= 5000  {2}' -f $q, (($queryRates | ForEach-Object { '{0:N0}' -f $_ }) -join ', '), $(if ($q -ge 5000) { 'PASS' } else { 'FAIL' })
'signed remittances, unique requestId: median {0:N0} req/s (runs: {1})  target >= 3000  {2}' -f $r, (($remitRates | ForEach-Object { '{0:N0}' -f $_ }) -join ', '), $(if ($r -ge 3000) { 'PASS' } else { 'FAIL' })
'payouts created per round: {0}' -f ($created -join ', ')
