# Issue 17: read exactly what was written. A second catalog of payroll files as Excel, editors and other systems
# produce them, through -Path and through Import-Csv, judged by the sandbox's state: nothing altered reaches the
# wire, and each refusal names the physical line (under -Path) and the field.
BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    . (Join-Path $PSScriptRoot 'sandbox.ps1')
    $script:Sandbox = Start-TestSandbox
    function Get-Payouts { @((Get-SandboxState $Sandbox).payouts) }

    $script:Columns = 'RequestId', 'PayeeType', 'FirstName', 'LastName', 'CompanyName', 'AccountNumber', 'BankCountry', 'Country', 'City',
        'AddressLine1', 'PostalCode', 'SendAmount', 'SourceCurrency', 'TargetCurrency', 'Purpose', 'Reference', 'PayerDetail'

    # One row's cells in column order, CSV-quoted; -Set overrides the defaults.
    function New-Line([string] $RequestId, [hashtable] $Set = @{}) {
        $row = [ordered]@{
            RequestId = $RequestId; PayeeType = ''; FirstName = 'Anna'; LastName = 'Müller'; CompanyName = ''
            AccountNumber = 'DE89370400440532013000'; BankCountry = ''; Country = 'DE'; City = 'Berlin'; AddressLine1 = 'Unter den Linden 1'
            PostalCode = '10117'; SendAmount = '10.00'; SourceCurrency = 'USD'; TargetCurrency = 'EUR'; Purpose = '1'; Reference = ''; PayerDetail = ''
        }
        foreach ($key in $Set.Keys) { $row[$key] = $Set[$key] }
        ($Columns | ForEach-Object { '"' + ([string]$row[$_]).Replace('"', '""') + '"' }) -join ','
    }

    function Invoke-Refused([string] $Text, [hashtable] $Extra = @{}, [byte[]] $Bytes) {
        Reset-Sandbox $Sandbox
        $path = Join-Path $TestDrive ("f-" + [guid]::NewGuid().ToString('N') + '.csv')
        if ($Bytes) { [IO.File]::WriteAllBytes($path, $Bytes) } else { [IO.File]::WriteAllText($path, $Text, [Text.UTF8Encoding]::new($false)) }
        $err = $null
        try { New-Payout -Path $path -Force @Extra -SummaryVariable sum | Out-Null } catch { $err = $_ }
        [pscustomobject]@{ Error = $err; Summary = $sum; Payouts = (Get-Payouts).Count }
    }
}

AfterAll {
    Disconnect-PayoutEnvironment -ErrorAction Ignore
    Stop-TestSandbox $Sandbox
}

