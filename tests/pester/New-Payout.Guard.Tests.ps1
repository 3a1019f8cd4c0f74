# Issue 15: exactly once beyond the journal. Each case of the issue's list, judged by the sandbox's state:
# no payee paid twice, none silently skipped, the right outcome and exit code.
BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    . (Join-Path $PSScriptRoot 'sandbox.ps1')
    $script:Sandbox = Start-TestSandbox
    $script:BatchScript = Join-Path $RepoRoot 'examples/Send-PayoutBatch.ps1'
    $env:PAYOUTPS_MERCHANT_ID = $SandboxMerchant
    $env:PAYOUTPS_SECRET_KEY = $SandboxSecretText
    . (Join-Path $PSScriptRoot 'batch.ps1')

    # Starts a batch, waits until its journal holds $Outcomes outcomes, then does $Damage to the journal while it runs.
    function Invoke-BatchDamaged([string] $Csv, [string] $Journal, [int] $Outcomes, [scriptblock] $Damage) {
        $process = Start-BatchProcess $Csv $Journal @('-ThrottleLimit', '4')
        $deadline = [DateTime]::UtcNow.AddSeconds(60)
        while (-not $process.HasExited -and (Get-JournalCounts $Journal).Outcomes -lt $Outcomes -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 20 }
        & $Damage
        if (-not $process.WaitForExit(60000)) { $process.Kill(); throw 'the damaged run did not stop' }
        $process.ExitCode
    }
}

AfterAll {
    Remove-Item Env:PAYOUTPS_MERCHANT_ID, Env:PAYOUTPS_SECRET_KEY -ErrorAction Ignore
    Disconnect-PayoutEnvironment
    Stop-TestSandbox $Sandbox
}

Describe 'A journal lost while its run goes on' {
    BeforeEach {
        Reset-Sandbox $Sandbox
        Add-SandboxFault $Sandbox @{ path = '/api/v2/txn/remittance'; kind = 'delay'; probability = 1; seed = 1; delayMs = 40 }
    }

    It 'stops the run when the journal is <Name>, and the rerun holds what was paid instead of paying it again' -ForEach @(
        @{ Name = 'deleted'; Damage = { Remove-Item $journal } }
        @{ Name = 'in a removed folder'; Damage = { Remove-Item (Split-Path $journal) -Recurse -Force } }
    ) {
        $csv = New-BatchCsv 300 -Distinct 300
        $folder = Join-Path $TestDrive ([guid]::NewGuid().ToString('N'))
        $null = New-Item -ItemType Directory $folder
        $journal = Join-Path $folder 'payroll.journal'

        $exit = Invoke-BatchDamaged $csv $journal 30 $Damage
        $exit | Should -Be 3 -Because 'the run must stop with an error, not end as if nothing happened'
        $paidBefore = @(Get-Payouts).Count
        $paidBefore | Should -BeLessThan 300 -Because 'nothing more is sent once the journal is gone'

        $null = New-Item -ItemType Directory $folder -Force
        Invoke-Batch $csv $journal | Should -Be 1 -Because 'rows held as possible duplicates count as refused'
        Assert-EachRowPaidOnce $csv
        $held = @((Get-Content -Raw "$journal" -ErrorAction Stop) -split "`n" | Where-Object { $_ -match '"outcome":"Held"' })
        $held.Count | Should -Be $paidBefore -Because 'every row the lost journal paid is held, and named in the new one'
    }
}

Describe 'A journal emptied after a partial run' {
    BeforeEach { Reset-Sandbox $Sandbox }

    It 'is refused, not taken for a new batch: nothing is sent again' {
        $csv = New-BatchCsv 60 -Distinct 60
        $journal = "$csv.journal"
        Invoke-Batch $csv $journal | Should -Be 0
        [IO.File]::WriteAllText($journal, '')

        Invoke-Batch $csv $journal | Should -Be 3
        @(Get-Payouts).Count | Should -Be 60
        (Get-Item $journal).Length | Should -Be 0 -Because 'the refused run leaves the file as it found it'
    }
}

