# Issue 7: every row is paid exactly as written, or refused with its row and field named. Judged by the
# wire: the sandbox's /_sandbox/state keeps each payout's request fields as they arrived.
BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    . (Join-Path $PSScriptRoot 'sandbox.ps1')
    $script:Sandbox = Start-TestSandbox
    function Get-Payouts { @((Get-SandboxState $Sandbox).payouts) }
    function Get-Wire([string] $RequestId) { (Get-Payouts | Where-Object requestId -eq $RequestId).request }

    # One CSV row with every column the catalog uses; -Set overrides cells.
    function New-Row([string] $RequestId, [hashtable] $Set = @{}) {
        $row = [ordered]@{
            RequestId = $RequestId; BeneficiaryId = ''; PayeeType = ''; FirstName = 'Anna'; LastName = 'Müller'; CompanyName = ''
            AccountNumber = 'DE89370400440532013000'; Country = 'DE'; City = 'Berlin'; AddressLine1 = 'Unter den Linden 1'
            SendAmount = '100.00'; ReceiveAmount = ''; Amount = ''; ChargeFlag = ''; SourceCurrency = 'USD'; TargetCurrency = 'EUR'
            Purpose = 'PersonalRemittance'; PaymentMethod = ''; SwiftCode = ''; FeeBearing = ''; PayerId = ''; PayerDetail = ''
            Reference = ''; Refrence = ''; Notes = 'payroll note'
        }
        foreach ($key in $Set.Keys) { $row[$key] = $Set[$key] }
        [pscustomobject]$row
    }

    function Add-Payee([string] $CardNumber) {
        $add = [ordered]@{
            bankCountry = 'DE'; payoutCurrency = 'EUR'; entityType = '1'; paymentMethod = 'BANK_TRANSFER'
            receiverInfo = [ordered]@{ firstName = 'Jan'; lastName = 'Kowalski' }
            address = [ordered]@{ countryCode = 'DE'; city = 'Köln'; addressLine1 = 'Domplatz 1' }
            accountInfomation = [ordered]@{ cardNumber = $CardNumber }
        }
        $p = (Protect-PayoutRequest $add -Uri "$($Sandbox.BaseUri)/api/v1/beneficiary/add").RestParameters
        $id = (Invoke-RestMethod @p).data.beneficiaryId
        Move-SandboxClock $Sandbox 5
        $id
    }
}

AfterAll {
    Disconnect-PayoutEnvironment
    Stop-TestSandbox $Sandbox
}

