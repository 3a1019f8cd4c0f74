# Issue 10: completion and default views, as a user at a terminal meets them.
BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    . (Join-Path $PSScriptRoot 'sandbox.ps1')
    $script:Sandbox = Start-TestSandbox @('--payee-review-seconds', '0.3', '--status-step-seconds', '0.2')
    function Get-Completions([string] $Line) { (TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches.CompletionText }
}

AfterAll {
    Disconnect-PayoutEnvironment
    Stop-TestSandbox $Sandbox
}

Describe 'Tab completion' {
    BeforeAll { $null = Connect-TestSandbox $Sandbox }

    It 'completes <Line>' -ForEach @(
        @{ Line = 'New-Payout -Country D'; Expected = 'DE' }
        @{ Line = 'New-Payout -BankCountry G'; Expected = 'GB' }
        @{ Line = 'New-Payout -SourceCurrency U'; Expected = 'USD' }
        @{ Line = 'New-Payout -TargetCurrency EU'; Expected = 'EUR' }
        @{ Line = 'New-Payout -PayeeType B'; Expected = 'Business' }
        @{ Line = 'New-Payout -FeeBearing '; Expected = 'SHA' }
        @{ Line = 'New-Payout -ChargeFlag '; Expected = 'Y' }
        @{ Line = 'New-Payout -Purpose Pers'; Expected = 'PersonalRemittance' }
        @{ Line = 'Get-PayoutBalance J'; Expected = 'JPY' }
        @{ Line = 'Get-PayoutPaymentMethod -Country P'; Expected = 'PH' }
        @{ Line = 'New-PayoutBeneficiary -PayeeType I'; Expected = 'Individual' }
    ) {
        Get-Completions $Line | Should -Contain $Expected
    }

    It 'completes -BeneficiaryId with the approved payees of the connected environment' {
        $payee = New-PayoutBeneficiary -FirstName Jan -LastName Kowalski -AccountNumber DE02370502990000684712 -Country DE -City Köln -AddressLine1 'Domplatz 1' -PayoutCurrency EUR -Wait -Force
        # The completer caches per context for a minute: a new connection asks again.
        $null = Connect-TestSandbox $Sandbox
        Get-Completions 'New-Payout -BeneficiaryId ' | Should -Contain $payee.BeneficiaryId
        Get-Completions 'Get-PayoutBeneficiary -BeneficiaryId ' | Should -Contain $payee.BeneficiaryId
    }
}