Describe 'New-Payout guards against paying a file twice' {
    BeforeAll { $null = Connect-TestSandbox $Sandbox }
    BeforeEach { Reset-Sandbox $Sandbox }

    It 'holds every row of a file already paid under a second journal, naming the earlier payout' {
        $csv = New-BatchCsv 40 -Distinct 40
        $null = New-Payout -Path $csv -Journal "$TestDrive/first.journal" -Force -SummaryVariable first
        $first.ExitCode | Should -Be 0

        $again = @(New-Payout -Path $csv -Journal "$TestDrive/second-$([guid]::NewGuid()).journal" -Force -SummaryVariable second -ErrorVariable errs -ErrorAction SilentlyContinue)
        $again.Count | Should -Be 0
        $second.Held | Should -Be 40
        $second.Paid | Should -Be 0
        $second.ExitCode | Should -Be 1
        @($errs | Where-Object FullyQualifiedErrorId -like 'PayoutPS.DuplicateSuspected*').Count | Should -Be 40
        $errs[0].Exception.Message | Should -Match 'matches payout \d{19} \(requestId [0-9a-f]{32}, created .* UTC'
        @(Get-Payouts).Count | Should -Be 40

        # Meant: -AllowDuplicate pays it again.
        $null = New-Payout -Path $csv -Journal "$TestDrive/third-$([guid]::NewGuid()).journal" -AllowDuplicate -Force -SummaryVariable third
        $third.Created | Should -Be 40
        @(Get-Payouts).Count | Should -Be 80
    }

    It 'holds an amount edited after its row was paid, and pays the rows it has not paid' {
        $csv = New-BatchCsv 10 -Distinct 10
        $journal = "$TestDrive/edited-$([guid]::NewGuid()).journal"
        $rows = @(Import-Csv $csv)
        $null = $rows[0..5] | New-Payout -Journal $journal -Force   # a partial run: rows 1-6 paid
        $rows[2].SendAmount = '78.93'                                 # an admin edits a paid row before the rerun

        $null = $rows | New-Payout -Journal $journal -Force -SummaryVariable rerun -ErrorVariable errs -ErrorAction SilentlyContinue
        $rerun.Held | Should -Be 1
        $rerun.FromJournal | Should -Be 5
        $rerun.Created | Should -Be 4
        $rerun.ExitCode | Should -Be 1
        $errs[0].Exception.Message | Should -Match '^Row 3\b.*like row 3 of an earlier run .*paid as payout \d{19} \(4\.00 USD'
        (Get-Payouts).request.sourceAmount | Should -Not -Contain '78.93'
        @(Get-Payouts).Count | Should -Be 10
    }

    It 'holds the second of two identical rows without RequestIds' {
        $csv = New-BatchCsv 2 -Distinct 1
        $journal = "$TestDrive/twins-$([guid]::NewGuid()).journal"
        $null = New-Payout -Path $csv -Journal $journal -Force -SummaryVariable held -ErrorAction SilentlyContinue
        $held.Held | Should -Be 1
        $held.ExitCode | Should -Be 1
        @(Get-Payouts).Count | Should -Be 1
    }

    It 'holds a rerun of one of two identical rows the journal recorded partly paid, and maps the whole file in order' {
        $csv = New-BatchCsv 2 -Distinct 1
        $journal = "$TestDrive/partly-$([guid]::NewGuid()).journal"
        $null = Connect-TestSandbox $Sandbox @{ MaxRetries = 0 }
        try {
            Add-SandboxFault $Sandbox @{ path = '/api/v2/txn/remittance'; kind = 'http429'; count = 1 }   # the first row is turned away
            $null = New-Payout -Path $csv -Journal $journal -AllowDuplicate -ThrottleLimit 1 -Force -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        }
        finally { $null = Connect-TestSandbox $Sandbox }
        @(Get-Payouts).Count | Should -Be 1

        # A rerun of "the row that failed": one row for two recorded twins, one paid. Which one is it? Held, not "paid".
        $one = "$TestDrive/one-$([guid]::NewGuid()).csv"
        Get-Content $csv -TotalCount 2 | Set-Content $one
        $null = New-Payout -Path $one -Journal $journal -Force -SummaryVariable subset -ErrorVariable errs -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'PayoutPS.AmbiguousRow*'
        $errs[0].Exception.Message | Should -Match 'recorded 2 identical rows like this one .* this input has 1'
        $subset.Held | Should -Be 1
        $subset.FromJournal | Should -Be 0
        $subset.ExitCode | Should -Be 1
        @(Get-Payouts).Count | Should -Be 1

        # The whole file again: identical rows are matched in order, the unpaid one is sent, nothing twice.
        $null = New-Payout -Path $csv -Journal $journal -Force -SummaryVariable whole -WarningAction SilentlyContinue
        $whole.ExitCode | Should -Be 0
        $whole.FromJournal | Should -Be 1
        @(Get-Payouts).Count | Should -Be 2
    }

    It 'keeps a RequestId conflict unpaid through Get-PayoutBatch -Refresh' {
        $null = Send-TestPayout 'TAKEN-9' '100.00'
        $journal = "$TestDrive/conflict-$([guid]::NewGuid()).journal"
        $row = New-TestPayee 'TAKEN-9' '250.00'
        $null = New-Payout @row -Journal $journal -ErrorAction SilentlyContinue

        $rows = @(Get-PayoutBatch -Journal $journal -Refresh -WarningAction SilentlyContinue)
        $rows[0].Outcome | Should -Be 'Refused'
        $rows[0].IsPaid | Should -BeFalse
        $summary = Get-PayoutBatch -Journal $journal -Refresh -Summary -WarningAction SilentlyContinue
        $summary.Paid | Should -Be 0
        $summary.ExitCode | Should -Be 1
    }

    It 'writes no journal with -WhatIf' {
        $csv = New-BatchCsv 3 -Distinct 3
        $journal = "$TestDrive/whatif-$([guid]::NewGuid()).journal"
        $shown = @(New-Payout -Path $csv -Journal $journal -WhatIf)
        $shown.Count | Should -Be 3
        Test-Path $journal | Should -BeFalse
        Test-Path "$journal.lock" | Should -BeFalse
        @(Get-Payouts).Count | Should -Be 0
    }
}
