# Issue 26: exactly once across machines, clocks and re-exports. Each case is judged by the sandbox's state: every
# payee paid once, none twice, and an exit code that says so.
BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    . (Join-Path $PSScriptRoot 'sandbox.ps1')
    $script:Sandbox = Start-TestSandbox
    $script:BatchScript = Join-Path $RepoRoot 'examples/Send-PayoutBatch.ps1'
    $env:PAYOUTPS_MERCHANT_ID = $SandboxMerchant
    $env:PAYOUTPS_SECRET_KEY = $SandboxSecretText
    . (Join-Path $PSScriptRoot 'batch.ps1')

    # The message of a command's terminating error ('not refused' when it ran through).
    function Get-Refusal([scriptblock] $Command) {
        try { $null = & $Command; 'not refused' } catch { $_.Exception.Message }
    }

    function New-Journal([string] $Name) { Join-Path $TestDrive "$Name-$([guid]::NewGuid().ToString('N').Substring(0, 8)).journal" }
}

AfterAll {
    Remove-Item Env:PAYOUTPS_MERCHANT_ID, Env:PAYOUTPS_SECRET_KEY -ErrorAction Ignore
    Disconnect-PayoutEnvironment
    Stop-TestSandbox $Sandbox
}

Describe 'New-Payout -BatchId' {
    BeforeEach {
        Reset-Sandbox $Sandbox
        $null = Connect-TestSandbox $Sandbox
    }

    It 'pays every payee once when two servers run the same batch at once, each with its own journal' {
        # Payouts take 300 ms at the service, so the two runs overlap row by row.
        Add-SandboxFault $Sandbox @{ path = '/api/v2/txn/remittance'; kind = 'delay'; probability = 1; seed = 1; delayMs = 300 }
        $csv = New-BatchCsv 30 -Distinct 30
        $first = Start-BatchProcess $csv (New-Journal 'server-a') @('-BatchId', 'payroll-2026-11', '-ThrottleLimit', '4')
        $second = Start-BatchProcess $csv (New-Journal 'server-b') @('-BatchId', 'PAYROLL-2026-11', '-ThrottleLimit', '4')
        $first.WaitForExit(); $second.WaitForExit()

        Assert-EachRowPaidOnce $csv
        $first.ExitCode | Should -BeIn 0, 1
        $second.ExitCode | Should -BeIn 0, 1
        $state = Get-SandboxState $Sandbox
        ($state.payouts | Measure-Object creationAttempts -Sum).Sum | Should -BeGreaterThan 30 -Because 'both runs sent rows; the service kept one payout per RequestId'
    }

    It 'pays nothing again when the service''s transaction list lags behind, under a second journal' {
        $csv = New-BatchCsv 10 -Distinct 10
        $null = New-Payout -Path $csv -BatchId 'lagging-1' -Journal (New-Journal 'first') -Force
        Add-SandboxFault $Sandbox @{ path = '/api/v1/txn/queryList'; kind = 'listDelay'; probability = 1; seed = 1; delayMs = 120000 }

        $null = New-Payout -Path $csv -BatchId 'lagging-1' -Journal (New-Journal 'second') -Force -SummaryVariable again
        $again.ExitCode | Should -Be 0
        $again.AlreadyExisted | Should -Be 10 -Because 'each row''s derived RequestId finds its payout at the service'
        Assert-EachRowPaidOnce $csv
    }

    It 'holds and names rows whose BatchId was already paid before the duplicate window: last month''s name reused' {
        $csv = New-BatchCsv 3 -Distinct 3
        $null = New-Payout -Path $csv -BatchId 'payroll-2026-10' -Journal (New-Journal 'october') -Force
        Move-SandboxClock $Sandbox (100 * 3600)   # a month later, as far as the 72-hour window is concerned
        try {
            $null = New-Payout -Path $csv -BatchId 'payroll-2026-10' -Journal (New-Journal 'november') -Force -SummaryVariable reused -ErrorVariable errs -ErrorAction SilentlyContinue
        }
        finally { Move-SandboxClock $Sandbox (-100 * 3600) }

        $reused.ExitCode | Should -Be 1
        $reused.Paid | Should -Be 0
        $reused.Held | Should -Be 3
        $errs.Count | Should -Be 3
        $errs[0].Exception.Message | Should -Match 'already belongs to payout \d{19} .*an earlier pay run used the same BatchId'
        @(Get-Payouts).Count | Should -Be 3
    }

    It 'refuses a journal started with another BatchId, and -BatchId with -GenerateRequestId, sending nothing' {
        $csv = New-BatchCsv 2 -Distinct 2
        $journal = New-Journal 'kept'
        $null = New-Payout -Path $csv -BatchId 'run-a' -Journal $journal -Force
        try { New-Payout -Path $csv -BatchId 'run-b' -Journal $journal -Force -SummaryVariable other; $refused = 'not refused' } catch { $refused = $_.Exception.Message }
        $refused | Should -BeLike '*started with -BatchId run-a, not run-b*'
        $other.ExitCode | Should -Be 3
        try { New-Payout -Path $csv -BatchId 'run-c' -GenerateRequestId -Force -SummaryVariable both; $refused = 'not refused' } catch { $refused = $_.Exception.Message }
        $refused | Should -BeLike '*not both*'
        $both.ExitCode | Should -Be 2
        Get-Refusal { New-Payout -Path $csv -BatchId 'run c' -Force } | Should -BeLike "*contains ' '*payroll-2026-11*"
        @(Get-Payouts).Count | Should -Be 2
    }
}

