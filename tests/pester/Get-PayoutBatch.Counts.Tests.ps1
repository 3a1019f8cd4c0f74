# Issue 27: one truth in every count. The shipped sample after a run, a -Refresh and a rerun: New-Payout's summary,
# Get-PayoutBatch -Summary, -Reconcile and the report say the same, and agree with the sandbox's ledger to the cent.
BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    . (Join-Path $PSScriptRoot 'sandbox.ps1')
    $script:Sandbox = Start-TestSandbox @('--status-step-seconds', '0.2')
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

        function Get-Counts($Summary) {
            $totals = ($Summary.Totals | Sort-Object Currency | ForEach-Object { '{0} {1} {2:0.00}' -f $_.Currency, $_.Payouts, $_.Sent }) -join '; '
            '{0} rows, {1} paid, {2} failed, {3} invalid, {4} in doubt | {5}' -f $Summary.Rows, $Summary.Paid, $Summary.Failed, $Summary.Invalid, $Summary.InDoubt, $totals
        }
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

    It 'shows the same outcome line in the report' {
        $Page | Should -Match ([regex]::Escape([Net.WebUtility]::HtmlEncode($Later.ToString())))
    }
}
