# Issue 16: answers checked against their request. The sandbox misbehaves as a proxy or gateway would (a
# success naming another payout, a body cut short after the commit, 20000 without data, a transaction list
# that lags); judged by its state: nothing reported paid that it does not hold, nothing lost after a rerun.
BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    . (Join-Path $PSScriptRoot 'sandbox.ps1')
    $script:Sandbox = Start-TestSandbox
    $script:BatchScript = Join-Path $RepoRoot 'examples/Send-PayoutBatch.ps1'
    . (Join-Path $PSScriptRoot 'batch.ps1')
    $null = Connect-TestSandbox $Sandbox @{ MaxRetries = 0 }
}

AfterAll {
    Disconnect-PayoutEnvironment
    Stop-TestSandbox $Sandbox
}

Describe 'New-Payout believes an answer only when it matches its request' {
    BeforeEach { Reset-Sandbox $Sandbox }

    It 'under <Kind><Note>: every row reported paid is held by the sandbox as that payout, none refused, and a rerun pays the rest once' -ForEach @(
        @{ Kind = 'successOther'; Lagging = $false; Note = '' }
        @{ Kind = 'truncateAfterCommit'; Lagging = $false; Note = '' }
        @{ Kind = 'successNoData'; Lagging = $false; Note = '' }
        @{ Kind = 'successOther'; Lagging = $true; Note = ' with a lagging list (rows end in doubt)' }
        @{ Kind = 'truncateAfterCommit'; Lagging = $true; Note = ' with a lagging list (rows end in doubt)' }
    ) {
        Add-SandboxFault $Sandbox @{ path = '/api/v2/txn/remittance'; kind = $Kind; probability = 0.2; seed = 16 }
        if ($Lagging) {
            # The lookup that checks a doubtful answer does not see the payout yet: those rows must end in doubt.
            Add-SandboxFault $Sandbox @{ path = '/api/v1/txn/queryList'; kind = 'listDelay'; probability = 1; delayMs = 600000 }
        }
        $csv = New-BatchCsv 60 -WithRequestId -Distinct 60
        $journal = "$csv.journal"

        $reported = @(New-Payout -Path $csv -Journal $journal -ThrottleLimit 4 -Force -SummaryVariable first -ErrorVariable errs -ErrorAction SilentlyContinue)
        $held = @{}; foreach ($p in Get-Payouts) { $held[$p.requestId] = $p }
        foreach ($r in $reported) {
            $held[$r.RequestId].payoutId | Should -Be $r.PayoutId -Because "row $($r.Row) was reported paid as $($r.PayoutId)"
        }
        $first.Refused | Should -Be 0 -Because 'the requests reached the service: never "refused" by assumption'
        @($errs | Where-Object { $_.FullyQualifiedErrorId -notlike 'PayoutPS.Api.InDoubt*' }).Count | Should -Be 0
        if ($Lagging) {
            $first.InDoubt | Should -BeGreaterThan 0
            $first.ExitCode | Should -Be 4
        }
        else {
            $first.ExitCode | Should -Be 0
            $first.Paid | Should -Be 60
        }

        Clear-SandboxFaults $Sandbox
        $null = New-Payout -Path $csv -Journal $journal -Force -SummaryVariable rerun
        $rerun.ExitCode | Should -Be 0
        $payouts = Get-Payouts
        $payouts.Count | Should -Be 60
        ($payouts.requestId | Sort-Object -Unique).Count | Should -Be 60
        foreach ($p in $payouts) { $p.request.sourceAmount | Should -Be ('{0}.00' -f ([int]$p.requestId.Substring(2) % 60 + 1)) }
        (Get-PayoutBatch -Journal $journal -Summary).ExitCode | Should -Be 0
    }
}
