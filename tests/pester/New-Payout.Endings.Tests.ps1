# Issue 17 (in part): every run ends with the truth. -SummaryVariable holds an exit code whatever ends the run,
# and a run that ends before its input does is never exit 0. Judged by the summary, the process exit code of
# the README's unattended pattern, and the sandbox's state.
BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    . (Join-Path $PSScriptRoot 'sandbox.ps1')
    $script:Sandbox = Start-TestSandbox
    $script:BatchScript = Join-Path $RepoRoot 'examples/Send-PayoutBatch.ps1'
    . (Join-Path $PSScriptRoot 'batch.ps1')
    $null = Connect-TestSandbox $Sandbox

    # The README's unattended pattern in a fresh non-interactive pwsh; returns the process exit code.
    function Invoke-ReadmePattern([string] $Csv, [string] $Journal) {
        $script = @"
Import-Module '$ModulePath'
`$s = [securestring]::new(); '$SandboxSecretText'.ToCharArray() | % { `$s.AppendChar(`$_) }
`$null = Connect-PayoutEnvironment Local -Port $($Sandbox.Port) -MerchantId $SandboxMerchant -SecretKey `$s
try { Import-Csv '$Csv' | New-Payout -Journal '$Journal' -Force -SummaryVariable summary -ErrorAction SilentlyContinue | Out-Null } catch { Write-Host `$_ }
exit `$summary.ExitCode
"@
        (Invoke-FreshPwsh $script).ExitCode
    }
}

AfterAll {
    Disconnect-PayoutEnvironment
    Stop-TestSandbox $Sandbox
}

Describe 'Every run ends with the truth' {
    BeforeEach { Reset-Sandbox $Sandbox }

    It 'a journal held by another run: exit 3 in the summary and from the README pattern, nothing sent' {
        $csv = New-BatchCsv 5 -WithRequestId
        $journal = "$csv.journal"
        $lock = [IO.File]::Open("$journal.lock", 'OpenOrCreate', 'ReadWrite', 'None')   # what a running batch holds
        try {
            try { $null = New-Payout -Path $csv -Journal $journal -Force -SummaryVariable held } catch { $refused = $_ }
            $refused.FullyQualifiedErrorId | Should -BeLike 'PayoutPS.JournalUnusable*' 
            $held.ExitCode | Should -Be 3
            $held.Ending | Should -Be 'CouldNotGoOn'
            $held.EndingReason | Should -Match 'in use by another run'
            Invoke-ReadmePattern $csv $journal | Should -Be 3
        }
        finally { $lock.Dispose() }
        @(Get-Payouts).Count | Should -Be 0
    }

    It 'a downstream command that stops the pipeline: exit 5 with the rows not tried, never 0' {
        $csv = New-BatchCsv 40 -WithRequestId -Distinct 40
        $first = @(New-Payout -Path $csv -Journal "$csv.journal" -ThrottleLimit 1 -Force -SummaryVariable cut -WarningAction SilentlyContinue | Select-Object -First 1)
        $first.Count | Should -Be 1
        $cut.Ending | Should -Be 'Stopped'
        $cut.ExitCode | Should -Be 5
        $cut.NotTried | Should -BeGreaterThan 0
        $cut.NotTried + @(Get-Payouts).Count | Should -BeLessOrEqual 40
        # The journal knows its file: Get-PayoutBatch never says "done" while rows of it were never reached.
        $report = Get-PayoutBatch -Journal "$csv.journal" -Summary -WarningAction SilentlyContinue
        $report.ExitCode | Should -Be 5
        $report.NotTried | Should -BeGreaterThan 0

        # The rerun finishes the file, each row paid once.
        $null = New-Payout -Path $csv -Journal "$csv.journal" -Force -SummaryVariable rest
        $rest.ExitCode | Should -Be 0
        @(Get-Payouts).Count | Should -Be 40
        (Get-PayoutBatch -Journal "$csv.journal" -Summary).ExitCode | Should -Be 0
    }

    It 'an empty or header-only file, or an empty pipeline: exit 2 with a message, nothing sent' {
        $empty = "$TestDrive/empty.csv"; Set-Content $empty '' -NoNewline
        $header = "$TestDrive/header.csv"; Set-Content $header 'RequestId,FirstName,LastName,AccountNumber,Country,City,AddressLine1,SendAmount,SourceCurrency,TargetCurrency,Purpose'
        foreach ($file in $empty, $header) {
            $null = New-Payout -Path $file -Journal "$file.journal" -Force -SummaryVariable none -ErrorVariable errs -ErrorAction SilentlyContinue
            $none.ExitCode | Should -Be 2 -Because $file
            ($errs | Select-Object -Last 1).Exception.Message | Should -Match 'no rows|empty'
        }
        $null = @() | New-Payout -Force -SummaryVariable nothing -ErrorVariable errs -ErrorAction SilentlyContinue
        $nothing.ExitCode | Should -Be 2
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'PayoutPS.NoRows*'
        @(Get-Payouts).Count | Should -Be 0
    }

    It 'not connected: exit 3 in the summary' {
        $csv = New-BatchCsv 2 -WithRequestId
        Disconnect-PayoutEnvironment
        try {
            try { $null = New-Payout -Path $csv -Force -SummaryVariable offline } catch { $refused = $_ }
            $refused.FullyQualifiedErrorId | Should -BeLike 'PayoutPS.NotConnected*' 
            $offline.ExitCode | Should -Be 3
        }
        finally { $null = Connect-TestSandbox $Sandbox }
    }

    It 'refuses -SummaryVariable written with a $, naming the fix' {
        { New-Payout -Path (New-BatchCsv 1 -WithRequestId) -Force -SummaryVariable '$sum' -ErrorAction Stop } | Should -Throw -ExpectedMessage "*without '$'*-SummaryVariable sum*"
    }
}
