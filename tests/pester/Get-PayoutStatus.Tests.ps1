BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    . (Join-Path $PSScriptRoot 'sandbox.ps1')
    $script:Sandbox = Start-TestSandbox @('--status-step-seconds', '0.3')
}

AfterAll {
    Disconnect-PayoutEnvironment
    Stop-TestSandbox $Sandbox
}

Describe 'Get-PayoutStatus' {
    BeforeEach {
        Reset-Sandbox $Sandbox
        $null = Connect-TestSandbox $Sandbox
    }

    It 'finds a payout by -RequestId and by -PayoutId' {
        $sent = Send-TestPayout 'GS-1'
        (Get-PayoutStatus -RequestId 'GS-1').PayoutId | Should -Be $sent.PayoutId
        (Get-PayoutStatus -PayoutId $sent.PayoutId).RequestId | Should -Be 'GS-1'
        (Get-PayoutStatus 'GS-1').Outcome | Should -Be 'Queried'
    }

    It 'takes New-Payout output from the pipeline and -Wait follows it to a final status' {
        $final = Send-TestPayout 'GS-2' | Get-PayoutStatus -Wait -TimeoutSec 30 -PollIntervalSec 0.2
        $final.Status | Should -Be 'S'
        $final.StatusMeaning | Should -Be 'Success'
        $final.IsTerminal | Should -BeTrue
    }

    It '-Wait ends at a failure status too, with the reason' {
        $final = Send-TestPayout 'GS-3' -Reference 'SANDBOX_FAIL' | Get-PayoutStatus -Wait -TimeoutSec 30 -PollIntervalSec 0.2
        $final.Status | Should -Be 'F'
        $final.Reason | Should -Match 'SANDBOX_FAIL'
    }

    It '-Wait gives up after -TimeoutSec with the last status and an error' {
        $null = Send-TestPayout 'GS-4' -Reference 'SANDBOX_HOLD'
        $last = Get-PayoutStatus 'GS-4' -Wait -TimeoutSec 2 -PollIntervalSec 0.3 -ErrorVariable errs -ErrorAction SilentlyContinue
        $last.Status | Should -Be 'P'
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'PayoutPS.WaitTimeout*'
    }

    It 'takes RequestId strings from the pipeline' {
        $null = Send-TestPayout 'GS-P1'; $null = Send-TestPayout 'GS-P2'
        ('GS-P1', 'GS-P2' | Get-PayoutStatus).RequestId | Should -Be @('GS-P1', 'GS-P2')
    }

    It 'names the status in a word, and a single payout has no row number' {
        $sent = Send-TestPayout 'GS-W1'
        $sent.Row | Should -BeNullOrEmpty
        $sent.StatusName | Should -Be 'Pending review'
        $sent.StatusName | Should -Be $sent.StatusMeaning   # one name for A, in the table and in words
        ($sent | Format-Table | Out-String -Width 120) | Should -Match 'Pending review'
    }

    It 'refuses a list window that cannot hold anything, naming the parameters' {
        { Get-PayoutStatus -Since (Get-Date) -Until (Get-Date).AddHours(-1) } | Should -Throw '*-Since * is not before -Until*'
        { Get-PayoutStatus -Since (Get-Date).AddDays(1) } | Should -Throw '*-Since * is in the future*'
        { Get-PayoutLedger USD -Since (Get-Date).AddDays(1) } | Should -Throw '*-Since * is in the future*'
    }

    It 'sends -Status as the API spells it, whatever the case typed' {
        $null = Send-TestPayout 'GS-S1'
        (Get-PayoutStatus -Since (Get-Date).AddHours(-1) -Status a).RequestId | Should -Be 'GS-S1'
    }

    It 'takes several ids at once, in order, naming the one that is not found without stopping the others' {
        $one = Send-TestPayout 'GS-A'; $two = Send-TestPayout 'GS-B'

        $found = @(Get-PayoutStatus -RequestId 'GS-A', 'NEVER-SENT', 'GS-B' -ErrorVariable errs -ErrorAction SilentlyContinue)

        $found.RequestId | Should -Be @('GS-A', 'GS-B')
        @($errs).Count | Should -Be 1
        $errs[0].TargetObject | Should -Be 'NEVER-SENT'
        (Get-PayoutStatus -PayoutId $two.PayoutId, $one.PayoutId).RequestId | Should -Be @('GS-B', 'GS-A')
    }

    It 'says clearly when no payout has that requestId' {
        Get-PayoutStatus 'NEVER-SENT' -ErrorVariable errs -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'PayoutPS.PayoutNotFound*'
        $errs[0].Exception.Message | Should -Match 'Nothing was paid under that id'
    }

    It 'lists by creation time and status, paging automatically past 100' {
        $ids = 1..105 | ForEach-Object { 'LST-{0:D3}' -f $_ }
        foreach ($id in $ids) { $null = Send-TestPayout $id '1.00' }
        $null = Send-TestPayout 'LST-FAIL' '1.00' -Reference 'SANDBOX_REVIEW_FAIL'
        Move-SandboxClock $Sandbox 10

        $all = Get-PayoutStatus -Since (Get-Date).AddHours(-1)
        $all.Count | Should -Be 106
        ($all.RequestId | Sort-Object -Unique).Count | Should -Be 106
        (Get-PayoutStatus -Since (Get-Date).AddHours(-1) -Status U).RequestId | Should -Be 'LST-FAIL'
    }

    It 'emits flat objects that survive Export-Csv' {
        $null = Send-TestPayout 'GS-CSV'
        Get-PayoutStatus 'GS-CSV' | Export-Csv "$TestDrive/status.csv" -NoTypeInformation
        $row = Import-Csv "$TestDrive/status.csv"
        $row.RequestId | Should -Be 'GS-CSV'
        $row.SourceAmount | Should -Be '100.00'
        $row.PSObject.Properties.Name | Should -Not -Contain 'Raw'
    }
}
