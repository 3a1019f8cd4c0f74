# Issue 27: one truth in every count. The shipped sample after a run, a -Refresh and a rerun: New-Payout's summary,
# Get-PayoutBatch -Summary, -Reconcile and the report say the same, and agree with the sandbox's ledger to the cent.
BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    . (Join-Path $PSScriptRoot 'sandbox.ps1')
    $script:Sandbox = Start-TestSandbox @('--status-step-seconds', '0.2')

    # A summary's counts and per-currency totals as one line, to compare paths.
    function Get-Counts($Summary) {
        $totals = ($Summary.Totals | Sort-Object Currency | ForEach-Object { '{0} {1} {2:0.00}' -f $_.Currency, $_.Payouts, $_.Sent }) -join '; '
        '{0} rows, {1} paid, {2} failed, {3} invalid, {4} in doubt | {5}' -f $Summary.Rows, $Summary.Paid, $Summary.Failed, $Summary.Invalid, $Summary.InDoubt, $totals
    }
}

AfterAll {
    Disconnect-PayoutEnvironment
    Stop-TestSandbox $Sandbox
}

Describe 'The sample file counted four ways' {
    BeforeAll {
        Reset-Sandbox $Sandbox
        $null = Connect-TestSandbox $Sandbox
        $csv = Join-Path $TestDrive 'payouts.csv'
        Copy-Item (Join-Path $RepoRoot 'examples/payouts.csv') $csv
        $script:Journal = "$csv.journal"

        New-Payout -Path $csv -Journal $Journal -Force -ErrorAction SilentlyContinue -SummaryVariable first | Out-Null
        $script:First = $first
        # Row 5 (SANDBOX_FAIL) ends F at the service; wait for every payout to reach its final status there.
        $null = @(Get-PayoutBatch -Journal $Journal | Where-Object IsCreated).RequestId | Get-PayoutStatus -Wait -TimeoutSec 60 -PollIntervalSec 0.2
        $script:Refreshed = Get-PayoutBatch -Journal $Journal -Refresh -Summary
        New-Payout -Path $csv -Journal $Journal -Force -ErrorAction SilentlyContinue -SummaryVariable rerun | Out-Null
        $script:Rerun = $rerun
        $script:Later = Get-PayoutBatch -Journal $Journal -Summary
        $script:Reconciled = Get-PayoutBatch -Journal $Journal -Reconcile
        $report = Join-Path $TestDrive 'report.html'
        $null = Get-PayoutBatch -Journal $Journal -Report $report
        $script:Page = Get-Content -Raw $report

    }

    It 'says 6 rows, 4 paid, 1 failed, 1 invalid once the service failed row 5, on every path' {
        $expected = Get-Counts $Refreshed
        $expected | Should -Match '^6 rows, 4 paid, 1 failed, 1 invalid, 0 in doubt \|'
        Get-Counts $Rerun | Should -Be $expected -Because 'a rerun of New-Payout counts the journal''s payouts as the service last said'
        Get-Counts $Later | Should -Be $expected -Because 'Get-PayoutBatch -Summary without -Refresh reads what -Refresh learned'
        Get-Counts $Reconciled.Summary | Should -Be $expected
        $Rerun.ExitCode | Should -Be $Later.ExitCode
        $Later.ExitCode | Should -Be 2   # an invalid row outranks a failed one
    }

    It 'counted row 5 paid at the first run, before the service failed it, and says so nowhere after' {
        $First.Paid | Should -Be 5
        (Get-PayoutStatus -RequestId DEMO-2026-11-005).Status | Should -Be 'F'
        @(Get-PayoutBatch -Journal $Journal | Where-Object { $_.RequestId -eq 'DEMO-2026-11-005' }).Status | Should -Be 'F'
    }

    It 'sends per currency what the paid rows hold, which is what the sandbox''s ledger shows, to the cent' {
        foreach ($currency in $Reconciled.Currencies) {
            $sent = ($Later.Totals | Where-Object Currency -eq $currency.Currency).Sent
            $currency.Expected | Should -Be $sent -Because "the $($currency.Currency) total"
            $currency.Ledger | Should -Be $currency.Expected -Because "the $($currency.Currency) ledger"
        }
    }

    It 'shows the same counts and totals in the report' {
        $Page | Should -Match ([regex]::Escape([Net.WebUtility]::HtmlEncode("$($Later.CountsText). Exit code $($Later.ExitCode).")))
        foreach ($total in $Later.Totals) {
            $Page | Should -Match ('<td>{0}</td><td>{1}</td><td class="n">{2}</td>' -f $total.Currency, $total.Payouts, [regex]::Escape($total.Sent.ToString('#,0.00##', [cultureinfo]::InvariantCulture)))
        }
    }
}

