<#
.SYNOPSIS
    Issue 18's pre-flight cost: New-Payout -Path with its balance check against -SkipBalanceCheck, on a file of
    $Rows rows (half given as send amounts, half as receive amounts, so quotes are asked), alternated for
    $Rounds rounds after a warm-up. The difference of the medians is the check's cost (target <= 5 % of the run).
    Runs alone: pwsh bench/preflight.ps1 [-Rows 20000] [-Rounds 5]
#>
param(
    [int] $Rows = 20000,
    [int] $Rounds = 5
)

$ErrorActionPreference = 'Stop'
$root = Split-Path $PSScriptRoot -Parent
Import-Module (Join-Path $root 'out/PayoutPS/PayoutPS.psd1')
. (Join-Path $PSScriptRoot 'common.ps1')
$work = Join-Path ([IO.Path]::GetTempPath()) "payoutps-preflight-bench-$PID"
$null = New-Item -ItemType Directory -Force $work

function New-CostCsv([string] $Prefix) {
    $path = Join-Path $work "$Prefix.csv"
    $writer = [IO.StreamWriter]::new($path, $false, [Text.UTF8Encoding]::new($false))
    $writer.WriteLine('RequestId,FirstName,LastName,AccountNumber,Country,City,AddressLine1,SendAmount,ReceiveAmount,SourceCurrency,TargetCurrency,Purpose')
    for ($i = 1; $i -le $Rows; $i++) {
        $amount = '{0}.{1:D2}' -f ($i % 90 + 1), ($i % 100)
        $send, $receive = if ($i % 2) { $amount, '' } else { '', $amount }
        $writer.WriteLine(('{0}-{1:D6},Anna,Müller,DE89370400440532013000,DE,Berlin,Unter den Linden 1,{2},{3},USD,EUR,1' -f $Prefix, $i, $send, $receive))
    }
    $writer.Dispose()
    $path
}

$sandbox = & (Join-Path $root 'src/PayoutPS.Sandbox/Start-PayoutSandbox.ps1') -Arguments '--merchant', "${merchant}:${secretText}:USD=100000000000.00"
try {
    $null = Connect-PayoutEnvironment Local -Port $sandbox.Port -MerchantId $merchant -SecretKey $secret
    Write-Host "== Pre-flight: $Rows rows through New-Payout -Path, with the balance check and with -SkipBalanceCheck, $Rounds alternated rounds after a warm-up =="
    $checked = [Collections.Generic.List[double]]::new(); $skipped = [Collections.Generic.List[double]]::new()
    for ($round = 0; $round -le $Rounds; $round++) {
        $times = @{}
        foreach ($mode in 'check', 'skip') {
            $null = Invoke-RestMethod -Method Post "$($sandbox.Control)/reset"
            $csv = New-CostCsv "$mode$round"
            $watch = [Diagnostics.Stopwatch]::StartNew()
            New-Payout -Path $csv -Journal "$csv.journal" -ThrottleLimit 16 -Force -SkipBalanceCheck:($mode -eq 'skip') -SummaryVariable summary | Out-Null
            $times[$mode] = $watch.Elapsed.TotalSeconds
            if ($summary.Created -ne $Rows) { throw "round ${round} ($mode): $($summary.Created) of $Rows created: $summary" }
        }
        if ($round -gt 0) { $checked.Add($times.check); $skipped.Add($times.skip) }
        'round {0}: with the check {1:N2} s, -SkipBalanceCheck {2:N2} s' -f $round, $times.check, $times.skip
    }
    $c = Get-Median $checked; $s = Get-Median $skipped
    'median: with the check {0:N2} s, -SkipBalanceCheck {1:N2} s: the check costs {2:N2} s = {3:P1} of the run (target <= 5 %)' -f $c, $s, ($c - $s), (($c - $s) / $c)
}
finally {
    Disconnect-PayoutEnvironment
    Stop-Process -Id $sandbox.Process.Id -ErrorAction Ignore
    Remove-Item $work -Recurse -Force -ErrorAction Ignore
}