Describe 'The duplicate guard without a BatchId' {
    BeforeEach {
        Reset-Sandbox $Sandbox
        $null = Connect-TestSandbox $Sandbox
    }

    It 'holds a file already paid when the service''s clock is <Minutes> minutes off this machine''s' -ForEach @(
        @{ Minutes = 10 }, @{ Minutes = -10 }, @{ Minutes = 180 }, @{ Minutes = -180 }
    ) {
        Move-SandboxClock $Sandbox ($Minutes * 60)
        try {
            $csv = New-BatchCsv 5 -Distinct 5
            $null = New-Payout -Path $csv -Journal (New-Journal 'first') -Force
            # A one-hour window: drawn by this machine's clock, it would miss payouts stamped 3 hours behind or 10 minutes ahead.
            $null = New-Payout -Path $csv -Journal (New-Journal 'second') -DuplicateWindow 01:00:00 -Force -SummaryVariable second -ErrorAction SilentlyContinue
        }
        finally { Move-SandboxClock $Sandbox (-$Minutes * 60) }

        $second.Held | Should -Be 5
        $second.ExitCode | Should -Be 1
        Assert-EachRowPaidOnce $csv
    }

    It 'holds a re-exported row whose payee''s name changed (<Change>) on the same account, on the same journal' -ForEach @(
        @{ Change = 'letter case'; Field = 'LastName'; Value = 'tester3' }
        @{ Change = 'a misspelling'; Field = 'FirstName'; Value = 'Ana' }
    ) {
        $rows = 1..5 | ForEach-Object {
            [pscustomobject]@{ FirstName = 'Anna'; LastName = "Tester$_"; AccountNumber = 'DE89370400440532013000'; Country = 'DE'; City = 'Berlin'
                AddressLine1 = 'Unter den Linden 1'; SendAmount = "$_.00"; SourceCurrency = 'USD'; TargetCurrency = 'EUR'; Purpose = '1' }
        }
        $csv = Join-Path $TestDrive "renamed-$Field.csv"
        $rows | Export-Csv $csv -NoTypeInformation -Encoding utf8
        $journal = New-Journal 'renamed'
        $null = New-Payout -Path $csv -Journal $journal -Force

        $rows[2].$Field = $Value   # the next export writes one name otherwise
        $rows | Export-Csv $csv -NoTypeInformation -Encoding utf8
        $null = New-Payout -Path $csv -Journal $journal -Force -SummaryVariable rerun -ErrorVariable errs -ErrorAction SilentlyContinue -WarningAction SilentlyContinue

        $rerun.Held | Should -Be 1
        $rerun.FromJournal | Should -Be 4
        $rerun.ExitCode | Should -Be 1
        $errs[0].Exception.Message | Should -Match '^Row 3\b.*like row 3 of an earlier run'
        @(Get-Payouts).Count | Should -Be 5
        (Get-PayoutBatch -Journal $journal -Summary).Paid | Should -Be 5
    }

    It 'names every payee two concurrent runs with two journals both paid, and exits 1 for it' {
        # Payouts take 300 ms, so the second run lists the service's payouts before the first has paid them all.
        Add-SandboxFault $Sandbox @{ path = '/api/v2/txn/remittance'; kind = 'delay'; probability = 1; seed = 1; delayMs = 300 }
        $csv = New-BatchCsv 30 -Distinct 30
        $runs = @(
            Start-BatchProcess $csv (New-Journal 'server-a') @('-ThrottleLimit', '4')
            Start-BatchProcess $csv (New-Journal 'server-b') @('-ThrottleLimit', '4')
        )
        $runs | ForEach-Object { $_.WaitForExit() }

        # Row i pays (i mod 30 + 1).00: the amounts paid twice are the rows paid twice.
        $doubled = @(@(Get-Payouts).request.sourceAmount | Group-Object | Where-Object Count -gt 1 | ForEach-Object { [int][decimal]$_.Name - 1 } | ForEach-Object { if ($_ -eq 0) { 30 } else { $_ } })
        $named = @(foreach ($run in $runs) {
            [regex]::Matches((Get-Content -Raw "$($run.Log).out"), 'Row (\d+) was paid by this run as payout \d{19}, and payout \d{19}') | ForEach-Object { [int]$_.Groups[1].Value }
        }) | Sort-Object -Unique
        foreach ($row in $doubled) { $named | Should -Contain $row -Because "row $row was paid twice, and a run must say so" }
        foreach ($run in $runs) {
            $output = Get-Content -Raw "$($run.Log).out"
            if ($output -match 'was paid by this run as payout') { $run.ExitCode | Should -Be 1 -Because $output }
        }
        $named.Count | Should -BeLessOrEqual $doubled.Count -Because 'a row paid once is never called paid twice'
    }

    It 'names two paid rows of one journal that are one payout in -Summary, -Reconcile and the report, exit 1' {
        $csv = New-BatchCsv 5 -Distinct 5
        $journal = New-Journal 'doubled'
        $null = New-Payout -Path $csv -Journal $journal -Force
        # What no rule of today lets through, written by hand: row 3 paid a second time under another RequestId, at the
        # service for real (so the ledger has it), and in the journal with row 3's guard key.
        $row3 = @(Import-Csv $csv)[2]
        $again = $row3 | New-Payout -RequestId 'HAND-3' -Force
        $lines = Get-JournalLines $journal
        $intent = $lines | Where-Object { $_ -match '"type":"intent"' -and $_ -match '"row":3,' }
        $first = ($intent | ConvertFrom-Json).requestId
        $outcome = $lines | Where-Object { $_ -match '"type":"outcome"' -and $_ -match """requestId"":""$first""" }
        $firstPayout = ($outcome | ConvertFrom-Json).payoutId
        Add-Content $journal @(($intent -replace $first, 'HAND-3'), ($outcome -replace $first, 'HAND-3' -replace $firstPayout, $again.PayoutId))

        $summary = Get-PayoutBatch -Journal $journal -Summary -WarningVariable warned -WarningAction SilentlyContinue
        $summary.PaidTwice | Should -Be 1
        $summary.ExitCode | Should -Be 1
        $summary.PaidTwiceText[0] | Should -BeLike "Row 3 (payout $firstPayout) and row 3 (payout $($again.PayoutId)) are the same payout*"
        $warned.Message | Should -Contain $summary.PaidTwiceText[0]
        $reconciled = Get-PayoutBatch -Journal $journal -Reconcile -WarningAction SilentlyContinue
        $reconciled.PaidTwice | Should -Be $summary.PaidTwiceText
        $reconciled.ExitCode | Should -Be 1
        $page = Join-Path $TestDrive 'doubled.html'
        $null = Get-PayoutBatch -Journal $journal -Report $page -WarningAction SilentlyContinue
        (Get-Content -Raw $page) | Should -Match 'Paid twice: the same payout made for two rows \(1\)'
    }

    It 'refuses a -DuplicateWindow of a plain number (ticks), showing how to write hours' {
        $csv = New-BatchCsv 2 -Distinct 2
        try { New-Payout -Path $csv -Journal (New-Journal 'ticks') -DuplicateWindow 72 -Force -SummaryVariable ticks; $refused = 'not refused' } catch { $refused = $_.Exception.Message }
        $refused | Should -BeLike '*shorter than a minute*3.00:00:00*New-TimeSpan -Hours 72*'
        $ticks.ExitCode | Should -Be 2
        @(Get-Payouts).Count | Should -Be 0
    }
}