Describe 'Tab completion of -Journal' {
    It 'offers the *.journal files and folders under what was typed, for <_>' -ForEach 'New-Payout -Path x.csv -Journal ', 'Get-PayoutBatch -Journal ', 'Test-PayoutNotification -Journal ' {
        $folder = Join-Path $TestDrive ('j' + [guid]::NewGuid().ToString('N').Substring(0, 6))
        $null = New-Item -ItemType Directory (Join-Path $folder 'runs 2026')
        foreach ($name in 'payroll.csv.journal', 'bonus.csv.journal', 'payroll.csv', 'payroll.csv.journal.lock') { Set-Content (Join-Path $folder $name) '' }
        Push-Location $folder
        try {
            $offered = @(Get-Completions $_ | ForEach-Object { $_.Trim("'").Replace('./', '').Replace('.\', '').TrimEnd('/', '\') } | Sort-Object)
            $offered | Should -Be @('bonus.csv.journal', 'payroll.csv.journal', 'runs 2026')
            (Get-Completions "$($_)pay") -replace '^\.[/\\]', '' | Should -Be 'payroll.csv.journal'
        }
        finally { Pop-Location }
    }
}

Describe 'Default views fit 80 columns' {
    BeforeAll {
        Reset-Sandbox $Sandbox
        $null = Connect-TestSandbox $Sandbox
        $script:Payout = Send-TestPayout 'VIEW-1'
        $script:Lines = { param($Object) @(($Object | Format-Table | Out-String -Width 80) -split "`r?`n" | Where-Object { $_.Trim() }) }
    }

    It 'shows <Name> in 80 columns without wrapping the headers' -ForEach @(
        @{ Name = 'a payout'; Make = { $Payout }; Headers = 'Row', 'Outcome', 'Status', 'Sent', 'Ccy', 'Payee' }
        @{ Name = 'balances'; Make = { Get-PayoutBalance }; Headers = 'Currency', 'Balance', 'Available' }
        @{ Name = 'a rate'; Make = { Get-PayoutExchangeRate USD EUR -SourceAmount 10.00 }; Headers = 'From', 'To', 'Rate' }
        @{ Name = 'ledger entries'; Make = { Get-PayoutLedger USD -Since (Get-Date).AddDays(-1) }; Headers = 'Time', 'Type', 'Amount', 'BalanceAfter' }
        @{ Name = 'payment methods'; Make = { Get-PayoutPaymentMethod PH PHP }; Headers = 'Country', 'PaymentMethod' }
        @{ Name = 'required fields'; Make = { Get-PayoutRequiredField DE EUR }; Headers = 'Field', 'Required', 'Parameter' }
        @{ Name = 'readiness'; Make = { Test-PayoutReadiness }; Headers = 'Status', 'Check', 'Detail' }
        @{ Name = 'batch rows'; Make = { $null = Send-TestPayout 'VIEW-ROWS' -Journal "$TestDrive/view-rows.journal" -InformationAction Ignore; Get-PayoutBatch -Journal "$TestDrive/view-rows.journal" }; Headers = 'Row', 'Outcome', 'Status', 'Amount', 'Payee' }
        @{ Name = 'payees'; Make = { New-PayoutBeneficiary -FirstName Eva -LastName Nowak -AccountNumber PL27114020040000300201355387 -Country PL -City Łódź -AddressLine1 'Piotrkowska 1' -PayoutCurrency PLN -Force; Get-PayoutBeneficiary }; Headers = 'BeneficiaryId', 'Status', 'Name', 'Account' }
    ) {
        $lines = & $Lines (& $Make)
        foreach ($line in $lines) { $line.Length | Should -BeLessOrEqual 80 }
        foreach ($header in $Headers) { $lines[0] | Should -Match "\b$header\b" }
    }

    It 'shows a ledger entry''s time whole, to the second, and its amounts right-aligned, in 80 columns' {
        $lines = & $Lines (Get-PayoutLedger USD -Since (Get-Date).AddDays(-1))
        $lines[2] | Should -Match '^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ '
        $header = $lines[0]
        $row = $lines[2]
        $amountEnd = $header.IndexOf('Amount') + 'Amount'.Length
        $row.Substring(0, $amountEnd) | Should -Match '\d$' -Because 'the amount ends where its header ends (right-aligned)'
    }

    It 'shows every status name whole in the payout and batch-row tables' {
        $payoutView = & $Lines $Payout
        ($payoutView -join "`n") | Should -Match 'Pending review'
        foreach ($code in 'A', 'CA', 'B', 'R', 'P', 'S', 'F', 'U', 'V') { [PayoutPS.Core.Payouts.PayoutStatusCodes]::Name($code).Length | Should -BeLessOrEqual 17 -Because "the Status column is 17 wide ($code)" }
    }

    It 'gives a payee''s name the rest of the line: whole at 120 columns' {
        $payee = New-PayoutBeneficiary -PayeeType Business -CompanyName 'Studio Kawa Kabushiki Kaisha Tokyo Branch' -AccountNumber JP1234567890 -Country JP -City Tokyo -AddressLine1 '1-1 Marunouchi' -PayoutCurrency JPY -Force
        ($payee | Format-Table | Out-String -Width 120) | Should -Match 'Studio Kawa Kabushiki Kaisha Tokyo Branch'
        foreach ($line in & $Lines $payee) { $line.Length | Should -BeLessOrEqual 80 }
    }

    It 'says statuses and required-field flags in words' {
        $payee = New-PayoutBeneficiary -FirstName Jan -LastName Nowak -AccountNumber PL61109010140000071219812874 -Country PL -City Kraków -AddressLine1 'Rynek 1' -PayoutCurrency PLN -Wait -Force
        $payee.StatusName | Should -Be 'Approved'
        (& $Lines $payee) -join "`n" | Should -Match 'Approved'
        $fields = @(Get-PayoutRequiredField DE EUR)
        $fields.RequiredName | Sort-Object -Unique | ForEach-Object { $_ | Should -BeIn 'Mandatory', 'Conditional', 'Optional' }
        (& $Lines $fields) -join "`n" | Should -Match 'Mandatory'
    }

    It 'shows Measure-PayoutBatch and Get-PayoutBatch -Reconcile as words and amounts, never as type names' {
        $csv = Join-Path $TestDrive 'view-batch.csv'
        "RequestId,FirstName,LastName,AccountNumber,Country,City,AddressLine1,SendAmount,SourceCurrency,TargetCurrency,Purpose`nVB-1,Anna,Müller,DE89370400440532013000,DE,Berlin,Linden 1,1234.50,USD,EUR,1" | Set-Content $csv
        $measured = Get-PayoutBatch -Journal (& { New-Payout -Path $csv -Journal "$csv.journal" -Force | Out-Null; "$csv.journal" }) -Reconcile | Out-String -Width 160
        $cost = & $Lines (Measure-PayoutBatch -Path $csv)

        foreach ($line in $cost) { $line.Length | Should -BeLessOrEqual 80 }
        $cost[0] | Should -Match 'Currency\s+Rows\s+EstimatedDebit\s+Available\s+Shortfall'
        ($cost -join "`n") | Should -Match 'USD\s+1\s+1,2\d\d\.\d\d'
        $measured | Should -Not -Match 'PayoutPS\.Core'
        $measured | Should -Match 'USD: 1 payout\(s\), expected 1,2\d\d\.\d\d, ledger 1,2\d\d\.\d\d, difference 0\.00'
    }

    It 'masks the account in the payout and payee views' {
        (& $Lines $Payout) -join "`n" | Should -Match '\*\*\*\*3000'
        (& $Lines $Payout) -join "`n" | Should -Not -Match 'DE89370400440532013000'
    }

    It 'keeps Row, Payee and Outcome through Get-PayoutStatus -Wait, with times as DateTime' {
        $waited = $Payout | Get-PayoutStatus -Wait -TimeoutSec 20 -PollIntervalSec 0.2
        $waited.Status | Should -Be 'S'
        $waited.Payee | Should -Be 'Anna Müller ****3000'
        $waited.Outcome | Should -Be 'Created'
        $waited.CreateTime | Should -BeOfType [datetime]
        $waited.CreateTime.Kind | Should -Be 'Utc'
        $csv = $waited | ConvertTo-Csv | ConvertFrom-Csv
        $csv.Payee | Should -Be 'Anna Müller ****3000'
        ($waited | ConvertTo-Json | ConvertFrom-Json).SourceCurrency | Should -Be 'USD'
    }

    It 'shows and exports times as ISO 8601 UTC, whatever the culture, and they stay DateTime to scripts' {
        $iso = '^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$'
        $culture = [cultureinfo]::CurrentCulture
        try {
            [cultureinfo]::CurrentCulture = 'de-DE'   # Export-Csv would write "29.11.2026 14:35:28"
            ($Payout | ConvertTo-Csv | ConvertFrom-Csv).CreateTime | Should -Match $iso
            ($Payout | Format-List CreateTime | Out-String) | Should -Match 'CreateTime : \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ'
            (Get-PayoutLedger USD -Since (Get-Date).AddDays(-1) | Select-Object -First 1 | ConvertTo-Csv | ConvertFrom-Csv).Time | Should -Match $iso
            $null = Send-TestPayout 'VIEWS-JOURNAL-1' -Journal "$TestDrive/views.journal" -InformationAction Ignore
            $row = Get-PayoutBatch -Journal "$TestDrive/views.journal"
            ($row | ConvertTo-Csv | ConvertFrom-Csv).Time | Should -Match $iso
            $row.Time -is [datetime] | Should -BeTrue
            $row.Time.Kind | Should -Be 'Utc'
            $body = Protect-PayoutRequest @{ merchantNo = $SandboxMerchant; requestId = 'VIEW-1'; payoutId = $Payout.PayoutId; payoutStatus = 'S'; notifyTime = '2026-11-29 14:35:28' } -AsJson
            $note = Test-PayoutNotification $body
            ($note | ConvertTo-Csv | ConvertFrom-Csv).NotifyTime | Should -Be '2026-11-29T14:35:28Z'
            $note.NotifyTime -is [datetime] | Should -BeTrue
        }
        finally { [cultureinfo]::CurrentCulture = $culture }
        $Payout.CreateTime -lt [datetime]::UtcNow.AddMinutes(1) | Should -BeTrue
        $Payout.CreateTime.AddDays(1) - $Payout.CreateTime | Should -Be ([timespan]::FromDays(1))
    }
}

# Issue 28: tables use the width the console has. A batch's rows stream, so their columns are fixed and the payout id
# and RequestId appear as the width allows; short answers are sized to what they hold; long values wrap, never cut.
Describe 'Default views at 80 and 120 columns' {
    BeforeAll {
        Reset-Sandbox $Sandbox
        $null = Connect-TestSandbox $Sandbox
        $csv = Join-Path $TestDrive 'width.csv'
        Copy-Item (Join-Path $RepoRoot 'examples/payouts.csv') $csv
        $script:Paid = @(New-Payout -Path $csv -Journal "$csv.journal" -Force -InformationAction Ignore -ErrorAction SilentlyContinue)
        $script:Rows = @(Get-PayoutBatch -Journal "$csv.journal")
        $created = $Paid | Where-Object PayoutId | Select-Object -First 1
        $body = Protect-PayoutRequest @{ merchantNo = $SandboxMerchant; requestId = $created.RequestId; payoutId = $created.PayoutId; payoutStatus = 'S'; notifyTime = '2026-11-29 14:35:28' } -AsJson
        $script:Views = [ordered]@{
            'New-Payout'              = $Paid
            'Get-PayoutBatch'         = $Rows
            'Get-PayoutBalance'       = @(Get-PayoutBalance)
            'Get-PayoutExchangeRate'  = @(Get-PayoutExchangeRate USD EUR -SourceAmount 1234.50)
            'Get-PayoutLedger'        = @(Get-PayoutLedger USD -Since (Get-Date).AddDays(-1))
            'Get-PayoutPaymentMethod' = @(Get-PayoutPaymentMethod PH PHP)
            'Get-PayoutRequiredField' = @(Get-PayoutRequiredField DE EUR)
            'Test-PayoutReadiness'    = @(Test-PayoutReadiness)
            'Get-PayoutBeneficiary'   = @(New-PayoutBeneficiary -PayeeType Business -CompanyName 'Studio Kawa Kabushiki Kaisha Tokyo Branch' -AccountNumber JP1234567890 -Country JP -City Tokyo -AddressLine1 '1-1 Marunouchi' -PayoutCurrency JPY -Force)
            'Test-PayoutNotification' = @(Test-PayoutNotification $body)
            'Measure-PayoutBatch'     = @(Measure-PayoutBatch -Path $csv -WarningAction Ignore)
            'Get-PayoutEnvironment'   = @(Get-PayoutEnvironment)
            'Get-PayoutBatch -Summary' = @(Get-PayoutBatch -Journal "$csv.journal" -Summary)
            'Get-PayoutBatch -Report' = @(Get-PayoutBatch -Journal "$csv.journal" -Report (Join-Path $TestDrive 'width.html'))
            'Get-PayoutBatch -Reconcile' = @(Get-PayoutBatch -Journal "$csv.journal" -Reconcile)
            'Protect-PayoutRequest'   = @(Protect-PayoutRequest @{ merchantNo = $SandboxMerchant; requestId = 'VIEW-SIGN'; sourceAmount = '1.00' } -SecretKey (ConvertTo-TestSecureString $SandboxSecretText))
            'Test-PayoutSignature'    = @($body | Test-PayoutSignature -SecretKey (ConvertTo-TestSecureString $SandboxSecretText))
        }
        function Show([object[]] $Objects, [int] $Width) { @(($Objects | Out-String -Width $Width) -split "`\r?`\n" | Where-Object { $_.Trim() }) }
    }

    It 'shows <_> within the width, without type names, cut values or status codes' -ForEach 'New-Payout', 'Get-PayoutBatch', 'Get-PayoutBalance', 'Get-PayoutExchangeRate', 'Get-PayoutLedger',
        'Get-PayoutPaymentMethod', 'Get-PayoutRequiredField', 'Test-PayoutReadiness', 'Get-PayoutBeneficiary', 'Test-PayoutNotification', 'Measure-PayoutBatch', 'Get-PayoutEnvironment',
        'Get-PayoutBatch -Summary', 'Get-PayoutBatch -Report', 'Get-PayoutBatch -Reconcile', 'Protect-PayoutRequest', 'Test-PayoutSignature' {
        $Views[$_].Count | Should -BeGreaterThan 0
        foreach ($width in 80, 120) {
            $lines = Show $Views[$_] $width
            foreach ($line in $lines) { $line.Length | Should -BeLessOrEqual $width -Because "$_ at $width columns: $line" }
            ($lines -join "`n") | Should -Not -Match 'PayoutPS\.|System\.|\{\}' -Because "$_ at $width columns shows words, not type names"
            if ($width -eq 120 -or $_ -ne 'Get-PayoutLedger') {
                ($lines -join "`n") | Should -Not -Match '…' -Because "$_ at $width columns cuts nothing (the ledger's RequestId may be cut at 80)"
            }
        }
    }

    It 'shows the payout id and RequestId of every paid row at 120 columns, and the payee, amount and status in words at 80' {
        $paid = $Paid | Where-Object PayoutId
        $paid.Count | Should -Be 5
        foreach ($view in 'New-Payout', 'Get-PayoutBatch') {
            $wide = (Show $Views[$view] 120) -join "`n"
            $narrow = (Show $Views[$view] 80) -join "`n"
            foreach ($row in $Views[$view] | Where-Object PayoutId) {
                $amount = if ($view -eq 'New-Payout') { $row.SourceAmount } else { $row.Amount }
                $wide | Should -Match "$($row.PayoutId) +$([regex]::Escape($row.RequestId))"
                $narrow | Should -Match ("(?m)^ +$($row.Row) +Created +Pending review +" + [regex]::Escape([PayoutPS.Core.Payouts.MoneyText]::Column($amount)))
            }
            (Show $Views[$view] 120)[0] | Should -Match 'Row +Outcome +Status +(Sent|Amount) +Ccy +Payee +PayoutId +RequestId$'
        }
    }

    It 'right-aligns amounts, thousands separated with the decimals the service gave' {
        $balances = Show $Views['Get-PayoutBalance'] 80
        $jpy = $balances | Where-Object { $_ -match '^JPY' }
        $jpy | Should -Match '^JPY +100,000,000 +100,000,000 +0$'
        $header = $balances[0]
        $usd = $balances | Where-Object { $_ -match '^USD' }
        $usd.Substring(0, $header.IndexOf('Balance') + 'Balance'.Length) | Should -Match '\d\.\d\d$' -Because 'a balance ends where its header ends'
        (Show $Views['Get-PayoutExchangeRate'] 80)[2] | Should -Match '^USD +EUR +0\.92 +1,234\.50 +1,135\.74$'
        (Show $Views['Get-PayoutBatch'] 80) -join "`n" | Should -Match '120,000 JPY'
    }

    It 'wraps a long readiness detail and payee name instead of cutting them' {
        $detail = ($Views['Test-PayoutReadiness'] | Where-Object Check -like '*encrypted*').Detail
        $detail.Length | Should -BeGreaterThan 60
        $shown = ((Show $Views['Test-PayoutReadiness'] 80) -join '') -replace '\s', ''
        $shown | Should -BeLike "*$(($detail -replace '\s', ''))*"
        ((Show $Views['Get-PayoutBeneficiary'] 80) -join '') -replace '\s', '' | Should -BeLike '*StudioKawaKabushikiKaishaTokyoBranch*'
    }
}