Describe 'New-Payout pays each row exactly as written' {
    BeforeEach {
        Reset-Sandbox $Sandbox
        $null = Connect-TestSandbox $Sandbox
    }

    Context 'money must not go elsewhere' {
        It 'refuses -BeneficiaryId together with an inline payee instead of dropping the payee' {
            $payee = New-TestPayee 'BEN-MIX'
            New-Payout @payee -BeneficiaryId 1775000000000000001 -ErrorVariable errs -ErrorAction SilentlyContinue
            $errs[0].Exception.Message | Should -Match 'BeneficiaryId pays an approved payee, but this payout also gives an inline payee \(FirstName, LastName, AccountNumber, Country, City, AddressLine1\)'
            (Get-Payouts).Count | Should -Be 0
        }

        It 'takes a RequestId given as a number as its text, instead of treating the row as one without an id' {
            $row = New-Row 'placeholder'
            $row.RequestId = 4242
            $result = $row | New-Payout -Force -WarningAction SilentlyContinue

            $result.RequestId | Should -Be '4242'
            @(Get-Payouts).requestId | Should -Be @('4242')
        }

        It 'refuses a RequestId repeated in one run with different content, and never labels Bob as paid' {
            $rows = @(New-Row 'DUP-1'; New-Row 'DUP-1' @{ FirstName = 'Bob'; SendAmount = '250.00' })
            $results = @($rows | New-Payout -Force -ErrorVariable errs -ErrorAction SilentlyContinue -WarningAction SilentlyContinue)
            $results.Count | Should -Be 1
            $results[0].Payee | Should -Match '^Anna'
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'PayoutPS.RequestIdReused*'
            $errs[0].Exception.Message | Should -Match '^Row 2, RequestId DUP-1: RequestId DUP-1 was already used in this run \(row 1\)'
            $payouts = Get-Payouts
            $payouts.Count | Should -Be 1
            $payouts[0].payeeName | Should -Be 'Anna Müller'
            $payouts[0].request.sourceAmount | Should -Be '100.00'
        }

        It 'a repeated row with the same content is the same payout: sent once, counted once, named' {
            $results = @(@(New-Row 'SAME-1'; New-Row 'SAME-1') | New-Payout -Force -SummaryVariable summary -WarningVariable warned -WarningAction SilentlyContinue)
            $results.Outcome | Should -Be 'Created'
            @($warned.Message -match '^Row 2, .*repeats RequestId SAME-1 of row 1 ').Count | Should -Be 1
            $summary.Paid | Should -Be 1
            $summary.Repeated | Should -Be 1
            @($summary.Totals).Count | Should -Be 1
            $summary.Totals[0].Payouts | Should -Be 1
            $summary.ExitCode | Should -Be 0
            (Get-Payouts).Count | Should -Be 1
            (Get-Payouts)[0].creationAttempts | Should -Be 1 -Because 'the repeated row is never sent'
        }

        It 'when the service already holds the RequestId for another payout (13003), it is an error, not a result' {
            $null = Send-TestPayout 'TAKEN-1'
            $bob = New-TestPayee 'TAKEN-1' '250.00'
            $bob.FirstName = 'Bob'
            $result = New-Payout @bob -ErrorVariable errs -ErrorAction SilentlyContinue
            $result | Should -BeNullOrEmpty
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'PayoutPS.Api.RequestIdConflict*'
            $errs[0].Exception.Message | Should -Match 'already used for another payout .*sourceAmount 100.00 \(this row: 250.00\).*NOT paid'
            (Get-Payouts).Count | Should -Be 1
        }

        It 'sends a PayerDetail CSV column (JSON text) as the payer, not as the merchant itself' {
            $row = New-Row 'OBO-CSV' @{ PayerDetail = '{"companyName":"Creator Platform Ltd","countryCode":"GB"}' }
            $csv = "$TestDrive/obo.csv"
            $row | Export-Csv $csv -NoTypeInformation -Encoding utf8
            $null = Import-Csv $csv | New-Payout -Force -WarningAction SilentlyContinue
            (Get-Wire 'OBO-CSV').payerDetail | Should -Be '{"companyName":"Creator Platform Ltd","countryCode":"GB"}'
        }

        It 'refuses an empty or nested -PayerDetail, and writes numbers without culture' {
            $payee = New-TestPayee 'OBO-EMPTY'
            New-Payout @payee -PayerDetail @{} -ErrorVariable e1 -ErrorAction SilentlyContinue
            $payee.RequestId = 'OBO-ARRAY'
            New-Payout @payee -PayerDetail @{ companyName = 'X'; ids = @(1, 2) } -ErrorVariable e2 -ErrorAction SilentlyContinue
            $e1[0].Exception.Message | Should -Match 'PayerDetail is empty'
            $e2[0].Exception.Message | Should -Match "PayerDetail key 'ids' holds a nested list"

            $culture = [cultureinfo]::CurrentCulture
            try {
                [cultureinfo]::CurrentCulture = 'de-DE'
                $payee.RequestId = 'OBO-CULTURE'
                $null = New-Payout @payee -PayerDetail @{ companyName = 'X'; share = 0.25 }
            }
            finally { [cultureinfo]::CurrentCulture = $culture }
            (Get-Wire 'OBO-CULTURE').payerDetail | Should -Be '{"companyName":"X","share":"0.25"}'
            @(Get-Payouts).requestId | Should -Be @('OBO-CULTURE')
        }
    }

    Context 'bad text must not reach a bank' {
        It 'refuses a Windows-1252 CSV read as UTF-8, saying how to read it, and pays it once read right' {
            $csv = "$TestDrive/excel.csv"
            $text = "RequestId,FirstName,LastName,AccountNumber,Country,City,AddressLine1,SendAmount,SourceCurrency,Purpose`r`n" +
                    "ENC-1,Jürgen,Müller,DE89370400440532013000,DE,München,Marienplatz 8,10.00,USD,1`r`n"
            [IO.File]::WriteAllBytes($csv, [Text.Encoding]::GetEncoding(1252).GetBytes($text))

            Import-Csv $csv | New-Payout -Force -ErrorVariable errs -ErrorAction SilentlyContinue
            $errs[0].Exception.Message | Should -Match 'Row 1, RequestId ENC-1: FirstName contains .*could not be decoded.*CSV UTF-8.*Import-Csv -Encoding'
            (Get-Payouts).Count | Should -Be 0

            $null = Import-Csv $csv -Encoding 1252 | New-Payout -Force
            (Get-Payouts)[0].payeeName | Should -Be 'Jürgen Müller'
        }

        It 'refuses control characters in any field' {
            $rows = @(New-Row 'CTL-1' @{ City = "Berlin`nMitte" }; New-Row 'CTL-2' @{ LastName = "Mül`0ler" }; New-Row 'CTL-3' @{ AddressLine1 = "A`tB" })
            $rows | New-Payout -Force -ErrorVariable errs -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
            $errs.Count | Should -Be 3
            $errs.Exception.Message | ForEach-Object { $_ | Should -Match 'control character' }
            (Get-Payouts).Count | Should -Be 0
        }

        It 'removes spaces and dashes from account numbers and refuses a mistyped IBAN' {
            $rows = @(New-Row 'IBAN-OK' @{ AccountNumber = 'DE89 3704-0044 0532 0130 00' }; New-Row 'IBAN-BAD' @{ AccountNumber = 'DE89 3704 0044 0532 0130 01' })
            $rows | New-Payout -Force -ErrorVariable errs -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
            (Get-Wire 'IBAN-OK').accountInfomation | Should -Be '{"cardNumber":"DE89370400440532013000"}'
            $errs[0].Exception.Message | Should -Match 'RequestId IBAN-BAD: AccountNumber looks like an IBAN but its check digits do not match'
            @(Get-Payouts).requestId | Should -Be @('IBAN-OK')
        }

        It 'refuses a near-miss column with "did you mean", lists other columns once, and honours -IgnoreColumn' {
            $rows = @(
                [pscustomobject](New-TestPayee 'COL-1') | Select-Object * -ExcludeProperty SendAmount, Force | Select-Object *, @{ n = 'SendAmmount'; e = { '10.00' } }
            )
            $rows | New-Payout -Force -ErrorVariable errs -ErrorAction SilentlyContinue
            $errs[0].Exception.Message | Should -Match "Row 1, RequestId COL-1: Column 'SendAmmount' is not a New-Payout field; did you mean SendAmount\?"

            $extra = 1..3 | ForEach-Object { [pscustomobject](New-TestPayee "COL-OK-$_") | Select-Object * -ExcludeProperty Force | Select-Object *, @{ n = 'Contry'; e = { 'x' } }, @{ n = 'CostCentre'; e = { '42' } } }
            $null = $extra | New-Payout -Force -IgnoreColumn Contry -WarningVariable warnings -WarningAction SilentlyContinue
            @($warnings).Count | Should -Be 1
            $warnings[0].Message | Should -Match 'does not use the column\(s\) CostCentre;'
            (Get-Payouts).Count | Should -Be 3
        }

        It 'names the delimiter when a German Excel CSV (;) is read with commas' {
            $csv = "$TestDrive/semicolon.csv"
            Set-Content $csv -Encoding utf8 -Value "RequestId;FirstName;LastName;AccountNumber;Country;City;AddressLine1;SendAmount;SourceCurrency;Purpose", "SEMI-1;Anna;Müller;DE89370400440532013000;DE;Berlin;Mitte 1;1,50;USD;1"
            Import-Csv $csv | New-Payout -Force -ErrorVariable errs -ErrorAction SilentlyContinue
            $errs[0].Exception.Message | Should -Match "separated by ';'.*Import-Csv -Delimiter ';'"
            ($errs[0] | Out-String) + ($errs[0].TargetObject | Out-String) | Should -Not -Match 'DE89370400440532013000'

            Import-Csv $csv -Delimiter ';' | New-Payout -Force -ErrorVariable errs2 -ErrorAction SilentlyContinue
            $errs2[0].Exception.Message | Should -Match "Row 1, RequestId SEMI-1: SendAmount '1,50' contains a comma"
            (Get-Payouts).Count | Should -Be 0
        }
    }

    Context 'amounts as people type them' {
        It 'sends typed amounts in the currency canonical form and signs that text' {
            $payee = New-TestPayee 'AMT-1'; $payee.Remove('SendAmount')
            $null = New-Payout @payee -SendAmount 12.5
            $payee.RequestId = 'AMT-2'; $null = New-Payout @payee -SendAmount 100
            $payee.RequestId = 'AMT-3'; $null = New-Payout @payee -SendAmount '007.50'
            $payee.RequestId = 'AMT-4'; $payee.SourceCurrency = 'JPY'; $null = New-Payout @payee -SendAmount 15000
            (Get-Wire 'AMT-1').sourceAmount | Should -Be '12.50'
            (Get-Wire 'AMT-2').sourceAmount | Should -Be '100.00'
            (Get-Wire 'AMT-3').sourceAmount | Should -Be '7.50'
            (Get-Wire 'AMT-4').sourceAmount | Should -Be '15000'
        }

        It 'gives the currency rule, not a floating-point message, for 100.001' {
            $payee = New-TestPayee 'AMT-5'; $payee.Remove('SendAmount')
            New-Payout @payee -SendAmount 100.001 -ErrorVariable errs -ErrorAction SilentlyContinue
            $errs[0].Exception.Message | Should -Match "SendAmount '100.001' has 3 decimals but USD allows 2"
            (Get-Payouts).Count | Should -Be 0
        }
    }

    Context 'errors a person can act on' {
        It 'reports rows the binder used to reject (a JSON number, an unknown PaymentMethod) itself, without the account number' {
            $json = '[{"RequestId":"JS-1","FirstName":"A","LastName":"B","AccountNumber":"DE89370400440532013000","Country":"DE","City":"C","AddressLine1":"D","SendAmount":10.5,"SourceCurrency":"USD","Purpose":"1"},
                      {"RequestId":"JS-2","FirstName":"A","LastName":"B","AccountNumber":"DE89370400440532013000","Country":"DE","City":"C","AddressLine1":"D","SendAmount":"10.00","SourceCurrency":"USD","Purpose":"1","PaymentMethod":"CHEQUE"}]'
            $json | ConvertFrom-Json | New-Payout -Force -ErrorVariable errs -ErrorAction SilentlyContinue
            (Get-Wire 'JS-1').sourceAmount | Should -Be '10.50'
            $errs.Count | Should -Be 1
            $errs[0].Exception.Message | Should -Match "Row 2, RequestId JS-2: PaymentMethod 'CHEQUE' is not one of"
            ($errs[0] | Format-List * -Force | Out-String) + ($errs[0].TargetObject | Out-String) | Should -Not -Match 'DE89370400440532013000'
        }

        It 'fails before the first row in a non-interactive session without -Force, with its own error id and a non-zero exit' {
            $script = @"
Import-Module '$ModulePath'
`$s = [securestring]::new(); '$SandboxSecretText'.ToCharArray() | % { `$s.AppendChar(`$_) }
`$null = Connect-PayoutEnvironment Local -Port $($Sandbox.Port) -MerchantId 800100 -SecretKey `$s
New-Payout -RequestId NI-2 -FirstName A -LastName B -AccountNumber 123456789 -Country DE -City C -AddressLine1 D -SendAmount 5.00 -SourceCurrency USD -Purpose 1
if (-not `$?) { 'id=' + `$Error[0].FullyQualifiedErrorId; exit 3 }
"@
            $run = Invoke-FreshPwsh $script
            $run.Output | Should -Match 'needs confirmation .* non-interactive\. Add -Force \(or -Confirm:\$false\)'
            $run.Output | Should -Match 'id=PayoutPS.ConfirmationRequired,PayoutPS.Commands.NewPayoutCommand'
            $run.Output | Should -Not -Match 'NonInteractive mode'
            $run.ExitCode | Should -Be 3
            (Get-Payouts).Count | Should -Be 0
        }

        It 'a service refusal that names an API field also names the parameter' {
            $payee = New-TestPayee 'XX-1'
            $payee.Country = 'XX'
            New-Payout @payee -ErrorVariable errs -ErrorAction SilentlyContinue
            $errs[0].Exception.Message | Should -Match "address\.countryCode 'XX'.*That is -Country: fix it"
        }

        It 'a failed connect leaves the runspace disconnected, and says so' {
            $good = Get-PayoutEnvironment
            $good | Should -Not -BeNullOrEmpty
            $wrong = ConvertTo-TestSecureString ('0' * 32)
            $failure = { Connect-PayoutEnvironment Local -Port $Sandbox.Port -MerchantId $SandboxMerchant -SecretKey $wrong } | Should -Throw -PassThru
            $failure.ErrorDetails.Message | Should -Match 'rejected the signature.*This runspace is now disconnected'
            $failure | Out-String | Should -Match 'This runspace is now disconnected'
            Get-PayoutEnvironment | Should -BeNullOrEmpty
            { Send-TestPayout 'AFTER-FAIL' } | Should -Throw -ErrorId 'PayoutPS.NotConnected*'
            (Get-Payouts).Count | Should -Be 0
        }

        It 'a context kept in a variable keeps working after a reconnect' {
            $saved = Connect-TestSandbox $Sandbox
            $null = Connect-TestSandbox $Sandbox
            $payee = New-TestPayee 'KEPT-1'
            (New-Payout @payee -Context $saved).Outcome | Should -Be 'Created'
        }
    }

    Context 'never "nothing was paid" when it may have been' {
        It 'a delay past the timeout on every attempt is reported in doubt, and the service does commit it later' {
            $null = Connect-TestSandbox $Sandbox @{ TimeoutSec = 1; MaxRetries = 1 }
            Add-SandboxFault $Sandbox @{ path = '/api/v2/txn/remittance'; kind = 'delay'; count = 2; delayMs = 4000 }
            $payee = New-TestPayee 'DOUBT-1'
            $result = New-Payout @payee -ErrorVariable errs -ErrorAction SilentlyContinue
            $result | Should -BeNullOrEmpty
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'PayoutPS.Api.InDoubt*'
            $errs[0].Exception.Message | Should -Match 'in doubt.*Get-PayoutStatus -RequestId DOUBT-1'
            $errs[0].Exception.Message | Should -Not -Match 'nothing was paid'
            Wait-SandboxHeld $Sandbox 0   # both delayed attempts answered: the first paid, the second found it (13003)
            @(Get-Payouts).requestId | Should -Be @('DOUBT-1')
        }

        It 'Ctrl+C with a request in flight warns that its requestId is in doubt' {
            Add-SandboxFault $Sandbox @{ path = '/api/v2/txn/remittance'; kind = 'delay'; count = 1; delayMs = 5000 }
            $script = New-CtrlCScript $Sandbox -StopWhen '(Invoke-RestMethod "$control/held").held -eq 1' -Invocation @"
`$null = `$ps.AddScript("Import-Module '$ModulePath'").AddStatement().AddCommand('New-Payout').AddParameters(@{ Context = `$context; RequestId = 'STOP-2'; FirstName = 'A'; LastName = 'B'; AccountNumber = '123456789'; Country = 'DE'; City = 'C'; AddressLine1 = 'D'; SendAmount = '5.00'; SourceCurrency = 'USD'; Purpose = '1'; Force = `$true })
"@
            $run = Invoke-FreshPwsh $script
            $run.Output | Should -Match 'Stopped while requestId STOP-2 was in flight: it is in doubt'
            Wait-SandboxHeld $Sandbox 0
            @(Get-Payouts).requestId | Should -Be @('STOP-2')
        }
    }
}

Describe 'The bad-row catalog' {
    BeforeAll {
        Reset-Sandbox $Sandbox
        $null = Connect-TestSandbox $Sandbox
        $beneficiaryId = Add-Payee 'GB29NWBK60161331926819'
        $script:Good = @(
            @{ Id = 'G-PLAIN' }
            @{ Id = 'G-SPACES'; Set = @{ AccountNumber = 'DE89 3704 0044 0532 0130 00' }; Wire = @{ accountInfomation = '{"cardNumber":"DE89370400440532013000"}' } }
            @{ Id = 'G-INT'; Set = @{ SendAmount = '100' }; Wire = @{ sourceAmount = '100.00' } }
            @{ Id = 'G-ZEROS'; Set = @{ SendAmount = '007.50' }; Wire = @{ sourceAmount = '7.50' } }
            @{ Id = 'G-JPY'; Set = @{ SendAmount = '15000'; SourceCurrency = 'JPY' }; Wire = @{ sourceAmount = '15000' } }
            @{ Id = 'G-RECEIVE'; Set = @{ SendAmount = ''; ReceiveAmount = '50' }; Wire = @{ targetAmount = '50.00'; chargeFlag = 'Y' } }
            @{ Id = 'G-BIZ-SWIFT'; Set = @{ PayeeType = 'Business'; FirstName = ''; LastName = ''; CompanyName = 'Müller & Söhne GmbH'; PaymentMethod = 'SWIFT'; SwiftCode = 'cobadeffxxx'; FeeBearing = 'sha' }; Wire = @{ entityType = '0'; feeBearing = 'SHA' } }
            @{ Id = 'G-OBO-JSON'; Set = @{ PayerDetail = '{"companyName":"Creator Ltd","countryCode":"GB"}' }; Wire = @{ payerDetail = '{"companyName":"Creator Ltd","countryCode":"GB"}' } }
            @{ Id = 'G-OBO-ID'; Set = @{ PayerId = '1776000000000000001' }; Wire = @{ payerId = '1776000000000000001' } }
            @{ Id = 'G-BENEFICIARY'; Set = @{ BeneficiaryId = $beneficiaryId; FirstName = ''; LastName = ''; AccountNumber = ''; Country = ''; City = ''; AddressLine1 = '' }; Wire = @{ beneficiaryId = $beneficiaryId } }
            @{ Id = 'G-REF'; Set = @{ Reference = 'Invoice 2026-11' }; Wire = @{ reference = 'Invoice 2026-11' } }
        )
        $script:Bad = @(
            @{ Id = 'B-COMMA'; Set = @{ SendAmount = '1,50' }; Field = 'SendAmount' }
            @{ Id = 'B-GERMAN'; Set = @{ SendAmount = '1.234,56' }; Field = 'SendAmount' }
            @{ Id = 'B-THOUSANDS'; Set = @{ SendAmount = '1,000.00' }; Field = 'SendAmount' }
            @{ Id = 'B-NEGATIVE'; Set = @{ SendAmount = '-5' }; Field = 'SendAmount' }
            @{ Id = 'B-ZERO'; Set = @{ SendAmount = '0' }; Field = 'SendAmount' }
            @{ Id = 'B-EXP'; Set = @{ SendAmount = '1e3' }; Field = 'SendAmount' }
            @{ Id = 'B-NAN'; Set = @{ SendAmount = 'NaN' }; Field = 'SendAmount' }
            @{ Id = 'B-USD3'; Set = @{ SendAmount = '10.123' }; Field = 'SendAmount' }
            @{ Id = 'B-JPY1'; Set = @{ SendAmount = '100.5'; SourceCurrency = 'JPY' }; Field = 'SendAmount' }
            @{ Id = 'B-KWD4'; Set = @{ SendAmount = '1.1234'; SourceCurrency = 'KWD' }; Field = 'SendAmount' }
            @{ Id = 'B-TWO-AMOUNTS'; Set = @{ ReceiveAmount = '50.00' }; Field = 'SendAmount' }
            @{ Id = 'B-NO-AMOUNT'; Set = @{ SendAmount = '' }; Field = 'SendAmount' }
            @{ Id = 'B-AMOUNT-NOFLAG'; Set = @{ SendAmount = ''; Amount = '10.00' }; Field = 'ChargeFlag' }
            @{ Id = 'B-FLAG'; Set = @{ ChargeFlag = 'X' }; Field = 'ChargeFlag' }
            @{ Id = 'B-SRC-CUR'; Set = @{ SourceCurrency = 'US' }; Field = 'SourceCurrency' }
            @{ Id = 'B-TGT-CUR'; Set = @{ TargetCurrency = 'EURO' }; Field = 'TargetCurrency' }
            @{ Id = 'B-PURPOSE'; Set = @{ Purpose = 'Salary' }; Field = 'Purpose' }
            @{ Id = 'B-REF-LONG'; Set = @{ Reference = 'x' * 300 }; Field = 'Reference' }
            @{ Id = 'B-BEN-INLINE'; Set = @{ BeneficiaryId = $beneficiaryId }; Field = 'BeneficiaryId' }
            @{ Id = 'B-BEN-SHAPE'; Set = @{ BeneficiaryId = 'abc'; FirstName = ''; LastName = ''; AccountNumber = ''; Country = ''; City = ''; AddressLine1 = '' }; Field = 'BeneficiaryId' }
            @{ Id = 'B-PAYER-BOTH'; Set = @{ PayerId = '1776000000000000001'; PayerDetail = '{"companyName":"X"}' }; Field = 'PayerId' }
            @{ Id = 'B-PAYER-EMPTY'; Set = @{ PayerDetail = '{}' }; Field = 'PayerDetail' }
            @{ Id = 'B-PAYER-ARRAY'; Set = @{ PayerDetail = '[1]' }; Field = 'PayerDetail' }
            @{ Id = 'B-PAYER-NESTED'; Set = @{ PayerDetail = '{"companyName":{"x":"y"}}' }; Field = 'PayerDetail' }
            @{ Id = 'B-PAYER-JSON'; Set = @{ PayerDetail = '{companyName:' }; Field = 'PayerDetail' }
            @{ Id = 'B-PAYER-ID'; Set = @{ PayerId = '17760000000000000011' }; Field = 'PayerId' }
            @{ Id = 'B-TYPE'; Set = @{ PayeeType = 'Robot' }; Field = 'PayeeType' }
            @{ Id = 'B-BIZ-NONAME'; Set = @{ PayeeType = 'Business' }; Field = 'CompanyName' }
            @{ Id = 'B-NO-LAST'; Set = @{ LastName = '' }; Field = 'LastName' }
            @{ Id = 'B-NO-ACCOUNT'; Set = @{ AccountNumber = '' }; Field = 'AccountNumber' }
            @{ Id = 'B-NO-COUNTRY'; Set = @{ Country = '' }; Field = 'Country' }
            @{ Id = 'B-COUNTRY'; Set = @{ Country = 'Germany' }; Field = 'Country' }
            @{ Id = 'B-NO-CITY'; Set = @{ City = '' }; Field = 'City' }
            @{ Id = 'B-NO-STREET'; Set = @{ AddressLine1 = '' }; Field = 'AddressLine1' }
            @{ Id = 'B-SWIFT-NOBIC'; Set = @{ PaymentMethod = 'SWIFT'; FeeBearing = 'SHA' }; Field = 'SwiftCode' }
            @{ Id = 'B-SWIFT-NOFEE'; Set = @{ PaymentMethod = 'SWIFT'; SwiftCode = 'COBADEFFXXX' }; Field = 'FeeBearing' }
            @{ Id = 'B-FEE-LOCAL'; Set = @{ FeeBearing = 'OUR' }; Field = 'FeeBearing' }
            @{ Id = 'B-METHOD'; Set = @{ PaymentMethod = 'CHEQUE' }; Field = 'PaymentMethod' }
            @{ Id = 'B-IBAN-CHECK'; Set = @{ AccountNumber = 'DE89370400440532013001' }; Field = 'AccountNumber' }
            @{ Id = 'B-IBAN-LENGTH'; Set = @{ AccountNumber = 'DE8937040044053201300' }; Field = 'AccountNumber' }
            @{ Id = 'B-ACCOUNT-CHAR'; Set = @{ AccountNumber = 'DE89/370400440532013000' }; Field = 'AccountNumber' }
            @{ Id = 'B-MOJIBAKE'; Set = @{ FirstName = "J$([char]0xFFFD)rgen" }; Field = 'FirstName' }
            @{ Id = 'B-NEWLINE'; Set = @{ City = "Berlin`nMitte" }; Field = 'City' }
            @{ Id = 'B-TAB'; Set = @{ LastName = "Mül`tler" }; Field = 'LastName' }
            @{ Id = 'B-ID-TOO-LONG-0123456789012345678'; Field = 'RequestId' }
            @{ Id = 'B ID SPACE'; Field = 'RequestId' }
            @{ Id = 'G-PLAIN'; Set = @{ SendAmount = '999.00' }; Field = 'RequestId'; ErrorId = 'PayoutPS.RequestIdReused' }
            @{ Id = 'B-NEAR-MISS'; Set = @{ Refrence = 'Invoice 7' }; Field = 'Refrence' }
        )
        # Good and bad rows interleaved, so each refusal is seen to leave the rest of the batch going.
        $rows = [System.Collections.Generic.List[object]]::new()
        $script:Expected = @{}
        for ($i = 0; $i -lt [Math]::Max($Good.Count, $Bad.Count); $i++) {
            if ($i -lt $Good.Count) { $rows.Add((New-Row $Good[$i].Id $Good[$i].Set)) }
            if ($i -lt $Bad.Count) { $rows.Add((New-Row $Bad[$i].Id $Bad[$i].Set)); $Expected[$rows.Count] = $Bad[$i] }
        }
        $csv = "$TestDrive/catalog.csv"
        $rows | Export-Csv $csv -NoTypeInformation -Encoding utf8
        $script:Results = @(Import-Csv $csv | New-Payout -Force -ErrorVariable errs -ErrorAction SilentlyContinue -WarningAction SilentlyContinue)
        $script:Errors = @($errs)
        $script:State = Get-SandboxState $Sandbox
    }

    It 'holds at least 40 bad rows' {
        $Bad.Count | Should -BeGreaterOrEqual 40
    }

    It 'pays exactly the good rows' {
        @($State.payouts).requestId | Sort-Object | Should -Be ($Good.Id | Sort-Object)
        $Results.RequestId | Sort-Object | Should -Be ($Good.Id | Sort-Object)
    }

    It 'pays each good row exactly as written' {
        foreach ($good in $Good) {
            $wire = ($State.payouts | Where-Object requestId -eq $good.Id).request
            foreach ($field in $good.Wire.Keys) { $wire.$field | Should -Be $good.Wire[$field] -Because "$($good.Id) $field" }
        }
    }

    It 'refuses each bad row with one error naming its row, its RequestId and its field' {
        $Errors.Count | Should -Be $Bad.Count
        foreach ($row in $Expected.Keys) {
            $bad = $Expected[$row]
            $label = "Row $row, RequestId $($bad.Id): "
            $matching = @($Errors | Where-Object { $_.Exception.Message.StartsWith($label) })
            $matching.Count | Should -Be 1 -Because "row $row ($($bad.Id)) must be refused once"
            $matching[0].Exception.Message.Substring($label.Length) | Should -Match "\b$($bad.Field)\b" -Because $bad.Id
            if ($bad.ErrorId) { $matching[0].FullyQualifiedErrorId | Should -BeLike "$($bad.ErrorId)*" }
        }
    }

    It 'never puts a full account number into an error' {
        foreach ($err in $Errors) {
            ($err | Format-List * -Force | Out-String) + ($err.TargetObject | Out-String) + $err.ErrorDetails.Message | Should -Not -Match '(DE89370400440532013|GB29NWBK6016133192681)'
        }
    }
}
