<#
.SYNOPSIS
    Batch benchmarks: New-Payout with a journal against the naive script, latency-bound throughput, and
    memory and resume time on a large file. Medians of alternated rounds in one run, after a warm-up.
.DESCRIPTION
    1. Throughput: `New-Payout -Path -Journal -ThrottleLimit 16 -Force` (the module reads the file) and
       `Import-Csv | New-Payout -Journal -ThrottleLimit 16 -Force` against bench/naive-batch.ps1, $Rows rows each,
       alternated, against one local sandbox that is reset before every round.
    2. Latency-bound: the sandbox's delay fault at 200 ms on every remittance; -ThrottleLimit 16 has a
       ceiling of 16 / 0.2 s = 80 payouts/s.
    3. Large file: $LargeRows rows in a child pwsh (peak working set from the process), then the same journal
       rerun (nothing left to send) timed; in both forms.
    Called by bench/run.ps1; runs alone too: pwsh bench/batch.ps1
#>
param(
    [int] $Rows = 10000,
    [int] $Rounds = 5,
    [int] $WarmupRows = 100000,
    [int] $LatencyRows = 800,
    [int] $LargeRows = 0,
    # The duplicate guard on for these rows with their own RequestIds (-DuplicateWindow given), as issue 15 asks to record.
    [switch] $Guard,
    # PayoutPS pays files without RequestIds under a -BatchId (ids derived from it; the guard on, with its final
    # check), as the README's unattended pattern does; the naive script still pays the keyed file.
    [switch] $BatchId
)

$ErrorActionPreference = 'Stop'
$root = Split-Path $PSScriptRoot -Parent
$module = Join-Path $root 'out/PayoutPS/PayoutPS.psd1'
Import-Module $module
$work = Join-Path ([IO.Path]::GetTempPath()) "payoutps-batch-bench-$PID"
$null = New-Item -ItemType Directory -Force $work
. (Join-Path $PSScriptRoot 'common.ps1')
$guardSplat = if ($Guard) { @{ DuplicateWindow = [TimeSpan]::FromHours(72) } } else { @{} }

# The file PayoutPS pays: keyed, or (-BatchId) without RequestIds, under a BatchId of its own.
function New-OursCsv([int] $Count, [string] $Prefix) {
    if ($BatchId) {
        $script:guardSplat = @{ BatchId = "bench-$Prefix-$PID" } + $(if ($Guard) { @{ DuplicateWindow = [TimeSpan]::FromHours(72) } } else { @{} })
        New-PayrollCsv $work $Count $Prefix -Unkeyed
    }
    else { New-PayrollCsv $work $Count $Prefix }
}

function Reset-Sandbox($Sandbox) { $null = Invoke-RestMethod -Method Post "$($Sandbox.Control)/reset" }

function Measure-Rate([int] $Count, [scriptblock] $Run) {
    $watch = [Diagnostics.Stopwatch]::StartNew()
    & $Run
    $Count / $watch.Elapsed.TotalSeconds
}

