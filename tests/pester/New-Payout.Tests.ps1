BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    . (Join-Path $PSScriptRoot 'sandbox.ps1')
    $script:Sandbox = Start-TestSandbox
    function Get-Payouts { @((Get-SandboxState $Sandbox).payouts) }
}

AfterAll {
    Disconnect-PayoutEnvironment
    Stop-TestSandbox $Sandbox
}

Describe 'New-Payout' {
    BeforeEach {
        Reset-Sandbox $Sandbox
        $null = Connect-TestSandbox $Sandbox
    }

    Context 'scenarios' {
        It 'pays an individual given inline' {
            $result = Send-TestPayout 'IND-1'
            $result.Outcome | Should -Be 'Created'
            $result.Status | Should -Be 'A'
            $result.PayoutId | Should -Match '^\d{19}$'
            $result.SourceAmount | Should -Be '100.00'
            $result.TargetCurrency | Should -Be 'EUR'
            $result.Payee | Should -Be 'Anna Müller ****3000'
            (Get-Payouts).Count | Should -Be 1
        }

        It 'pays a business given inline' {
            $payee = New-TestPayee 'BIZ-1'
            $payee.Remove('FirstName'); $payee.Remove('LastName')
            $result = New-Payout @payee -PayeeType Business -CompanyName 'Müller & Söhne GmbH' -Purpose BusinessServices
            $result.Payee | Should -Be 'Müller & Söhne GmbH ****3000'
            $result.Outcome | Should -Be 'Created'
        }

        It 'pays an approved payee by -BeneficiaryId' {
            $add = [ordered]@{
                bankCountry = 'DE'; payoutCurrency = 'EUR'; entityType = '1'; paymentMethod = 'BANK_TRANSFER'
                receiverInfo = [ordered]@{ firstName = 'Jan'; lastName = 'Kowalski' }
                address = [ordered]@{ countryCode = 'DE'; city = 'Köln'; addressLine1 = 'Domplatz 1' }
                accountInfomation = [ordered]@{ cardNumber = 'DE02370502990000684712' }
            }
            $p = (Protect-PayoutRequest $add -Uri "$($Sandbox.BaseUri)/api/v1/beneficiary/add").RestParameters
            $beneficiaryId = (Invoke-RestMethod @p).data.beneficiaryId
            Move-SandboxClock $Sandbox 5

            $result = New-Payout -BeneficiaryId $beneficiaryId -RequestId 'BEN-1' -ReceiveAmount 50.00 -SourceCurrency EUR -Purpose 1 -Force
            $result.TargetAmount | Should -Be '50.00'
            $result.SourceAmount | Should -Be '50.50'
            (Get-Payouts)[0].beneficiaryId | Should -Be $beneficiaryId
        }

        It 'pays on behalf of a payer by -PayerId and by -PayerDetail' {
            $null = Send-TestPayout 'OBO-1' -PayerId 1776000000000000001
            $null = Send-TestPayout 'OBO-2' -PayerDetail @{ companyName = 'Creator Platform Ltd'; countryCode = 'GB' }
            $payouts = Get-Payouts
            ($payouts | Where-Object requestId -eq 'OBO-1').payerId | Should -Be '1776000000000000001'
            $payouts.Count | Should -Be 2
        }

        It 'sends SWIFT with -FeeBearing and refuses SWIFT without it' {
            $payee = New-TestPayee 'SW-1'
            $result = New-Payout @payee -PaymentMethod SWIFT -SwiftCode COBADEFFXXX -FeeBearing OUR
            $result.Fee | Should -Be '25.50'
            $payee = New-TestPayee 'SW-2'
            New-Payout @payee -PaymentMethod SWIFT -SwiftCode COBADEFFXXX -ErrorVariable errs -ErrorAction SilentlyContinue
            $errs[0].Exception.Message | Should -Match 'FeeBearing is required for SWIFT'
        }

        It 'refuses a payout without RequestId unless one may be generated, and then warns that it must be kept' {
            $payee = New-TestPayee 'unused'
            $payee.Remove('RequestId')
            New-Payout @payee -ErrorVariable errs -ErrorAction SilentlyContinue
            $errs[0].Exception.Message | Should -Match 'RequestId is missing.*-Journal.*-GenerateRequestId'
            (Get-Payouts).Count | Should -Be 0

            $result = New-Payout @payee -GenerateRequestId -WarningVariable warnings -WarningAction SilentlyContinue
            $result.RequestId | Should -Match '^[0-9a-f]{32}$'
            $warnings[0].Message | Should -Match '1 payout\(s\) had no RequestId'
            (Get-Payouts)[0].requestId | Should -Be $result.RequestId
        }

        It 'accepts the raw -Amount with -ChargeFlag Y as what must arrive' {
            $payee = New-TestPayee 'RAW-1'
            $payee.Remove('SendAmount')
            (New-Payout @payee -Amount 10.00 -ChargeFlag Y).TargetAmount | Should -Be '10.00'
        }
    }

    Context 'CSV batches' {
        It 'binds API field names from Import-Csv, refuses each bad amount naming the field, and continues' {
            $rows = @(
                @{ id = 'CSV-OK-1'; amount = '100.00'; currency = 'USD' }
                @{ id = 'CSV-B1'; amount = '1,50'; currency = 'USD' }
                @{ id = 'CSV-B2'; amount = '1.234,56'; currency = 'USD' }
                @{ id = 'CSV-B3'; amount = '1,000.00'; currency = 'USD' }
                @{ id = 'CSV-B4'; amount = '-5'; currency = 'USD' }
                @{ id = 'CSV-B5'; amount = '0'; currency = 'USD' }
                @{ id = 'CSV-B6'; amount = '1e3'; currency = 'USD' }
                @{ id = 'CSV-B7'; amount = 'NaN'; currency = 'USD' }
                @{ id = 'CSV-B8'; amount = '10.123'; currency = 'USD' }
                @{ id = 'CSV-B9'; amount = '100.5'; currency = 'JPY' }
                @{ id = 'CSV-B10'; amount = '1.1234'; currency = 'KWD' }
                @{ id = 'CSV-OK-2'; amount = '15000'; currency = 'JPY' }
            )
            $csv = "$TestDrive/payouts.csv"
            $rows | ForEach-Object {
                [pscustomobject]@{
                    requestId = $_.id; firstName = 'Anna'; lastName = 'Müller'; cardNumber = 'DE89370400440532013000'; countryCode = 'DE'; city = 'Berlin'
                    addressLine1 = 'Unter den Linden 1'; sourceAmount = $_.amount; sourceCurrency = $_.currency; targetCurrency = 'EUR'; transactionPurpose = '1'
                }
            } | Export-Csv $csv -NoTypeInformation -Encoding utf8

            $results = Import-Csv $csv | New-Payout -Force -ErrorVariable errs -ErrorAction SilentlyContinue

            # Rows are sent several at a time (-ThrottleLimit 4 by default): results come in the order they finish.
            ($results.RequestId | Sort-Object) | Should -Be @('CSV-OK-1', 'CSV-OK-2')
            $errs.Count | Should -Be 10
            foreach ($err in $errs) {
                $err.FullyQualifiedErrorId | Should -BeLike 'PayoutPS.InvalidAmount*'
                $err.Exception.Message | Should -Match '^Row \d+, RequestId CSV-B\d+: SendAmount '
            }
            $errs[0].Exception.Message | Should -Match "contains a comma"
            $errs[8].Exception.Message | Should -Match 'JPY allows 0'
            ((Get-Payouts).requestId | Sort-Object) | Should -Be @('CSV-OK-1', 'CSV-OK-2')
        }

        It 'shows throttled progress for a batch and completes it' {
            Add-SandboxFault $Sandbox @{ path = '/api/v2/txn/remittance'; kind = 'delay'; count = 3; delayMs = 300 }
            $rows = 1..3 | ForEach-Object { $p = New-TestPayee "PRG-$_"; $p.Remove('Force'); [pscustomobject]$p }
            $ps = [powershell]::Create()
            try {
                $null = $ps.AddScript("Import-Module '$ModulePath'; `$args[0] | New-Payout -Force -Context `$args[1]").AddArgument($rows).AddArgument((Get-PayoutEnvironment))
                $results = $ps.Invoke()
                $results.Count | Should -Be 3
                $progress = @($ps.Streams.Progress)
                $progress.Activity | Should -Contain 'Sending payouts'
                $progress[-1].RecordType | Should -Be 'Completed'
            }
            finally { $ps.Dispose() }
        }

        It 'refuses a computed floating-point amount with the currency rule, and sends nothing' {
            $payee = New-TestPayee 'DBL-1'
            $payee.SendAmount = 0.1 + 0.2
            New-Payout @payee -ErrorVariable errs -ErrorAction SilentlyContinue
            $errs[0].Exception.Message | Should -Match "SendAmount '0.30000000000000004' has 17 decimals but USD allows 2"
            (Get-Payouts).Count | Should -Be 0
        }

        It 'reports a service refusal for one row as a non-terminating error with the respCode' {
            $big = New-TestPayee 'BIG-1' '5000000.00'
            $small = New-TestPayee 'SMALL-1'
            $results = @(New-Payout @big -ErrorVariable errs -ErrorAction SilentlyContinue; New-Payout @small)
            @($results).RequestId | Should -Be 'SMALL-1'
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'PayoutPS.Api.InsufficientFunds*'
            $errs[0].CategoryInfo.Category | Should -Be 'QuotaExceeded'
            $errs[0].Exception.RespCode | Should -Be '14001'
            $errs[0].Exception.RequestId | Should -Be 'BIG-1'
        }
    }

    Context 'ShouldProcess' {
        It '-WhatIf emits the would-be payout, masked, and sends nothing' {
            $before = Get-SandboxState $Sandbox
            $payee = New-TestPayee 'WI-1'
            $payee.Remove('Force')
            $preview = New-Payout @payee -WhatIf
            $preview.Outcome | Should -Be 'WhatIf'
            $preview.Payee | Should -Be 'Anna Müller ****3000'
            $after = Get-SandboxState $Sandbox
            @($after.payouts).Count | Should -Be 0
            $after.merchants[0].balances.USD | Should -Be $before.merchants[0].balances.USD
        }

        It 'runs unattended with -Confirm:$false and no prompt in a non-interactive pwsh' {
            $script = @"
Import-Module '$ModulePath'
`$s = [securestring]::new(); '$SandboxSecretText'.ToCharArray() | % { `$s.AppendChar(`$_) }
`$null = Connect-PayoutEnvironment Local -Port $($Sandbox.Port) -MerchantId 800100 -SecretKey `$s
(New-Payout -RequestId NI-1 -FirstName A -LastName B -AccountNumber 123456789 -Country DE -City C -AddressLine1 D -SendAmount 5.00 -SourceCurrency USD -Purpose 1 -Confirm:`$false).Outcome
"@
            $lines = @((Invoke-FreshPwsh $script).Output.Trim() -split "`r?`n")
            $lines | Should -Contain 'Created'
            @($lines -match 'rows: .* paid').Count | Should -Be 0   # one payout is its own result: no summary line after it
        }

        It 'has ConfirmImpact High' {
            $attribute = [PayoutPS.Commands.NewPayoutCommand].GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0]
            $attribute.ConfirmImpact | Should -Be 'High'
        }
    }

    Context 'faults end in exactly one payout per requestId' {
        It '<Kind> on the remittance' -ForEach @(
            @{ Kind = 'http503'; Rule = @{ kind = 'http503'; count = 2 }; Outcome = 'Created' }
            @{ Kind = 'http500'; Rule = @{ kind = 'http500'; count = 1 }; Outcome = 'Created' }
            @{ Kind = 'reset'; Rule = @{ kind = 'reset'; count = 1 }; Outcome = 'Created' }
            @{ Kind = 'http429 with Retry-After'; Rule = @{ kind = 'http429'; count = 1; retryAfter = '1' }; Outcome = 'Created' }
            @{ Kind = 'systemError 11001'; Rule = @{ kind = 'systemError'; count = 1 }; Outcome = 'Created' }
            @{ Kind = 'commitThenDrop'; Rule = @{ kind = 'commitThenDrop'; count = 1 }; Outcome = 'Recovered' }
        ) {
            $Rule.path = '/api/v2/txn/remittance'
            Add-SandboxFault $Sandbox $Rule
            $requestId = 'FLT-' + [guid]::NewGuid().ToString('N').Substring(0, 8)

            $result = Send-TestPayout $requestId

            $result.Outcome | Should -Be $Outcome
            $payouts = @(Get-Payouts | Where-Object requestId -eq $requestId)
            $payouts.Count | Should -Be 1
            $result.PayoutId | Should -Be $payouts[0].payoutId
            (Get-SandboxState $Sandbox).merchants[0].balances.USD | Should -Be '999900.00'
        }

        It 'a delay longer than the timeout: looks before resending, and the late original changes nothing' {
            $null = Connect-TestSandbox $Sandbox @{ TimeoutSec = 1 }
            Add-SandboxFault $Sandbox @{ path = '/api/v2/txn/remittance'; kind = 'delay'; count = 1; delayMs = 2500 }

            $result = Send-TestPayout 'SLOW-1'
            Wait-SandboxHeld $Sandbox 0   # the late original has been answered too

            $result.Outcome | Should -BeIn 'Created', 'Recovered'
            $state = Get-SandboxState $Sandbox
            @($state.payouts).Count | Should -Be 1
            # 2 when the resend beat the late original (which then got 13003), 1 when the lookup found it first.
            $state.creationAttempts.'800100:SLOW-1' | Should -BeIn 1, 2
            $state.merchants[0].balances.USD | Should -Be '999900.00'
        }

        It 'a batch under seeded random faults of every kind pays each requestId exactly once' {
            $null = Connect-TestSandbox $Sandbox @{ MaxRetries = 6 }
            $seed = 11
            foreach ($kind in 'http503', 'reset', 'commitThenDrop', 'systemError', 'http500') {
                Add-SandboxFault $Sandbox @{ path = '/api/v2/txn/remittance'; kind = $kind; probability = 0.12; seed = $seed++ }
            }
            Add-SandboxFault $Sandbox @{ path = '/api/v1/txn/queryList'; kind = 'reset'; probability = 0.1; seed = $seed }
            $ids = 1..30 | ForEach-Object { 'CHAOS-{0:D2}' -f $_ }
            $rows = $ids | ForEach-Object { [pscustomobject](New-TestPayee $_ '10.00') }

            $first = @($rows | New-Payout -Force -ErrorVariable firstErrors -ErrorAction SilentlyContinue)
            # Whatever did not get through is simply sent again with the same RequestIds.
            $again = @($rows | Where-Object RequestId -notin $first.RequestId | New-Payout -Force -ErrorAction SilentlyContinue)

            $state = Get-SandboxState $Sandbox
            $payouts = @($state.payouts)
            $payouts.Count | Should -Be 30
            ($payouts.requestId | Sort-Object -Unique).Count | Should -Be 30
            ($first + $again).Count | Should -Be 30
            ($first + $again | Where-Object Outcome -eq 'Recovered').Count | Should -BeGreaterThan 0
            $state.merchants[0].balances.USD | Should -Be '999700.00'
        }

        It 'sending the same requestId twice pays once and says so' {
            $first = Send-TestPayout 'TWICE-1'
            $second = Send-TestPayout 'TWICE-1'
            $second.Outcome | Should -Be 'AlreadyExisted'
            $second.PayoutId | Should -Be $first.PayoutId
            (Get-Payouts).Count | Should -Be 1
        }
    }

    Context 'cancellation and secrecy' {
        It 'on Ctrl+C (StopProcessing) lets the request in flight finish instead of abandoning it' {
            Add-SandboxFault $Sandbox @{ path = '/api/v2/txn/remittance'; kind = 'delay'; count = 1; delayMs = 5000 }
            $payee = New-TestPayee 'STOP-1'
            $payee.Context = Get-PayoutEnvironment
            $ps = [powershell]::Create()
            try {
                $null = $ps.AddScript("Import-Module '$ModulePath'").AddStatement().AddCommand('New-Payout').AddParameters($payee)
                $handle = $ps.BeginInvoke()
                Wait-SandboxHeld $Sandbox 1   # the request is at the service, held for 5 s
                $watch = [Diagnostics.Stopwatch]::StartNew()
                $ps.Stop()
                $watch.Elapsed.TotalSeconds | Should -BeGreaterThan 1 -Because 'Stop waited for the request still held'
                $watch.Elapsed.TotalSeconds | Should -BeLessThan 20
                $ps.InvocationStateInfo.State | Should -Be 'Stopped'
                @(Get-Payouts).requestId | Should -Be @('STOP-1')
            }
            finally { $ps.Dispose() }
        }

        It 'never shows the secret or a full account number in -Verbose and -Debug output of a full run' {
            Add-SandboxFault $Sandbox @{ path = '/api/v2/txn/remittance'; kind = 'http503'; count = 1 }
            $all = & {
                $context = Connect-TestSandbox $Sandbox @{ Verbose = $true }
                $context | Format-List * | Out-String
                $payout = Send-TestPayout 'SECRET-1' -Verbose -Debug
                $payout | Format-List * | Out-String
                $payout | Get-PayoutStatus -Verbose -Debug | Format-List * | Out-String
                Send-TestPayout 'SECRET-2' '1,50' -Verbose -Debug -ErrorAction Continue
            } *>&1 | Out-String

            $all | Should -Match 'POST /api/v2/txn/remittance attempt 2: HTTP 200 respCode 20000'
            $all | Should -Match '\*\*\*\*3000'
            $all | Should -Not -Match $SandboxSecretText
            $all | Should -Not -Match 'DE89370400440532013000'
            $all | Should -Not -Match '"sign":"[0-9a-f]{64}"'
        }

        It 'says to connect first when there is no context' {
            Disconnect-PayoutEnvironment
            { Send-TestPayout 'NC-1' } | Should -Throw -ErrorId 'PayoutPS.NotConnected*'
        }
    }
}
