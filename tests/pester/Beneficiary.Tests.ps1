# Issue 9: payees as cmdlets, and paying them. Judged by the sandbox's payees and payouts.
BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    . (Join-Path $PSScriptRoot 'sandbox.ps1')
    $script:Sandbox = Start-TestSandbox @('--payee-review-seconds', '0.5')
    function Get-Payouts { @((Get-SandboxState $Sandbox).payouts) }
    function New-PayeeRow([string] $Last, [string] $Account) {
        [pscustomobject]@{ FirstName = 'Jan'; LastName = $Last; AccountNumber = $Account; Country = 'DE'; City = 'Köln'; AddressLine1 = 'Domplatz 1'; PayoutCurrency = 'EUR'; Notes = 'x' }
    }
}

AfterAll {
    Disconnect-PayoutEnvironment
    Stop-TestSandbox $Sandbox
}

Describe 'Payees' {
    BeforeEach {
        Reset-Sandbox $Sandbox
        $null = Connect-TestSandbox $Sandbox
    }

    It 'Import-Csv payees.csv | New-PayoutBeneficiary -Wait adds each payee and waits for its review' {
        $csv = "$TestDrive/payees.csv"
        @(New-PayeeRow 'Kowalski' 'DE02370502990000684712'; New-PayeeRow 'SANDBOX_REJECT' 'DE89370400440532013000'; New-PayeeRow 'Nowak' 'DE02 1203 0000 0000 2020 51') |
            Export-Csv $csv -NoTypeInformation -Encoding utf8
        $payees = @(Import-Csv $csv | New-PayoutBeneficiary -Wait -Force -WarningAction SilentlyContinue)
        $payees.Status | Should -Be @('PASS', 'REJECT', 'PASS')
        $payees[0].BeneficiaryId | Should -Match '^\d+$'
        $payees[0].Account | Should -Be '****4712'
        $state = @((Get-SandboxState $Sandbox).payees)
        $state.Count | Should -Be 3
        ($state | Where-Object beneficiaryId -eq $payees[2].BeneficiaryId).accountInfomation | Should -Be '{"cardNumber":"DE02120300000000202051"}'
    }

    It 'refuses a bad row naming it, and returns an existing payee with a warning instead of adding it twice' {
        $first = New-PayoutBeneficiary -FirstName Jan -LastName Kowalski -AccountNumber DE02370502990000684712 -Country DE -City Köln -AddressLine1 'Domplatz 1' -PayoutCurrency EUR -Force
        $again = New-PayoutBeneficiary -FirstName Jan -LastName Kowalski -AccountNumber DE02370502990000684712 -Country DE -City Köln -AddressLine1 'Domplatz 1' -PayoutCurrency EUR -Force -WarningVariable warnings -WarningAction SilentlyContinue
        $again.BeneficiaryId | Should -Be $first.BeneficiaryId
        $again.WasDuplicate | Should -BeTrue
        $warnings[0].Message | Should -Match 'already has a payee with this account'

        @(New-PayeeRow 'Bad' 'DE02370502990000684713') | New-PayoutBeneficiary -Force -ErrorVariable errs -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        $errs[0].Exception.Message | Should -Match '^Row 1: AccountNumber looks like an IBAN but its check digits do not match'
        @((Get-SandboxState $Sandbox).payees).Count | Should -Be 1
    }

    It 'refuses a new payee whose account belongs to a payee under another name, naming both, unless -SamePayee says so' {
        $first = New-PayoutBeneficiary -FirstName Jan -LastName Kowalski -AccountNumber DE02370502990000684712 -Country DE -City Köln -AddressLine1 'Domplatz 1' -PayoutCurrency EUR -Force
        $spaced = New-PayoutBeneficiary -FirstName ' JAN ' -LastName 'kowalski' -AccountNumber DE02370502990000684712 -Country DE -City Köln -AddressLine1 'Domplatz 1' -PayoutCurrency EUR -Force -WarningAction SilentlyContinue
        $spaced.BeneficiaryId | Should -Be $first.BeneficiaryId   # the same name, written differently

        $other = New-PayoutBeneficiary -FirstName Piotr -LastName Nowak -AccountNumber DE02370502990000684712 -Country DE -City Köln -AddressLine1 'Domplatz 1' -PayoutCurrency EUR -Force -ErrorVariable errs -ErrorAction SilentlyContinue
        $other | Should -BeNullOrEmpty
        $errs[0].Exception.Message | Should -Match "^The payee: the account \*\*\*\*4712 already belongs to payee $($first.BeneficiaryId) 'Jan Kowalski' \(\w+\), not 'Piotr Nowak'\..*add -SamePayee"
        @((Get-SandboxState $Sandbox).payees).Count | Should -Be 1

        $same = New-PayoutBeneficiary -FirstName Jana -LastName Kowalska -AccountNumber DE02370502990000684712 -Country DE -City Köln -AddressLine1 'Domplatz 1' -PayoutCurrency EUR -SamePayee -Force -WarningAction SilentlyContinue
        $same.BeneficiaryId | Should -Be $first.BeneficiaryId
        @((Get-SandboxState $Sandbox).payees).Count | Should -Be 1
    }

    It 'Get-PayoutBeneficiary finds by id, by account number and by status, and Set-PayoutBeneficiary changes one' {
        $payee = New-PayoutBeneficiary -FirstName Jan -LastName Kowalski -AccountNumber DE02370502990000684712 -Country DE -City Köln -AddressLine1 'Domplatz 1' -PayoutCurrency EUR -Wait -Force
        (Get-PayoutBeneficiary $payee.BeneficiaryId).Name | Should -Be 'Jan Kowalski'
        (Get-PayoutBeneficiary -AccountNumber 'DE02 3705 0299 0000 6847 12').BeneficiaryId | Should -Be $payee.BeneficiaryId
        @(Get-PayoutBeneficiary -Status PASS).BeneficiaryId | Should -Be @($payee.BeneficiaryId)
        @(Get-PayoutBeneficiary -Status REJECT) | Should -BeNullOrEmpty

        $changed = Set-PayoutBeneficiary -BeneficiaryId $payee.BeneficiaryId -FirstName Jan -LastName Kowalski -AccountNumber DE02370502990000684712 -Country DE -City Bonn -AddressLine1 'Markt 1' -PayoutCurrency EUR -Wait -Force
        $changed.Status | Should -Be 'PASS'
        ((Get-SandboxState $Sandbox).payees | Where-Object beneficiaryId -eq $payee.BeneficiaryId).address | Should -Match 'Bonn'
    }

    It 'says when a payee id is unknown' {
        Get-PayoutBeneficiary 1775999999999999999 -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'PayoutPS.Api.NotFound*'
        $errs[0].Exception.RespCode | Should -Be '14004'
        Set-PayoutBeneficiary -FirstName Jan -LastName K -AccountNumber DE02370502990000684712 -Country DE -City Köln -AddressLine1 x -PayoutCurrency EUR -Force -ErrorVariable e2 -ErrorAction SilentlyContinue
        $e2[0].Exception.Message | Should -Match 'BeneficiaryId is required'
    }

    It 'lists more than one page' {
        $rows = 1..105 | ForEach-Object { New-PayeeRow "P$_" ('{0:D10}' -f (1000000000 + $_)) }
        $null = $rows | New-PayoutBeneficiary -Force -WarningAction SilentlyContinue
        @(Get-PayoutBeneficiary).Count | Should -Be 105
    }

    It 'Get-PayoutBeneficiary -Status PASS | New-Payout pays each approved payee in its currency, and on behalf of a payer' {
        $a = New-PayoutBeneficiary -FirstName Jan -LastName Kowalski -AccountNumber DE02370502990000684712 -Country DE -City Köln -AddressLine1 'Domplatz 1' -PayoutCurrency EUR -Wait -Force
        $b = New-PayoutBeneficiary -PayeeType Business -CompanyName 'Nowak GmbH' -AccountNumber DE02120300000000202051 -Country DE -City Bonn -AddressLine1 'Markt 1' -PayoutCurrency EUR -Wait -Force
        $paid = @(Get-PayoutBeneficiary -Status PASS | New-Payout -SendAmount 25.00 -SourceCurrency USD -Purpose BusinessServices -Journal "$TestDrive/bonus.journal" -Force)
        $paid.Outcome | Should -Be @('Created', 'Created')
        $payouts = Get-Payouts
        ($payouts.beneficiaryId | Sort-Object) | Should -Be (@($a.BeneficiaryId, $b.BeneficiaryId) | Sort-Object)
        $payouts | ForEach-Object { $_.request.targetCurrency | Should -Be 'EUR'; $_.request.sourceAmount | Should -Be '25.00' }

        # README's on-behalf example, with a payee that now exists.
        $onBehalf = New-Payout -RequestId CREATOR-7 -BeneficiaryId $a.BeneficiaryId -PayerId 1776000000000000001 -ReceiveAmount 50.00 -SourceCurrency USD -TargetCurrency EUR -Purpose BusinessServices -Force
        $onBehalf.TargetAmount | Should -Be '50.00'
        (Get-Payouts | Where-Object requestId -eq 'CREATOR-7').payerId | Should -Be '1776000000000000001'
    }
}