$sandbox = & (Join-Path $root 'src/PayoutPS.Sandbox/Start-PayoutSandbox.ps1') -Arguments '--merchant', "${merchant}:${secretText}:USD=100000000000.00"
try {
    $null = Connect-PayoutEnvironment Local -Port $sandbox.Port -MerchantId $merchant -SecretKey $secret
    $path = [Collections.Generic.List[double]]::new(); $piped = [Collections.Generic.List[double]]::new(); $naive = [Collections.Generic.List[double]]::new()
    Write-Host "== Batch throughput: $Rows rows, $Rounds alternated rounds after a warm-up ($WarmupRows rows for each PayoutPS form, $Rows for the script), local sandbox =="
    for ($round = 0; $round -le $Rounds; $round++) {
        # Round 0 warms each side up to its steady state: PowerShell compiles the script once, within its first
        # rows; .NET's tiered PGO recompiles PayoutPS's hot code in stages and settles after about 100,000 rows
        # on this 2-core machine (round by round in bench/README.md).
        $oursCount = if ($round -eq 0) { $WarmupRows } else { $Rows }
        $csv = New-OursCsv $oursCount "P$round"
        Reset-Sandbox $sandbox
        $a = Measure-Rate $oursCount { New-Payout -Path $csv -Journal "$csv.journal" -ThrottleLimit 16 -Force @guardSplat | Out-Null }
        $csv = New-OursCsv $oursCount "I$round"
        Reset-Sandbox $sandbox
        $b = Measure-Rate $oursCount { Import-Csv $csv | New-Payout -Journal "$csv.journal" -ThrottleLimit 16 -Force @guardSplat | Out-Null }
        $csv = New-PayrollCsv $work $Rows "N$round"
        Reset-Sandbox $sandbox
        $c = Measure-Rate $Rows { & (Join-Path $PSScriptRoot 'naive-batch.ps1') -CsvPath $csv -BaseUri $sandbox.BaseUri -MerchantId $merchant -Secret $secretText }
        if ($round -gt 0) { $path.Add($a); $piped.Add($b); $naive.Add($c) }
        'round {0}: New-Payout -Path {1:N0}/s   Import-Csv | New-Payout {2:N0}/s   naive script {3:N0}/s' -f $round, $a, $b, $c
    }
    $naiveMedian = Get-Median $naive
    'naive Import-Csv | ForEach-Object script: median {0:N0} payouts/s' -f $naiveMedian
    foreach ($form in @(@{ Name = 'New-Payout -Path -Journal -ThrottleLimit 16'; Rates = $path }, @{ Name = 'Import-Csv | New-Payout -Journal -ThrottleLimit 16'; Rates = $piped })) {
        $median = Get-Median $form.Rates
        '{0}: median {1:N0} payouts/s (target >= 2,000), {2:N1}x the script (target >= 8x)' -f $form.Name, $median, ($median / $naiveMedian)
    }

    Write-Host "`n== Latency-bound: delay 200 ms on every remittance, $LatencyRows rows, -ThrottleLimit 16 =="
    Reset-Sandbox $sandbox
    $null = Invoke-RestMethod -Method Post "$($sandbox.Control)/faults" -ContentType 'application/json' `
        -Body (@{ path = '/api/v2/txn/remittance'; kind = 'delay'; probability = 1; seed = 1; delayMs = 200 } | ConvertTo-Json)
    $csv = New-OursCsv $LatencyRows 'L'
    $rate = Measure-Rate $LatencyRows { Import-Csv $csv | New-Payout -Journal "$csv.journal" -ThrottleLimit 16 -Force @guardSplat | Out-Null }
    '{0:N1} payouts/s = {1:P0} of the 80/s ceiling (target >= 90 %)' -f $rate, ($rate / 80)
    Reset-Sandbox $sandbox

    if ($LargeRows -gt 0) {
        Write-Host "`n== Large file: $LargeRows rows in a child pwsh, peak working set, then a rerun of the finished journal =="
        $csv = New-PayrollCsv $work $LargeRows 'M'
        # Both forms: the module reading the file (-Path), and Import-Csv piping a PowerShell object per row.
        $forms = [ordered]@{
            'New-Payout -Path'        = "New-Payout -Path '$csv' -Journal '$csv.path.journal' -ThrottleLimit 16 -Force | Out-Null"
            'Import-Csv | New-Payout' = "Import-Csv '$csv' | New-Payout -Journal '$csv.piped.journal' -ThrottleLimit 16 -Force | Out-Null"
        }
        foreach ($form in $forms.GetEnumerator()) {
            Reset-Sandbox $sandbox
            $child = @"
Import-Module '$module'
`$PSDefaultParameterValues['New-Payout:InformationAction'] = 'Ignore'   # its summary line: only the figures below are printed
`$s = [securestring]::new(); '$secretText'.ToCharArray() | % { `$s.AppendChar(`$_) }
`$null = Connect-PayoutEnvironment Local -Port $($sandbox.Port) -MerchantId $merchant -SecretKey `$s
`$w = [Diagnostics.Stopwatch]::StartNew()
$($form.Value)
'elapsed=' + [Math]::Round(`$w.Elapsed.TotalSeconds, 1) + ' s'
'peakMB=' + [Math]::Round([Diagnostics.Process]::GetCurrentProcess().PeakWorkingSet64 / 1MB)
"@
            $first = & dotnet (Join-Path $PSHOME 'pwsh.dll') -NoProfile -NonInteractive -Command $child
            '{0}: {1} (target peak <= 400 MB)' -f $form.Key, ($first -join ', ')
            $second = & dotnet (Join-Path $PSHOME 'pwsh.dll') -NoProfile -NonInteractive -Command $child
            '{0}, rerun of the finished journal: {1} (target <= 30 s)' -f $form.Key, ($second -join ', ')
        }
    }
}
finally {
    Disconnect-PayoutEnvironment
    Stop-Process -Id $sandbox.Process.Id -ErrorAction Ignore
    Remove-Item $work -Recurse -Force -ErrorAction Ignore
}
