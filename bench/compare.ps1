<#
.SYNOPSIS
    Two builds of the module side by side: the batch rate of each, in alternated child processes against one
    sandbox, so machine noise hits both alike. For checking that a change did not slow the money path.
    -Mode ValidateOnly times checking alone (`$rows | New-Payout -ValidateOnly`, rows imported beforehand, nothing
    sent), and ValidateOnlyPath the same through -Path (the module's own CSV reader). -Mode PayUnkeyed pays a file
    without RequestIds (ids derived from the journal, every row guarded; each row its own Reference); PayPiped pays
    such a file as `Import-Csv | New-Payout -BatchId`, the piped form of `bench/batch.ps1 -BatchId`.
.EXAMPLE
    git worktree add /tmp/old <commit>; (cd /tmp/old && ./build.sh build)
    dotnet pwsh bench/compare.ps1 -Baseline /tmp/old/out/PayoutPS/PayoutPS.psd1
.EXAMPLE
    dotnet pwsh bench/compare.ps1 -Baseline /tmp/old/out/PayoutPS/PayoutPS.psd1 -Mode ValidateOnly -Rows 100000
#>
param(
    [Parameter(Mandatory)] [string] $Baseline,
    [string] $Candidate = (Join-Path (Split-Path $PSScriptRoot -Parent) 'out/PayoutPS/PayoutPS.psd1'),
    [int] $Rows = 10000,
    [int] $WarmupRows = 30000,
    [int] $Rounds = 5,
    [ValidateSet('Pay', 'PayUnkeyed', 'PayPiped', 'ValidateOnly', 'ValidateOnlyPath')] [string] $Mode = 'Pay'
)

$ErrorActionPreference = 'Stop'
$root = Split-Path $PSScriptRoot -Parent
. (Join-Path $PSScriptRoot 'common.ps1')
$sandbox = & (Join-Path $root 'src/PayoutPS.Sandbox/Start-PayoutSandbox.ps1') -Arguments '--merchant', "${merchant}:${secretText}:USD=100000000000.00"

# One child: its own warm-up, then $Rows rows timed; prints the rate.
function Measure-Build([string] $Module, [string] $Tag) {
    $child = @"
Import-Module '$Module'
`$s = [securestring]::new(); '$secretText'.ToCharArray() | % { `$s.AppendChar(`$_) }
`$null = Connect-PayoutEnvironment Local -Port $($sandbox.Port) -MerchantId $merchant -SecretKey `$s
function New-Csv([int] `$Count, [string] `$Prefix) {
    `$path = Join-Path ([IO.Path]::GetTempPath()) "`$Prefix-`$PID.csv"
    `$w = [IO.StreamWriter]::new(`$path)
    `$w.WriteLine('RequestId,FirstName,LastName,AccountNumber,Country,City,AddressLine1,SendAmount,SourceCurrency,TargetCurrency,Purpose,Reference')
    `$key = if ('$Mode' -in 'PayUnkeyed', 'PayPiped') { '' } else { '{0}-{1:D7}' }
    for (`$i = 1; `$i -le `$Count; `$i++) { `$w.WriteLine(((`$key + ',Anna,Müller,DE89370400440532013000,DE,Berlin,Unter den Linden 1,{2}.{3:D2},USD,EUR,1,{0}-{1}') -f `$Prefix, `$i, (`$i % 90 + 1), (`$i % 100))) }
    `$w.Dispose(); Remove-Item "`$path.journal*" -ErrorAction Ignore; `$path
}
function Invoke-Mode([string] `$Csv) {
    switch ('$Mode') {
        { `$_ -in 'Pay', 'PayUnkeyed' } { New-Payout -Path `$Csv -Journal "`$Csv.journal" -ThrottleLimit 16 -Force | Out-Null }
        'PayPiped' { Import-Csv `$Csv | New-Payout -Journal "`$Csv.journal" -BatchId (Split-Path `$Csv -LeafBase) -ThrottleLimit 16 -Force | Out-Null }
        'ValidateOnly' { `$rows = @(Import-Csv `$Csv); `$w.Restart(); `$rows | New-Payout -ValidateOnly -InformationAction Ignore | Out-Null }
        'ValidateOnlyPath' { New-Payout -Path `$Csv -ValidateOnly -InformationAction Ignore | Out-Null }
    }
}
`$w = [Diagnostics.Stopwatch]::new()
`$warm = New-Csv $WarmupRows ('W$Tag' + [guid]::NewGuid().ToString('N').Substring(0, 6))
Invoke-Mode `$warm
`$csv = New-Csv $Rows ('T$Tag' + [guid]::NewGuid().ToString('N').Substring(0, 6))
`$w.Restart()
Invoke-Mode `$csv
[Math]::Round($Rows / `$w.Elapsed.TotalSeconds)
Remove-Item `$warm, "`$warm.journal*", `$csv, "`$csv.journal*" -ErrorAction Ignore
"@
    [double](& dotnet (Join-Path $PSHOME 'pwsh.dll') -NoProfile -NonInteractive -Command $child | Select-Object -Last 1)
}

try {
    $base = [Collections.Generic.List[double]]::new(); $cand = [Collections.Generic.List[double]]::new()
    for ($round = 1; $round -le $Rounds; $round++) {
        # Which build goes first alternates: the second child of a round ran ~6 % slower with both slots the same build.
        $null = Invoke-RestMethod -Method Post "$($sandbox.Control)/reset"
        if ($round % 2) { $b = Measure-Build $Baseline 'B' } else { $c = Measure-Build $Candidate 'C' }
        $null = Invoke-RestMethod -Method Post "$($sandbox.Control)/reset"
        if ($round % 2) { $c = Measure-Build $Candidate 'C' } else { $b = Measure-Build $Baseline 'B' }
        $base.Add($b); $cand.Add($c)
        'round {0}: baseline {1:N0}/s   candidate {2:N0}/s' -f $round, $b, $c
    }
    $mb = Get-Median $base; $mc = Get-Median $cand
    'median: baseline {0:N0}/s, candidate {1:N0}/s, candidate/baseline {2:P0}' -f $mb, $mc, ($mc / $mb)
}
finally {
    Stop-Process -Id $sandbox.Process.Id -ErrorAction Ignore
}