Describe 'A 2,000-row batch paid through faults, counted four ways' {
    BeforeAll {
        Reset-Sandbox $Sandbox
        $null = Connect-TestSandbox $Sandbox @{ MaxRetries = 0 }
        # Every 40th row fails at the provider; every 97th has an amount no run can send; the rest are paid.
        $csv = Join-Path $TestDrive 'faults.csv'
        $lines = [Collections.Generic.List[string]]::new()
        $lines.Add('RequestId,FirstName,LastName,AccountNumber,Country,City,AddressLine1,SendAmount,SourceCurrency,TargetCurrency,Purpose,Reference')
        foreach ($i in 1..2000) {
            $amount = if ($i % 97 -eq 0) { '"1,50"' } else { '{0}.{1:D2}' -f ($i % 300 + 1), ($i % 100) }
            $reference = if ($i % 40 -eq 0) { 'SANDBOX_FAIL' } else { "pay $i" }
            $lines.Add("F-$i,Anna,Müller,DE89370400440532013000,DE,Berlin,Unter den Linden 1,$amount,USD,EUR,1,$reference")
        }
        [IO.File]::WriteAllLines($csv, $lines)
        $script:Journal = "$csv.journal"

        # The first run meets errors (503s, and payouts committed whose answers are lost): some rows fail or stay in doubt.
        Add-SandboxFault $Sandbox @{ path = '/api/v2/txn/remittance'; kind = 'http503'; probability = 0.05; seed = 7 }
        Add-SandboxFault $Sandbox @{ path = '/api/v2/txn/remittance'; kind = 'commitThenDrop'; probability = 0.03; seed = 3 }
        New-Payout -Path $csv -Journal $Journal -ThrottleLimit 8 -Force -ErrorAction SilentlyContinue -SummaryVariable first | Out-Null
        $script:First = $first
        Clear-SandboxFaults $Sandbox
        New-Payout -Path $csv -Journal $Journal -ThrottleLimit 8 -Force -ErrorAction SilentlyContinue | Out-Null   # settles every row

        # Every payout reaches its final status at the service.
        $deadline = [DateTime]::UtcNow.AddSeconds(120)
        do {
            $script:Payouts = @((Get-SandboxState $Sandbox).payouts)
            $open = @($Payouts | Where-Object { $_.payoutStatus -notin 'S', 'F', 'U', 'V' }).Count
            if ($open -gt 0) { Start-Sleep -Milliseconds 250 }
        } while ($open -gt 0 -and [DateTime]::UtcNow -lt $deadline)

        $script:Refreshed = Get-PayoutBatch -Journal $Journal -Refresh -Summary
        New-Payout -Path $csv -Journal $Journal -ThrottleLimit 8 -Force -ErrorAction SilentlyContinue -SummaryVariable rerun | Out-Null
        $script:Rerun = $rerun
        $script:Later = Get-PayoutBatch -Journal $Journal -Summary
        $script:Reconciled = Get-PayoutBatch -Journal $Journal -Reconcile
    }

    It 'met the faults on its first run (so this proves something)' {
        ($First.Failed + $First.InDoubt + $First.Refused) | Should -BeGreaterThan 0
    }

    It 'counts what the service holds, the same on every path' {
        $paid = @($Payouts | Where-Object payoutStatus -eq 'S')
        $failed = @($Payouts | Where-Object payoutStatus -in 'F', 'U', 'V')
        $paid.Count + $failed.Count | Should -Be (2000 - 20)   # 20 rows (every 97th) were never sendable
        $sent = [decimal]0; $paid | ForEach-Object { $sent += [decimal]::Parse($_.sourceAmount, [Globalization.CultureInfo]::InvariantCulture) }
        $expected = '2000 rows, {0} paid, {1} failed, 20 invalid, 0 in doubt | USD {0} {2:0.00}' -f $paid.Count, $failed.Count, $sent

        Get-Counts $Refreshed | Should -Be $expected
        Get-Counts $Rerun | Should -Be $expected
        Get-Counts $Later | Should -Be $expected
        Get-Counts $Reconciled.Summary | Should -Be $expected
        $failed.Count | Should -Be 50   # every 40th row
    }

    It 'matches the ledger to the cent' {
        $usd = $Reconciled.Currencies | Where-Object Currency -eq 'USD'
        $usd.Expected | Should -Be ($Later.Totals | Where-Object Currency -eq 'USD').Sent
        $usd.Ledger | Should -Be $usd.Expected
    }
}
