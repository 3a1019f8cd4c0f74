<#
.SYNOPSIS
    Issue 15's benchmarks: peak memory of a million-row batch (run, rerun, Get-PayoutBatch) measured from
    outside the process, and the duplicate guard's cost with 100,000 payouts in its window.
.DESCRIPTION
    1. Memory: a file of $LargeRows rows without RequestIds (ids derived, the guard on), each step in its own
       pwsh under /usr/bin/time -v (maximum resident set size, what the operating system saw): New-Payout -Path
       with a journal, its rerun, Get-PayoutBatch -Summary, Get-PayoutBatch | Out-Null, and with -Reconcile
       Get-PayoutBatch -Reconcile (the ledger read back: a million payouts' entries), with -Refresh
       Get-PayoutBatch -Refresh -Summary (the service asked about every row not yet final).
    2. Guard: $SeedPayouts payouts already in the sandbox (another journal's), then a $Rows-row file of new
       payouts paid with the guard on (one listing of the window) and with -AllowDuplicate (no listing),
       alternated for $Rounds rounds after a warm-up; the difference of the medians is the guard's cost (its listing
       before the first row and its final check after the last), and the summary's FinalCheckDuration the final check's.
       With -LatencyMs, every request of those runs waits that long in the sandbox first (its delay fault), as
       against a service that far away: the listing and the run are then latency-bound, not bound by this
       machine's two cores that the sandbox shares with the client.
    Runs alone: pwsh bench/guard.ps1 [-LargeRows 1000000] [-Rows 20000] [-SeedPayouts 100000] [-LatencyMs 20] [-Reconcile] [-Refresh]
#>
param(
    [int] $LargeRows = 1000000,
    [int] $Rows = 20000,
    [int] $SeedPayouts = 100000,
    [int] $Rounds = 3,
    [int] $LatencyMs = 0,
    # Also Get-PayoutBatch -Reconcile on the million-row journal (the ledger read back: two million entries).
    [switch] $Reconcile,
    # Also Get-PayoutBatch -Refresh -Summary (one lookup per row whose status may still change: every row here).
    [switch] $Refresh
)

$ErrorActionPreference = 'Stop'
$root = Split-Path $PSScriptRoot -Parent
$module = Join-Path $root 'out/PayoutPS/PayoutPS.psd1'
Import-Module $module
$work = Join-Path ([IO.Path]::GetTempPath()) "payoutps-guard-bench-$PID"
$null = New-Item -ItemType Directory -Force $work
. (Join-Path $PSScriptRoot 'common.ps1')

function Reset-Sandbox($Sandbox) { $null = Invoke-RestMethod -Method Post "$($Sandbox.Control)/reset" }

# One step in a fresh pwsh under /usr/bin/time -v: its own output, then the maximum resident set in MB.
function Measure-Child([string] $Script) {
    $child = @"
Import-Module '$module'
`$s = [securestring]::new(); '$secretText'.ToCharArray() | % { `$s.AppendChar(`$_) }
`$null = Connect-PayoutEnvironment Local -Port $($sandbox.Port) -MerchantId $merchant -SecretKey `$s
`$w = [Diagnostics.Stopwatch]::StartNew()
$Script
'elapsed=' + [Math]::Round(`$w.Elapsed.TotalSeconds, 1) + ' s'
"@
    $report = Join-Path $work 'time.txt'
    $out = & /usr/bin/time -v -o $report dotnet (Join-Path $PSHOME 'pwsh.dll') -NoProfile -NonInteractive -Command $child
    $rss = (Select-String -Path $report -Pattern 'Maximum resident set size \(kbytes\): (\d+)').Matches[0].Groups[1].Value
    '{0}, maxRSS={1} MB' -f (($out | Select-Object -Last 1) -join ''), [Math]::Round([double]$rss / 1024)
}

$sandbox = & (Join-Path $root 'src/PayoutPS.Sandbox/Start-PayoutSandbox.ps1') -Arguments '--merchant', "${merchant}:${secretText}:USD=100000000000.00"
try {
    $null = Connect-PayoutEnvironment Local -Port $sandbox.Port -MerchantId $merchant -SecretKey $secret

    if ($LargeRows -gt 0) {
        Write-Host "== Memory: $LargeRows rows without RequestIds, the guard on; maximum resident set from /usr/bin/time -v (target <= 400 MB each) =="
        Reset-Sandbox $sandbox
        $csv = New-PayrollCsv $work $LargeRows 'M' -Unkeyed
        $journal = "$csv.journal"
        'New-Payout -Path -Journal:              ' + (Measure-Child "New-Payout -Path '$csv' -Journal '$journal' -ThrottleLimit 16 -Force | Out-Null")
        'its rerun (nothing left to send):       ' + (Measure-Child "New-Payout -Path '$csv' -Journal '$journal' -ThrottleLimit 16 -Force | Out-Null")
        'Get-PayoutBatch -Summary:               ' + (Measure-Child "Get-PayoutBatch -Journal '$journal' -Summary | Out-Null")
        'Get-PayoutBatch (every row) | Out-Null: ' + (Measure-Child "Get-PayoutBatch -Journal '$journal' | Out-Null")
        if ($Reconcile) { 'Get-PayoutBatch -Reconcile | Out-Null:  ' + (Measure-Child "Get-PayoutBatch -Journal '$journal' -Reconcile | Out-Null") }
        if ($Refresh) { 'Get-PayoutBatch -Refresh -Summary:      ' + (Measure-Child "Get-PayoutBatch -Journal '$journal' -Refresh -Summary | Out-Null") }
    }

    if ($SeedPayouts -gt 0) {
        $latency = if ($LatencyMs -gt 0) { ", $LatencyMs ms before every request" } else { ', loopback' }
        Write-Host "`n== Duplicate guard: $Rows new rows with $SeedPayouts earlier payouts in the window$latency, -ThrottleLimit 16, $Rounds alternated rounds after a warm-up =="
        $guarded = [Collections.Generic.List[double]]::new(); $allowed = [Collections.Generic.List[double]]::new(); $checks = [Collections.Generic.List[double]]::new()
        for ($round = 0; $round -le $Rounds; $round++) {
            Reset-Sandbox $sandbox
            $seed = New-PayrollCsv $work $SeedPayouts "S$round" -Unkeyed
            New-Payout -Path $seed -Journal "$seed.journal" -ThrottleLimit 16 -Force | Out-Null
            Start-Sleep -Seconds 3 # the earlier payouts are older than the runs measured, as they would be: the final check lists only what is new
            if ($LatencyMs -gt 0) {
                $null = Invoke-RestMethod -Method Post "$($sandbox.Control)/faults" -ContentType 'application/json' `
                    -Body (@{ path = '*'; kind = 'delay'; probability = 1; seed = 1; delayMs = $LatencyMs } | ConvertTo-Json)
            }
            $times = @{}
            foreach ($mode in 'guard', 'allow') {
                $csv = New-PayrollCsv $work $Rows "$mode$round" -Unkeyed
                $extra = @{ AllowDuplicate = $mode -eq 'allow' }
                $watch = [Diagnostics.Stopwatch]::StartNew()
                New-Payout -Path $csv -Journal "$csv.journal" -ThrottleLimit 16 -Force -SummaryVariable summary @extra | Out-Null
                $times[$mode] = $watch.Elapsed.TotalSeconds
                if ($summary.Created -ne $Rows) { throw "round ${round} ($mode): $($summary.Created) of $Rows created: $summary" }
                if ($mode -eq 'guard') { $times.check = $summary.FinalCheckDuration.TotalSeconds }
            }
            if ($round -gt 0) { $guarded.Add($times.guard); $allowed.Add($times.allow); $checks.Add($times.check / $times.guard) }
            'round {0}: guard on {1:N2} s (its final check {2:N2} s), -AllowDuplicate {3:N2} s' -f $round, $times.guard, $times.check, $times.allow
        }
        $g = Get-Median $guarded; $a = Get-Median $allowed
        'median: guard on {0:N2} s, -AllowDuplicate {1:N2} s: the guard (both listings) costs {2:N2} s = {3:P1} of the guarded run (target <= 10 %)' -f $g, $a, ($g - $a), (($g - $a) / $g)
        'median share of the final check in the guarded run: {0:P1} (target <= 5 %)' -f (Get-Median $checks)
    }
}
finally {
    Disconnect-PayoutEnvironment
    Stop-Process -Id $sandbox.Process.Id -ErrorAction Ignore
    Remove-Item $work -Recurse -Force -ErrorAction Ignore
}
