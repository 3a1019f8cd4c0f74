# Issue 9: a file checked against what its corridors need, as the service lists it, before anything is paid.
BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    . (Join-Path $PSScriptRoot 'sandbox.ps1')
    $script:Sandbox = Start-TestSandbox
}

AfterAll {
    Disconnect-PayoutEnvironment
    Stop-TestSandbox $Sandbox
}

Describe 'New-Payout -CheckCorridor' {
    BeforeEach {
        Reset-Sandbox $Sandbox
        $null = Connect-TestSandbox $Sandbox
    }

    It 'refuses rows that lack what their corridor needs, naming the column, with -ValidateOnly sending nothing' {
        $rows = @(
            [pscustomobject]@{ RequestId = 'W-1'; FirstName = 'Maria'; LastName = 'Santos'; AccountNumber = '09171234567'; Country = 'PH'; City = 'Manila'; AddressLine1 = '12 Rizal Ave'
                SendAmount = '10.00'; SourceCurrency = 'USD'; TargetCurrency = 'PHP'; Purpose = '1'; PaymentMethod = 'E_WALLET'; WalletType = 'GCash'; WalletPhone = '' }
            [pscustomobject]@{ RequestId = 'W-2'; FirstName = 'Jose'; LastName = 'Cruz'; AccountNumber = '09179876543'; Country = 'PH'; City = 'Manila'; AddressLine1 = '3 Roxas Blvd'
                SendAmount = '10.00'; SourceCurrency = 'USD'; TargetCurrency = 'PHP'; Purpose = '1'; PaymentMethod = 'E_WALLET'; WalletType = 'GCash'; WalletPhone = '+639179876543' }
        )
        $out = @($rows | New-Payout -ValidateOnly -CheckCorridor -SummaryVariable summary -ErrorVariable errs -ErrorAction SilentlyContinue)
        $out.Count | Should -Be 0
        $errs.Count | Should -Be 1
        $errs[0].Exception.Message | Should -Match '^Row 1, RequestId W-1: WalletPhone is required for this corridor \(PH, PHP, E_WALLET\).*Add a WalletPhone column'
        $summary.ExitCode | Should -Be 2
        @((Get-SandboxState $Sandbox).payouts).Count | Should -Be 0

        $paid = @($rows | New-Payout -CheckCorridor -Force -ErrorAction SilentlyContinue)
        $paid.RequestId | Should -Be @('W-2')
        @((Get-SandboxState $Sandbox).payouts).requestId | Should -Be @('W-2')
    }

    It 'without -CheckCorridor the service refuses the same row itself (13001), so the check only moves the refusal earlier' {
        $row = [pscustomobject]@{ RequestId = 'W-3'; FirstName = 'Maria'; LastName = 'Santos'; AccountNumber = '09171234567'; Country = 'PH'; City = 'Manila'; AddressLine1 = '12 Rizal Ave'
            SendAmount = '10.00'; SourceCurrency = 'USD'; TargetCurrency = 'PHP'; Purpose = '1'; PaymentMethod = 'E_WALLET'; WalletType = 'GCash' }
        $row | New-Payout -Force -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].Exception.RespCode | Should -Be '13001'
        $errs[0].Exception.Message | Should -Match 'walletPhone'
    }
}