Describe 'New-Payout -Path pays exactly the bytes it checked' {
    BeforeEach {
        Reset-Sandbox $Sandbox
        $null = Connect-TestSandbox $Sandbox
    }

    It 'pays none of the rows appended to the file while it runs, and says the file changed' {
        # 40 ms per payout, two at a time: the run lasts seconds, and rows are appended early in it.
        Add-SandboxFault $Sandbox @{ path = '/api/v2/txn/remittance'; kind = 'delay'; probability = 1; seed = 1; delayMs = 40 }
        $csv = New-BatchCsv 200 -Distinct 200
        $journal = New-Journal 'appended'
        $process = Start-BatchProcess $csv $journal @('-ThrottleLimit', '2')
        $deadline = [DateTime]::UtcNow.AddSeconds(60)
        while (-not $process.HasExited -and (Get-JournalCounts $journal).Outcomes -lt 10 -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 20 }
        $process.HasExited | Should -BeFalse -Because 'the rows must be appended while the run pays'
        $last = (Get-Content $csv -Tail 1) -replace '"200\.00"', '"999.{0}"'
        Add-Content $csv (1..3 | ForEach-Object { $last -f ('{0:D2}' -f $_) })
        $process.WaitForExit()

        $process.ExitCode | Should -Be 0
        @(Get-Payouts).Count | Should -Be 200
        (@(Get-Payouts).request.sourceAmount | Where-Object { $_ -like '999.*' }) | Should -BeNullOrEmpty
        (Get-Content -Raw "$($process.Log).out") -replace '\s+', ' ' | Should -Match 'changed on disk while it was paid \(written to, or replaced\): only the 200 row\(s\) it held'
    }
}