Describe 'New-Payout -Path refuses a file whose shape would change what a row means, before anything is sent' {
    BeforeAll {
        Import-Module $ModulePath -Force
        Connect-TestSandbox $Sandbox
        $script:Header = ($Columns | ForEach-Object { '"' + $_ + '"' }) -join ','
    }

    It '<Name>' -ForEach @(
        @{ Name = 'an unquoted 1,250.00 gives a row one field too many'; Body = { "$Header`n$(New-Line 'S-1')`n$((New-Line 'S-2').Replace('"10.00"', '1,250.00'))`n" }; Expect = 'line 3 has 18 fields.*must be in double quotes' }
        @{ Name = 'a row one field short'; Body = { $short = New-Line 'S-2'; "$Header`n$(New-Line 'S-1')`n$($short.Substring(0, $short.LastIndexOf(',')))`n" }; Expect = 'line 3 has 16 fields' }
        @{ Name = 'two SendAmount columns in different case'; Body = { "$Header,sendamount`n$(New-Line 'S-1'),1000.00`n" }; Expect = "names 'sendamount' twice \(columns 12 and 18" }
        @{ Name = 'a header column without a name'; Body = { "$Header,`n$(New-Line 'S-1'),x`n" }; Expect = 'column 18 of the header \(line 1\) has no name' }
        @{ Name = 'a quote that never closes'; Body = { "RequestId,FirstName,SendAmount`nS-1,Anna,1.00`nS-2,`"Anna,2.00`nS-3,Ben,3.00`n" }; Expect = 'opens field 2 on line 3 is never closed' }
        @{ Name = 'a quote closed too early'; Body = { "$Header`n$(New-Line 'S-1')`n$((New-Line 'S-2').Replace('"Berlin"', '"Berlin'))`n" }; Expect = "line 3 has text after the closing quote of field 9 \('U'\)" }
        @{ Name = 'text after a closing quote'; Body = { "$Header`n$((New-Line 'S-1').Replace('"Berlin"', '"Berlin"er'))`n" }; Expect = 'line 2 has text after the closing quote of field 9' }
        @{ Name = 'a wrong line after blank lines and a multi-line cell names its physical line'; Body = { "$Header`n`n$((New-Line 'S-1').Replace('Unter den Linden 1', "Hof`nHinterhaus"))`n`n$(New-Line 'S-2'),extra`n" }; Expect = 'line 6 has 18 fields' }
        @{ Name = 'two exports joined, the second header in the same order'; Body = { "$Header`n$(New-Line 'S-1')`n$Header`n$(New-Line 'S-2')`n" }; Expect = 'line 3 repeats the header: this looks like two files joined' }
        @{ Name = 'two exports joined, the second with LastName,FirstName swapped'; Body = {
            $swapped = $Header.Replace('"FirstName","LastName"', '"LastName","FirstName"').ToLowerInvariant()
            "$Header`n$(New-Line 'S-1')`n$swapped`n$((New-Line 'S-2').Replace('"Anna","Müller"', '"Smith","Bob"'))`n" }; Expect = 'line 3 repeats the header with its columns in another order' }
    ) {
        $result = Invoke-Refused (& $Body)

        $result.Error | Should -Not -BeNullOrEmpty
        $result.Error.Exception.Message | Should -Match $Expect
        $result.Error.Exception.Message | Should -Match 'Nothing was sent\.$'
        $result.Summary.ExitCode | Should -Be 2
        $result.Payouts | Should -Be 0
    }

    It 'through Import-Csv, refuses the joined file''s second header as a row and sends nothing after it' {
        Reset-Sandbox $Sandbox
        $path = Join-Path $TestDrive 'joined.csv'
        $swapped = $Header.Replace('"FirstName","LastName"', '"LastName","FirstName"')
        [IO.File]::WriteAllText($path, "$Header`n$(New-Line 'J-1')`n$swapped`n$((New-Line 'J-2').Replace('"Anna","Müller"', '"Smith","Bob"'))`n", [Text.UTF8Encoding]::new($false))
        $err = $null
        try { Import-Csv $path | New-Payout -Force -SummaryVariable joined | Out-Null } catch { $err = $_ }

        $err.Exception.Message | Should -Match 'This row repeats the header: its values are its column names\. This looks like two files joined'
        $err.ErrorDetails.Message | Should -Match '^Row 2\b'
        $joined.ExitCode | Should -Be 2
        $joined.NotTried | Should -Be 1
        @(Get-Payouts).requestId | Should -Be @('J-1') -Because 'the row before the second header is paid; nothing after it is sent'
    }

    It 'refuses a country or currency written otherwise than ISO (UK, USA, RMB, XXX) with the code it means, sending the rest' {
        Reset-Sandbox $Sandbox
        $path = Join-Path $TestDrive 'codes.csv'
        $lines = @($Header, (New-Line 'C-1' @{ Country = 'UK' }), (New-Line 'C-2' @{ Country = 'USA' }), (New-Line 'C-3' @{ TargetCurrency = 'RMB' }),
            (New-Line 'C-4' @{ TargetCurrency = 'XXX' }), (New-Line 'C-5'))
        [IO.File]::WriteAllText($path, ($lines -join "`n") + "`n", [Text.UTF8Encoding]::new($false))

        $null = New-Payout -Path $path -Force -SummaryVariable codes -ErrorVariable errs -ErrorAction SilentlyContinue

        $errs.Count | Should -Be 4
        $errs[0].Exception.Message | Should -Match "^Row 1 .*Country 'UK' is not an ISO 3166-1 alpha-2 country code; write GB"
        $errs[1].Exception.Message | Should -Match "Country 'USA' is not an ISO 3166-1 alpha-2 country code; write US"
        $errs[2].Exception.Message | Should -Match "TargetCurrency 'RMB' is not an ISO 4217 currency code; write CNY"
        $errs[3].Exception.Message | Should -Match "TargetCurrency 'XXX' is an ISO 4217 code for no money to pay in"
        $codes.Invalid | Should -Be 4
        @(Get-Payouts).requestId | Should -Be @('C-5')
    }

    It 'refuses UTF-8 read as Windows-1252 (the advice for Excel files) instead of sending JÃ¼rgen' {
        $result = Invoke-Refused "$Header`n$((New-Line 'S-1').Replace('Anna', 'Jürgen'))`n" @{ Encoding = '1252' }

        $result.Error.Exception.Message | Should -Match 'its text is UTF-8, but it is being read as windows-1252.*Leave out -Encoding'
        $result.Payouts | Should -Be 0
    }

    It 'says a UTF-16 file without a byte-order mark, or a binary file, is not text' {
        $utf16 = [Text.Encoding]::Unicode.GetBytes("$Header`n$(New-Line 'S-1')`n")
        (Invoke-Refused -Bytes $utf16).Error.Exception.Message | Should -Match 'line 1 cannot be decoded as utf-8 and the file holds NUL bytes.*UTF-16 without a byte-order mark'
        (Invoke-Refused -Bytes ([byte[]](0x50, 0x4B, 0x03, 0x04, 0x00, 0x00))).Error.Exception.Message | Should -Match 'NUL character'
    }

    It 'refuses UTF-8 given as UTF-16, and a header that names no column it knows' {
        $bytes = [Text.UTF8Encoding]::new($false).GetBytes("$Header`n$(New-Line 'S-1')`n")
        (Invoke-Refused -Bytes $bytes -Extra @{ Encoding = 'unicode' }).Error.Exception.Message | Should -Match 'line 1 has a byte that is not utf-16 text'

        $result = Invoke-Refused "Name,Total,Curr`nAnna,1.00,USD`n"
        $result.Error.Exception.Message | Should -Match 'header names no New-Payout column \(Name, Total, Curr\).*Is the encoding right'
        $result.Payouts | Should -Be 0
    }

    It 'names the delimiter when a semicolon file is read with commas, as a -Path parameter' {
        $result = Invoke-Refused "RequestId;FirstName;SendAmount`nS-1;Anna;1,50`n"

        $result.Error.Exception.Message | Should -Match "separated by ';'\. Give -Delimiter ';', or add a first line sep=;"
    }

    It 'says a folder is a folder, and a missing folder is missing' {
        { New-Payout -Path $TestDrive -Force } | Should -Throw '*is a folder; give the CSV file in it*'
        { New-Payout -Path (Join-Path $TestDrive 'nope/pay.csv') -Force } | Should -Throw '*the folder * does not exist*'
    }

    It 'names an empty -Path, a wildcard of several files, an unknown -Encoding, and a folder given as a journal or a key, with the fix' {
        Reset-Sandbox $Sandbox
        $folder = Join-Path $TestDrive 'many'
        $null = New-Item -ItemType Directory $folder
        foreach ($name in 'a.csv', 'b.csv') { Set-Content (Join-Path $folder $name) "$Header`n$(New-Line "W-$name")" }

        $empty = try { New-Payout -Path '' -Force -SummaryVariable sum1 } catch { $_ }
        $empty.Exception.Message | Should -Be '-Path is empty: give the CSV file to pay, such as -Path .\payroll.csv.'
        $sum1.ExitCode | Should -Be 2
        $many = try { New-Payout -Path (Join-Path $folder '*.csv') -Force } catch { $_ }
        $many.Exception.Message | Should -Match '-Path .*\*\.csv matches 2 file\(s\) \(a\.csv, b\.csv\); -Path takes one file\. Pay each on its own: Get-ChildItem'
        $encoding = try { New-Payout -Path (Join-Path $folder 'a.csv') -Encoding utf-9 -Force } catch { $_ }
        $encoding.Exception.Message | Should -Match '^-Encoding utf-9 names no encoding\. Give utf-8 \(the default\), utf-16, or a Windows code page such as 1252'
        { Get-PayoutBatch -Journal $folder } | Should -Throw "*is a folder; give the journal file in it*"
        { Get-PayoutBatch -Journal (Join-Path $folder 'none.journal') } | Should -Throw "*There is no journal*"
        { Connect-PayoutEnvironment Local -Port $Sandbox.Port -MerchantId $SandboxMerchant -KeyPath $folder } | Should -Throw "*-KeyPath '$folder' is a folder; give the key file in it*"
        (Get-Payouts).Count | Should -Be 0
        Connect-TestSandbox $Sandbox   # the key test left no connection
    }

    It 'names a spreadsheet''s totals row as one, through <_>, and pays the rows above it' -ForEach 'Path', 'Import-Csv' {
        Reset-Sandbox $Sandbox
        $path = Join-Path $TestDrive "totals-$_.csv"
        $total = ($Columns | ForEach-Object { switch ($_) { 'RequestId' { '"Total"' } 'SendAmount' { '"20.00"' } default { '""' } } }) -join ','
        Set-Content $path "$Header`n$(New-Line "T-1-$_")`n$(New-Line "T-2-$_")`n$total"

        if ($_ -eq 'Path') { New-Payout -Path $path -Force -SummaryVariable sum -ErrorVariable errs -ErrorAction SilentlyContinue | Out-Null }
        else { Import-Csv $path | New-Payout -Force -SummaryVariable sum -ErrorVariable errs -ErrorAction SilentlyContinue | Out-Null }

        @($errs).Count | Should -Be 1
        $errs[0].Exception.Message | Should -Match "^Row 3.*: This row looks like a spreadsheet's totals row \(its first cell says 'Total', and it names no payee\): a totals row is no payout\. Remove it"
        (Get-Payouts).requestId | Sort-Object | Should -Be @("T-1-$_", "T-2-$_")
        ($sum.Paid, $sum.Invalid, $sum.ExitCode) | Should -Be @(2, 1, 2)
    }

    It 'honours an Excel sep=; line, skips blank and all-empty lines, and pays each row once' {
        Reset-Sandbox $Sandbox
        $semi = { param($line) $line.Replace('","', '";"') }
        $path = Join-Path $TestDrive 'excel.csv'
        $text = "sep=;`r`n$(& $semi $Header)`r`n$(& $semi (New-Line 'X-1'))`r`n;;;;;;;;;;;;;;;;`r`n`r`n$(& $semi (New-Line 'X-2' @{ SendAmount = '20.00' }))`r`n;;;;;;;;;;;;;;;;`r`n"
        [IO.File]::WriteAllText($path, $text, [Text.UTF8Encoding]::new($true))

        New-Payout -Path $path -Force -SummaryVariable sum | Out-Null

        $sum.ExitCode | Should -Be 0
        (Get-Payouts | Sort-Object requestId | ForEach-Object { $_.request.sourceAmount }) | Should -Be @('10.00', '20.00')
    }
}

Describe 'A catalog of 63 rows: what a bank would show differently from what the operator sees is refused' {
    BeforeAll {
        Import-Module $ModulePath -Force
        Connect-TestSandbox $Sandbox
        $script:Good = @(
            @{ Id = 'G-PLAIN' }
            @{ Id = 'G-DECOMPOSED'; Set = @{ LastName = "Mu$([char]0x308)ller" }; Wire = @{ lastName = 'Müller' } }
            @{ Id = 'G-DECOMPOSED-CITY'; Set = @{ City = "Ko$([char]0x308)ln" }; Wire = @{ city = 'Köln' } }
            @{ Id = 'G-APOSTROPHE'; Set = @{ LastName = "O'Brien" }; Wire = @{ lastName = "O'Brien" } }
            @{ Id = 'G-ESZETT'; Set = @{ AddressLine1 = 'Großstraße 5' }; Wire = @{ addressLine1 = 'Großstraße 5' } }
            @{ Id = 'G-PERSIAN-ZWNJ'; Set = @{ FirstName = "می$([char]0x200C)خواهم" }; Wire = @{ firstName = "می$([char]0x200C)خواهم" } }
            @{ Id = 'G-CJK'; Set = @{ FirstName = '太郎'; LastName = '山田' }; Wire = @{ firstName = '太郎' } }
            @{ Id = 'G-EMOJI-FREE-LONG'; Set = @{ FirstName = 'a' * 64 } }
            @{ Id = 'G-REF-256'; Set = @{ Reference = 'r' * 256 }; Wire = @{ reference = 'r' * 256 } }
            @{ Id = 'G-COMBINING-60'; Set = @{ FirstName = ("e$([char]0x301)" * 60) } }
            @{ Id = 'G-BANK-SAME'; Set = @{ BankCountry = 'DE' } }
            @{ Id = 'G-LIVES-ABROAD'; Set = @{ Country = 'FR'; City = 'Paris' } }
            @{ Id = 'G-BUSINESS'; Set = @{ PayeeType = 'Business'; FirstName = ''; LastName = ''; CompanyName = 'Müller & Söhne GmbH' } }
            @{ Id = 'G-PAYER'; Set = @{ PayerDetail = '{"companyName":"Creator Ltd","countryCode":"GB"}' } }
            @{ Id = 'G-SPACES'; Set = @{ City = '  Berlin  ' }; Wire = @{ city = 'Berlin' } }
            @{ Id = 'G-HYPHEN'; Set = @{ FirstName = 'Anne-Marie' }; Wire = @{ firstName = 'Anne-Marie' } }
            @{ Id = 'G-COMPOSED'; Set = @{ FirstName = 'Jürgen' }; Wire = @{ firstName = 'Jürgen' } }
            @{ Id = 'G-NBSP-INSIDE'; Set = @{ AddressLine1 = "Unter$([char]0xA0)den Linden 1" } }
        )
        $script:Bad = @(
            foreach ($point in 0x200B, 0x200E, 0x200F, 0x202A, 0x202E, 0x2066, 0x2069, 0xFEFF, 0x00AD, 0x2060) {
                @{ Id = 'B-CF-{0:X4}' -f $point; Set = @{ FirstName = "An$([char]$point)na" }; Field = 'FirstName'; Says = 'U\+{0:X4}' -f $point }
            }
            @{ Id = 'B-ZWJ-EDGE'; Set = @{ LastName = "Müller$([char]0x200D)" }; Field = 'LastName'; Says = 'U\+200D' }
            @{ Id = 'B-RLO-CITY'; Set = @{ City = "$([char]0x202E)nilreB" }; Field = 'City'; Says = 'U\+202E' }
            @{ Id = 'B-MOJI-UE'; Set = @{ FirstName = 'JÃ¼rgen' }; Field = 'FirstName'; Says = 'read as Windows-1252' }
            @{ Id = 'B-MOJI-E'; Set = @{ LastName = 'RenÃ©' }; Field = 'LastName'; Says = 'read as Windows-1252' }
            @{ Id = 'B-MOJI-OE'; Set = @{ City = 'KÃ¶ln' }; Field = 'City'; Says = 'read as Windows-1252' }
            @{ Id = 'B-MOJI-SS'; Set = @{ AddressLine1 = 'GroÃŸstraÃŸe 5' }; Field = 'AddressLine1'; Says = 'read as Windows-1252' }
            @{ Id = 'B-MOJI-QUOTE'; Set = @{ Reference = "Anna$([char]0xE2)$([char]0x20AC)$([char]0x2122)s bonus" }; Field = 'Reference'; Says = 'read as Windows-1252' }
            @{ Id = 'B-MOJI-A'; Set = @{ City = 'SÃ£o Paulo' }; Field = 'City'; Says = 'read as Windows-1252' }
            @{ Id = 'B-LONG-FIRST'; Set = @{ FirstName = 'a' * 65 }; Field = 'FirstName'; Says = 'at most 64' }
            @{ Id = 'B-LONG-5000'; Set = @{ FirstName = 'a' * 5000 }; Field = 'FirstName'; Says = '5000 characters long' }
            @{ Id = 'B-LONG-LAST'; Set = @{ LastName = 'b' * 65 }; Field = 'LastName'; Says = 'at most 64' }
            @{ Id = 'B-LONG-CITY'; Set = @{ City = 'c' * 65 }; Field = 'City'; Says = 'at most 64' }
            @{ Id = 'B-LONG-STREET'; Set = @{ AddressLine1 = 's' * 129 }; Field = 'AddressLine1'; Says = 'at most 128' }
            @{ Id = 'B-LONG-POSTAL'; Set = @{ PostalCode = '1' * 17 }; Field = 'PostalCode'; Says = 'at most 16' }
            @{ Id = 'B-LONG-COMPANY'; Set = @{ PayeeType = 'Business'; FirstName = ''; LastName = ''; CompanyName = 'C' * 129 }; Field = 'CompanyName'; Says = 'at most 128' }
            @{ Id = 'B-LONG-REF'; Set = @{ Reference = 'r' * 257 }; Field = 'Reference'; Says = 'at most 256' }
            @{ Id = 'B-IND-COMPANY'; Set = @{ CompanyName = 'Müller GmbH' }; Field = 'CompanyName'; Says = 'individual payee has no company name' }
            @{ Id = 'B-BIZ-FIRST'; Set = @{ PayeeType = 'Business'; CompanyName = 'Müller GmbH'; LastName = '' }; Field = 'FirstName'; Says = 'Business is paid by its CompanyName' }
            @{ Id = 'B-BIZ-LAST'; Set = @{ PayeeType = 'Business'; CompanyName = 'Müller GmbH'; FirstName = '' }; Field = 'LastName'; Says = 'Business is paid by its CompanyName' }
            @{ Id = 'B-IBAN-BANK'; Set = @{ BankCountry = 'FR' }; Field = 'BankCountry'; Says = 'disagrees with AccountNumber, a DE IBAN' }
            @{ Id = 'B-IBAN-BANK-GB'; Set = @{ AccountNumber = 'GB29NWBK60161331926819'; BankCountry = 'DE' }; Field = 'BankCountry'; Says = 'a GB IBAN' }
            @{ Id = 'B-EXCEL-E18'; Set = @{ AccountNumber = '6.22202E+18' }; Field = 'AccountNumber'; Says = "Excel's scientific notation" }
            @{ Id = 'B-EXCEL-E18-COMMA'; Set = @{ AccountNumber = '6,22202E+18' }; Field = 'AccountNumber'; Says = "Excel's scientific notation" }
            @{ Id = 'B-EXCEL-APOS'; Set = @{ AccountNumber = "'0123456789" }; Field = 'AccountNumber'; Says = 'starts with an apostrophe' }
            @{ Id = 'B-JSON-DUP'; Set = @{ PayerDetail = '{"companyName":"A Ltd","companyName":"B Ltd","countryCode":"GB"}' }; Field = 'PayerDetail'; Says = "key 'companyName' twice" }
            @{ Id = 'B-JSON-DUP-CASE'; Set = @{ PayerDetail = '{"countryCode":"GB","CountryCode":"DE","companyName":"A"}' }; Field = 'PayerDetail'; Says = "key 'CountryCode' twice" }
            @{ Id = 'B-JSON-HIDDEN'; Set = @{ PayerDetail = "{`"companyName`":`"A$([char]0x200B)Ltd`"}" }; Field = 'PayerDetail'; Says = 'U\+200B' }
            @{ Id = 'B-JSON-SURROGATE'; Set = @{ PayerDetail = '{"companyName":"A\ud800","countryCode":"GB"}' }; Field = 'PayerDetail'; Says = 'half of a character \(a lone surrogate' }
            @{ Id = 'B-JSON-LONG'; Set = @{ PayerDetail = "{`"companyName`":`"$('c' * 129)`"}" }; Field = 'PayerDetail'; Says = 'at most 128' }
            foreach ($point in 0x2061, 0x2062, 0x2063, 0x2064) {
                @{ Id = 'B-CF-{0:X4}' -f $point; Set = @{ LastName = "Mül$([char]$point)ler" }; Field = 'LastName'; Says = 'U\+{0:X4}' -f $point }
            }
            @{ Id = 'B-TAB'; Set = @{ LastName = "Mül`tler" }; Field = 'LastName'; Says = 'control character' }
            @{ Id = 'B-FFFD'; Set = @{ FirstName = "J$([char]0xFFFD)rgen" }; Field = 'FirstName'; Says = 'could not be decoded' }
            @{ Id = 'B-MULTILINE'; Set = @{ AddressLine1 = "Hof 2`nHinterhaus" }; Field = 'AddressLine1'; Says = 'control character' }
        )
        # Good and bad rows interleaved; a multi-line cell (B-MULTILINE) and blank lines shift the physical lines.
        $script:Lines = @{}
        $text = [Text.StringBuilder]::new()
        $null = $text.Append((($Columns | ForEach-Object { '"' + $_ + '"' }) -join ',') + "`n")
        $line = 2
        $all = [Collections.Generic.List[object]]::new()
        for ($i = 0; $i -lt [Math]::Max($Good.Count, $Bad.Count); $i++) {
            if ($i -lt $Bad.Count) { $all.Add($Bad[$i]) }
            if ($i -lt $Good.Count) { $all.Add($Good[$i]) }
        }
        foreach ($row in $all) {
            if ($line % 7 -eq 0) { $null = $text.Append("`n"); $line++ }
            $cells = New-Line $row.Id $(if ($row.Set) { $row.Set } else { @{} })
            $null = $text.Append($cells + "`n")
            $Lines[$row.Id] = $line
            $line += 1 + ($cells.Split("`n").Count - 1)
        }
        $script:Csv = Join-Path $TestDrive 'catalog.csv'
        [IO.File]::WriteAllText($Csv, $text.ToString(), [Text.UTF8Encoding]::new($false))
        $script:Runs = @{}
        foreach ($way in 'Path', 'Import-Csv') {
            Reset-Sandbox $Sandbox
            $errs = $null
            if ($way -eq 'Path') {
                $out = @(New-Payout -Path $Csv -Force -ErrorVariable errs -ErrorAction SilentlyContinue -WarningAction SilentlyContinue)
            }
            else {
                $out = @(Import-Csv $Csv -Encoding utf8 | New-Payout -Force -ErrorVariable errs -ErrorAction SilentlyContinue -WarningAction SilentlyContinue)
            }
            $Runs[$way] = [pscustomobject]@{ Output = $out; Errors = @($errs); Payouts = Get-Payouts }
        }
    }

    It 'holds at least 60 rows, 40 of them bad' {
        ($Good.Count + $Bad.Count) | Should -BeGreaterOrEqual 60
        $Bad.Count | Should -BeGreaterOrEqual 40
    }

    It 'pays exactly the good rows, each as written (normalised to NFC), through <_>' -ForEach 'Path', 'Import-Csv' {
        $run = $Runs[$_]
        ($run.Payouts.requestId | Sort-Object) | Should -Be ($Good.Id | Sort-Object)
        foreach ($good in $Good | Where-Object Wire) {
            $wire = ($run.Payouts | Where-Object requestId -eq $good.Id).request
            $payee = @{}
            foreach ($part in 'receiverInfo', 'address') { if ($wire.$part) { ($wire.$part | ConvertFrom-Json).PSObject.Properties | ForEach-Object { $payee[$_.Name] = $_.Value } } }
            foreach ($field in $good.Wire.Keys) {
                $sent = if ($payee.ContainsKey($field)) { $payee[$field] } else { $wire.$field }
                $sent | Should -BeExactly $good.Wire[$field] -Because "$($good.Id) $field"
            }
        }
    }

    It 'refuses each bad row once, naming its physical line, its field and what is wrong, under -Path' {
        $errors = $Runs['Path'].Errors
        $errors.Count | Should -Be $Bad.Count
        $row = 0
        foreach ($entry in $all) {
            $row++
            if ($entry.Id -notlike 'B-*') { continue }
            $label = "Row $row (CSV line $($Lines[$entry.Id])), RequestId $($entry.Id): "
            $matching = @($errors | Where-Object { $_.Exception.Message.StartsWith($label) })
            $matching.Count | Should -Be 1 -Because "$($entry.Id) on line $($Lines[$entry.Id]) must be refused once"
            $matching[0].Exception.Message.Substring($label.Length) | Should -Match "^$($entry.Field)\b.*$($entry.Says)" -Because $entry.Id
        }
    }

    It 'refuses the same rows, for the same reasons, through Import-Csv' {
        $errors = $Runs['Import-Csv'].Errors
        $errors.Count | Should -Be $Bad.Count
        foreach ($entry in $Bad) {
            $matching = @($errors | Where-Object { $_.Exception.Message -match "^Row \d+, RequestId $([regex]::Escape($entry.Id)): " })
            $matching.Count | Should -Be 1 -Because $entry.Id
            $matching[0].Exception.Message | Should -Match "$($entry.Field)\b.*$($entry.Says)" -Because $entry.Id
        }
    }
}

Describe 'Import-Csv rows that cannot be what their header meant' {
    BeforeAll {
        Import-Module $ModulePath -Force
        Connect-TestSandbox $Sandbox
    }

    It 'refuses a value under a header with no name (Import-Csv calls it H1)' {
        Reset-Sandbox $Sandbox
        $path = Join-Path $TestDrive 'h1.csv'
        # A blank name at the end of the header is dropped by Import-Csv with its values; one inside becomes H1.
        "RequestId,FirstName,LastName,AccountNumber,Country,City,AddressLine1,,SendAmount,SourceCurrency,TargetCurrency,Purpose`nH-1,Anna,Müller,DE89370400440532013000,DE,Berlin,Linden 1,1250.00,10.00,USD,EUR,1`n" | Set-Content $path

        Import-Csv $path -WarningAction SilentlyContinue | New-Payout -Force -ErrorVariable errs -ErrorAction SilentlyContinue | Out-Null

        $errs[0].Exception.Message | Should -Match "^Row 1, RequestId H-1: The row has a value \('1250\.00'\) in column 'H1', the name Import-Csv gives a column whose header is blank"
        (Get-Payouts).Count | Should -Be 0
    }

    It 'refuses a line with fewer fields than its header (Import-Csv leaves them null), and not an empty field' {
        Reset-Sandbox $Sandbox
        $path = Join-Path $TestDrive 'short.csv'
        "RequestId,FirstName,LastName,AccountNumber,Country,City,AddressLine1,SendAmount,SourceCurrency,TargetCurrency,Purpose,Reference`nS-1,Anna,Müller,DE89370400440532013000,DE,Berlin,Linden 1,10.00,USD,EUR`nS-2,Anna,Müller,DE89370400440532013000,DE,Berlin,Linden 1,10.00,USD,EUR,1,`n" | Set-Content $path

        Import-Csv $path | New-Payout -Force -ErrorVariable errs -ErrorAction SilentlyContinue | Out-Null

        @($errs).Count | Should -Be 1
        $errs[0].Exception.Message | Should -Match '^Row 1, RequestId S-1: The row has no value at all for its last 2 column\(s\) \(Purpose, Reference\)'
        (Get-Payouts).requestId | Should -Be 'S-2'
    }
}

Describe 'Piped values that are no payout row' {
    BeforeAll {
        Import-Module $ModulePath -Force
        Connect-TestSandbox $Sandbox
        $script:GoodRow = [pscustomobject]@{ RequestId = 'NR-OK'; FirstName = 'Anna'; LastName = 'Müller'; AccountNumber = 'DE89370400440532013000'; Country = 'DE'; City = 'Berlin'
            AddressLine1 = 'Unter den Linden 1'; SendAmount = '10.00'; SourceCurrency = 'USD'; TargetCurrency = 'EUR'; Purpose = '1' }
        $script:CsvFile = Join-Path $TestDrive 'payroll.csv'
        Set-Content $CsvFile 'RequestId,SendAmount'
    }

    # Each value goes first, a good row after it: the value is refused as what it is, with the fix; the good row is paid.
    It 'refuses <Name> as what it is, naming the fix, and pays the row after it' -ForEach @(
        @{ Name = '$null'; Value = { $null }; Says = 'gave New-Payout \$null, which is no row' }
        @{ Name = 'a string'; Value = { 'RequestId,SendAmount' }; Says = "gave New-Payout a string \('RequestId,SendAmount'\), not a row: .*Import-Csv" }
        @{ Name = 'a number'; Value = { 42 }; Says = 'gave New-Payout a Int32 \(42\), not a row' }
        @{ Name = 'a file from Get-Item'; Value = { Get-Item $CsvFile }; Says = "gave New-Payout the file .*payroll\.csv, not its rows: read a CSV file with Import-Csv" }
        @{ Name = 'an empty hashtable'; Value = { @{} }; Says = 'gave New-Payout an empty hashtable' }
        @{ Name = 'a row of other columns'; Value = { [pscustomobject]@{ Foo = 1; Bar = 2 } }; Says = 'gave New-Payout a row none of whose columns \(Foo, Bar\) is a payout field' }
    ) {
        Reset-Sandbox $Sandbox
        $first = & $Value

        @(, $first) + @($GoodRow) | New-Payout -Force -SummaryVariable sum -ErrorVariable errs -ErrorAction SilentlyContinue | Out-Null

        @($errs).Count | Should -Be 1
        $errs[0].Exception.Message | Should -Match ('^Row 1, no RequestId: The pipeline ' + $Says)
        $errs[0].Exception.Message | Should -Not -Match 'must be|ISO 4217'
        (Get-Payouts).requestId | Should -Be 'NR-OK'
        ($sum.Invalid, $sum.Paid, $sum.ExitCode) | Should -Be @(1, 1, 2)
    }

    It 'refuses an array given to -InputObject as one value, saying to pipe it' {
        Reset-Sandbox $Sandbox
        New-Payout -InputObject @($GoodRow, $GoodRow) -Force -ErrorVariable errs -ErrorAction SilentlyContinue | Out-Null

        $errs[0].Exception.Message | Should -Match 'one list of 2 item\(s\) as a single value \(-InputObject\): pipe the list instead'
        (Get-Payouts).Count | Should -Be 0
    }
}

Describe 'Payee contacts and names' {
    BeforeAll {
        Import-Module $ModulePath -Force
        Connect-TestSandbox $Sandbox
        function New-Row([string] $Id, [hashtable] $Set = @{}) {
            $row = [ordered]@{ RequestId = $Id; FirstName = 'Anna'; LastName = 'Müller'; AccountNumber = 'DE89370400440532013000'; Country = 'DE'; City = 'Berlin'
                AddressLine1 = 'Unter den Linden 1'; SendAmount = '10.00'; SourceCurrency = 'USD'; TargetCurrency = 'EUR'; Purpose = '1' }
            foreach ($key in $Set.Keys) { $row[$key] = $Set[$key] }
            [pscustomobject]$row
        }
    }

    It 'refuses an e-mail or phone that cannot be one, naming its field, and warns of a name mixing scripts while paying it' {
        Reset-Sandbox $Sandbox
        $rows = @(
            New-Row 'C-MAIL' @{ Email = 'anna@example.com; bob@example.com' }
            New-Row 'C-PHONE' @{ Phone = 'call me' }
            New-Row 'C-MIXED' @{ FirstName = "$([char]0x0410)nna" }
            New-Row 'C-OK' @{ Email = 'anna@example.com'; Phone = '+49 30 1234567' }
        )

        $rows | New-Payout -Force -ErrorVariable errs -WarningVariable warns -ErrorAction SilentlyContinue -WarningAction SilentlyContinue | Out-Null

        ($errs | ForEach-Object { $_.Exception.Message }) -join "`n" | Should -Match "RequestId C-MAIL: Email 'anna@example\.com; bob@example\.com' is not one e-mail address"
        ($errs | ForEach-Object { $_.Exception.Message }) -join "`n" | Should -Match "RequestId C-PHONE: Phone 'call me' is not a phone number"
        @($warns | Where-Object { "$_" -match "RequestId C-MIXED: FirstName '.nna' mixes Latin and Cyrillic letters in the word '.nna': '.' \(U\+0410\) is Cyrillic" }).Count | Should -Be 1
        (Get-Payouts).requestId | Sort-Object | Should -Be @('C-MIXED', 'C-OK')
    }
}
