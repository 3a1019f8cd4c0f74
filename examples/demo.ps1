<#
.SYNOPSIS
    The README's first command: starts the local sandbox, pays examples/payouts.csv through it, stops it.
.DESCRIPTION
    Run it with ./build.sh demo (or ./build.ps1 -Task Demo), which builds first. The sandbox's default
    merchant has sandbox-only credentials (src/PayoutPS.Sandbox/README.md); nothing leaves this machine.
    The sample file shows individuals, businesses, payouts on behalf of a payer, one payout the sandbox
    fails on purpose (SANDBOX_FAIL) and one row refused before sending (an amount written "1,50").
#>
param([Parameter(Mandatory)] [string] $ModulePath)

$ErrorActionPreference = 'Stop'
$root = Split-Path $PSScriptRoot -Parent
$sandbox = & (Join-Path $root 'src/PayoutPS.Sandbox/Start-PayoutSandbox.ps1') -Arguments '--status-step-seconds', '0.5'
try {
    $port = $sandbox.Port
    Write-Host "Sandbox listening on 127.0.0.1:$port"

    Import-Module $ModulePath
    $env:PAYOUTPS_MERCHANT_ID = '800100'
    $env:PAYOUTPS_SECRET_KEY = '5a4d3c2b1a0f9e8d7c6b5a4d3c2b1a0f'   # the sandbox's documented demo merchant
    # Each demo run has a fresh sandbox, so it gets a fresh journal too (a journal belongs to one service).
    $journal = Join-Path ([IO.Path]::GetTempPath()) "payoutps-demo-$([guid]::NewGuid().ToString('N')).journal"
    & (Join-Path $PSScriptRoot 'Send-PayoutBatch.ps1') -CsvPath (Join-Path $PSScriptRoot 'payouts.csv') -JournalPath $journal -ModulePath $ModulePath -Environment Local -Port $port -WaitSeconds 30
    $batchExit = $LASTEXITCODE
}
finally {
    Remove-Item Env:PAYOUTPS_MERCHANT_ID, Env:PAYOUTPS_SECRET_KEY -ErrorAction Ignore
    Stop-Process -Id $sandbox.Process.Id -ErrorAction Ignore
    Remove-Item $sandbox.Log -ErrorAction Ignore
    if ($journal) { Remove-Item $journal, "$journal.lock", "$journal.notifications" -ErrorAction Ignore }   # the journal and the files beside it
}

# The sample holds one invalid row on purpose, so the batch script ends with exit code 2 (invalid input). The demo
# succeeds when that is exactly what happened; any other code is passed on, so a broken build fails the demo.
Write-Host "The demo's journal was deleted with its sandbox (each demo run starts both afresh); a real run keeps its journal."
if ($batchExit -eq 2) {
    Write-Host 'The batch script exited 2 (one row invalid), as this sample intends: the demo succeeded and exits 0.'
    exit 0
}
Write-Host "The batch script exited $batchExit, not the 2 this sample intends: the demo failed."
exit $(if ($batchExit) { $batchExit } else { 1 })
