# Issue 9: the account endpoints as cmdlets, judged against the sandbox's own state.
BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    . (Join-Path $PSScriptRoot 'sandbox.ps1')
    $script:Sandbox = Start-TestSandbox
}

AfterAll {
    Disconnect-PayoutEnvironment
    Stop-TestSandbox $Sandbox
}

Describe 'Account cmdlets' {
    BeforeEach {
        Reset-Sandbox $Sandbox
        $null = Connect-TestSandbox $Sandbox
    }

    It 'Get-PayoutBalance: one object per currency, amounts as decimals equal to the service''s' {
        $null = Send-TestPayout 'BAL-1'
        $state = (Get-SandboxState $Sandbox).merchants[0].balances
        $balances = @(Get-PayoutBalance)
        $balances.Currency | Should -Be @($state.PSObject.Properties.Name | Sort-Object)
        $usd = Get-PayoutBalance USD
        $usd.Balance | Should -BeOfType [decimal]
        $usd.Balance | Should -Be ([decimal]$state.USD)
        $usd.Balance | Should -Be 999900.00
    }

    It 'Get-PayoutBalance says why a currency asked for is not shown: no currency code (EURO), or no balance held in it' {
        $shown = @(Get-PayoutBalance EURO, usd, ZAR -ErrorVariable errs -ErrorAction SilentlyContinue)

        $shown.Currency | Should -Be 'USD'
        @($errs).Count | Should -Be 2
        $errs[0].Exception.Message | Should -Be "-Currency 'EURO' is not an ISO 4217 currency code; write EUR."
        $errs[1].Exception.Message | Should -Match '^Merchant \d+ holds no ZAR balance; it holds [A-Z]{3}(, [A-Z]{3})*\.$'
        $errs[1].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'Get-PayoutExchangeRate: a decimal rate, a quote for an amount, and culture-safe amounts' {
        $rate = Get-PayoutExchangeRate USD EUR
        $rate.Rate | Should -BeOfType [decimal]
        $rate.Rate | Should -BeGreaterThan 0
        $quote = Get-PayoutExchangeRate -SourceCurrency USD -TargetCurrency EUR -SourceAmount 100.00
        $quote.SourceAmount | Should -Be 100.00
        $quote.TargetAmount | Should -Be ([Math]::Floor(100 * $rate.Rate * 100) / 100)
        Get-PayoutExchangeRate USD EUR -SourceAmount '1,50' -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].Exception.Message | Should -Match "SourceAmount '1,50' contains a comma"
    }

    It 'Get-PayoutPaymentMethod and Get-PayoutRequiredField compose, naming the parameter for each field' {
        $methods = @(Get-PayoutPaymentMethod -Country PH -Currency PHP)
        $methods.PaymentMethod | Should -Contain 'E_WALLET'
        $methods.PaymentMethod | Should -Contain 'CASH_PICKUP'
        $fields = @($methods | Where-Object PaymentMethod -eq 'SWIFT' | Get-PayoutRequiredField)
        ($fields | Where-Object Field -eq 'accountInfomation.swiftCode').Parameter | Should -Be 'SwiftCode'
        ($fields | Where-Object Field -eq 'receiverInfo.firstName').Parameter | Should -Be 'FirstName'
        $business = @(Get-PayoutRequiredField DE EUR -PayeeType Business)
        $business.Field | Should -Contain 'receiverInfo.companyName'
        $business.Field | Should -Not -Contain 'receiverInfo.firstName'
    }

    It 'Get-PayoutLedger: every entry once across windows and pages, equal to the service''s ledger' {
        $rows = 1..60 | ForEach-Object { [pscustomobject](New-TestPayee ('LED-{0:D2}' -f $_) '10.00') | Select-Object * -ExcludeProperty Force }
        $null = $rows | New-Payout -Force -ThrottleLimit 8
        $expected = @((Get-SandboxState $Sandbox).ledger | Where-Object currency -eq 'USD')
        $expected.Count | Should -Be 120

        $entries = @(Get-PayoutLedger USD -Since (Get-Date).AddDays(-100) -Until (Get-Date).AddMinutes(1))
        $entries.Count | Should -Be 120
        ($entries.EntryId | Sort-Object) | Should -Be ($expected.entryId | Sort-Object)
        ($entries | Where-Object Type -eq 'FEE').Count | Should -Be 60
        $sum = [decimal]0; foreach ($e in $entries) { $sum += $e.Amount }
        $sum | Should -Be ([decimal]'-600.00')
        @(Get-PayoutLedger USD -Since (Get-Date).AddDays(-1) -Type FEE).Count | Should -Be 60
    }

    It 'reports the service''s refusals as errors naming the field, and needs a connection' {
        Get-PayoutPaymentMethod -Country XX -Currency EUR -ErrorVariable e1 -ErrorAction SilentlyContinue
        $e1[0].FullyQualifiedErrorId | Should -BeLike 'PayoutPS.Api.InvalidRequest*'
        $e1[0].Exception.Message | Should -Match 'destinationCountry'
        Get-PayoutLedger ABCD -Since (Get-Date).AddDays(-1) -ErrorVariable e2 -ErrorAction SilentlyContinue
        $e2[0].Exception.Message | Should -Match 'currency'
        Get-PayoutExchangeRate USD EURO -ErrorVariable e3 -ErrorAction SilentlyContinue
        $e3[0].Exception.Message | Should -Match 'ISO 4217'
        Disconnect-PayoutEnvironment
        { Get-PayoutBalance } | Should -Throw -ErrorId 'PayoutPS.NotConnected*'
    }

    It 'Get-PayoutStatus -Status F -Since lists the failed payouts, flat enough for Export-Csv' {
        $null = Send-TestPayout 'OK-1'
        $null = Send-TestPayout 'FAIL-1' -Reference 'SANDBOX_FAIL'
        Move-SandboxClock $Sandbox 30
        $failed = @(Get-PayoutStatus -Status F -Since (Get-Date).AddDays(-7))
        $failed.RequestId | Should -Be @('FAIL-1')
        $failed | Export-Csv "$TestDrive/failed.csv" -NoTypeInformation
        (Import-Csv "$TestDrive/failed.csv").RequestId | Should -Be 'FAIL-1'
    }
}
