# Payroll files and batch runs in their own pwsh process, as a scheduled task runs them (dot-source after
# sandbox.ps1, with $Sandbox and $BatchScript set).
function Get-Payouts { @((Get-SandboxState $Sandbox).payouts) }

# A payroll file: row i pays (i mod $Distinct + 1).00 USD to the same payee, so without RequestIds many rows are identical.
function New-BatchCsv([int] $Count, [switch] $WithRequestId, [int] $Distinct = 25) {
    $path = Join-Path $TestDrive "batch-$([guid]::NewGuid().ToString('N').Substring(0, 8)).csv"
    1..$Count | ForEach-Object {
        $row = [ordered]@{}
        if ($WithRequestId) { $row.RequestId = 'B-{0:D5}' -f $_ }
        $row.FirstName = 'Anna'; $row.LastName = 'Müller'; $row.AccountNumber = 'DE89370400440532013000'; $row.Country = 'DE'
        $row.City = 'Berlin'; $row.AddressLine1 = 'Unter den Linden 1'; $row.SendAmount = '{0}.00' -f ($_ % $Distinct + 1)
        $row.SourceCurrency = 'USD'; $row.TargetCurrency = 'EUR'; $row.Purpose = '1'
        [pscustomobject]$row
    } | Export-Csv $path -NoTypeInformation -Encoding utf8
    $path
}

# Each amount of a distinct-row file (New-BatchCsv -Distinct equal to the count) stands for one payee's pay: the
# sandbox holds exactly one payout per row, none paid twice and none missing.
function Assert-EachRowPaidOnce([string] $Csv) {
    $expected = @(Import-Csv $Csv).SendAmount | Sort-Object
    (@(Get-Payouts).request.sourceAmount | Sort-Object) | Should -Be $expected
}

# examples/Send-PayoutBatch.ps1 in its own pwsh process, as a scheduled task would run it.
function Start-BatchProcess([string] $Csv, [string] $Journal, [string[]] $Extra = @()) {
    $pwsh = Join-Path $PSHOME 'pwsh.dll'
    $arguments = @($pwsh, '-NoLogo', '-NoProfile', '-NonInteractive', '-File', $BatchScript, '-CsvPath', $Csv, '-JournalPath', $Journal,
        '-Environment', 'Local', '-Port', $Sandbox.Port, '-WaitSeconds', '0', '-ModulePath', $ModulePath) + $Extra
    $log = Join-Path $TestDrive "child-$([guid]::NewGuid().ToString('N').Substring(0, 8))"
    Start-Process dotnet -ArgumentList $arguments -PassThru -RedirectStandardOutput "$log.out" -RedirectStandardError "$log.err" | Add-Member -PassThru Log $log
}

function Get-JournalLines([string] $Journal) {
    if (-not (Test-Path $Journal)) { return @() }
    $stream = [IO.FileStream]::new($Journal, 'Open', 'Read', 'ReadWrite')
    try { $reader = [IO.StreamReader]::new($stream); @($reader.ReadToEnd() -split "`n" | Where-Object { $_ }) }
    finally { $stream.Dispose() }
}

function Get-JournalCounts([string] $Journal) {
    $records = Get-JournalLines $Journal | ForEach-Object { try { ConvertFrom-Json $_ } catch { } }
    [pscustomobject]@{
        Intents  = @($records | Where-Object type -eq 'intent').Count
        Outcomes = @($records | Where-Object type -eq 'outcome').Count
    }
}

# Kills the run with SIGKILL once the journal holds $Outcomes outcomes; returns what the journal held then, and
# whether the kill landed (a fast run may end first).
function Stop-BatchAt([string] $Csv, [string] $Journal, [int] $Outcomes, [string[]] $Extra = @()) {
    $process = Start-BatchProcess $Csv $Journal $Extra
    $deadline = [DateTime]::UtcNow.AddSeconds(60)
    while (-not $process.HasExited -and [DateTime]::UtcNow -lt $deadline) {
        if ((Get-JournalCounts $Journal).Outcomes -ge $Outcomes) { break }
        Start-Sleep -Milliseconds 50
    }
    $killed = -not $process.HasExited
    if ($killed) { $process.Kill() }
    $process.WaitForExit()
    Get-JournalCounts $Journal | Add-Member -PassThru Killed $killed
}

function Invoke-Batch([string] $Csv, [string] $Journal, [string[]] $Extra = @()) {
    $process = Start-BatchProcess $Csv $Journal $Extra
    $process.WaitForExit()
    $process.ExitCode
}
