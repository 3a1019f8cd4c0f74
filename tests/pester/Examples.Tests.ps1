BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    . (Join-Path $PSScriptRoot 'sandbox.ps1')
    $script:Sandbox = Start-TestSandbox @('--status-step-seconds', '0.2')
    $script:Batch = Join-Path $RepoRoot 'examples/Send-PayoutBatch.ps1'
    $script:Csv = Join-Path $RepoRoot 'examples/payouts.csv'
}

AfterAll {
    Disconnect-PayoutEnvironment
    Stop-TestSandbox $Sandbox
}

Describe 'examples/Send-PayoutBatch.ps1 with examples/payouts.csv' {
    BeforeAll {
        $env:PAYOUTPS_MERCHANT_ID = $SandboxMerchant
        $env:PAYOUTPS_SECRET_KEY = $SandboxSecretText
    }

    AfterAll {
        Remove-Item Env:PAYOUTPS_MERCHANT_ID, Env:PAYOUTPS_SECRET_KEY -ErrorAction Ignore
    }

    It 'pays individuals, businesses and on-behalf rows, refuses the bad row, and summarises' {
        $output = & $Batch -CsvPath $Csv -JournalPath "$TestDrive/payouts.journal" -Environment Local -Port $Sandbox.Port -WaitSeconds 30 6>&1 | Out-String

        $LASTEXITCODE | Should -Be 2   # one row is invalid
        $output | Should -Match 'Summary: 6 rows: 5 paid \(5 created, 0 found existing, 0 from the journal\), 1 invalid, 0 refused, 0 failed, 0 in doubt'
        $output | Should -Match 'Failed at the provider after paying out: 1\.'
        $output | Should -Match 'Exit code 2\.'
        $output | Should -Match "Refused: Row \d+ \(CSV line \d+\), RequestId \S+: SendAmount '1,50' contains a comma"
        $payouts = @((Get-SandboxState $Sandbox).payouts)
        $payouts.Count | Should -Be 5
        ($payouts | Where-Object requestId -eq 'DEMO-2026-11-004').payerId | Should -Be '1776000000000000001'
    }

    It 'pays nothing twice when the same file runs again' {
        $before = Get-SandboxState $Sandbox

        $output = & $Batch -CsvPath $Csv -JournalPath "$TestDrive/payouts.journal" -Environment Local -Port $Sandbox.Port -WaitSeconds 30 6>&1 | Out-String

        $after = Get-SandboxState $Sandbox
        @($after.payouts).Count | Should -Be 5
        $after.merchants[0].balances.USD | Should -Be $before.merchants[0].balances.USD
        $after.merchants[0].balances.EUR | Should -Be $before.merchants[0].balances.EUR
        $output | Should -Match 'Summary: 6 rows: 5 paid \(0 created, 0 found existing, 5 from the journal\), 1 invalid'
    }
}
