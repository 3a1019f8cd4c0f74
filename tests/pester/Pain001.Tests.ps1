# Issue 30: the file the ERP already writes. A pain.001.001.03 paid like a CSV file, judged by the sandbox's state;
# every fixture is checked against the published schema first, so the tests read real pain.001.
BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    . (Join-Path $PSScriptRoot 'sandbox.ps1')
    $script:Sandbox = Start-TestSandbox @('--status-step-seconds', '0.1')
    $script:Sample = Join-Path $RepoRoot 'examples/payments.pain001.xml'
    $script:Schemas = [System.Xml.Schema.XmlSchemaSet]::new()
    $null = $Schemas.Add('urn:iso:std:iso:20022:tech:xsd:pain.001.001.03', (Join-Path $RepoRoot 'tests/fixtures/iso20022/pain.001.001.03.xsd'))

    # What the schema says of a file: its errors, none for a valid pain.001.001.03.
    function Get-SchemaErrors([string] $Path) {
        $errors = [System.Collections.Generic.List[string]]::new()
        $settings = [System.Xml.XmlReaderSettings]@{ ValidationType = 'Schema'; Schemas = $Schemas; DtdProcessing = 'Ignore' }
        $settings.add_ValidationEventHandler({ param($s, $e) $errors.Add("$($e.Exception.LineNumber): $($e.Message)") })
        $reader = [System.Xml.XmlReader]::Create($Path, $settings)
        try { while ($reader.Read()) { } } finally { $reader.Dispose() }
        , $errors.ToArray()
    }

    $script:Number = 0
    # The sample with its EndToEndIds made this test's own, changed by $Edit (text in, text out).
    function New-Pain001([scriptblock] $Edit = { param($x) $x }) {
        $script:Number++
        $text = (Get-Content -Raw $Sample) -replace 'PAIN-2026-12-', "P$Number-"
        $path = Join-Path $TestDrive "payments-$Number.xml"
        [IO.File]::WriteAllText($path, (& $Edit $text), [Text.UTF8Encoding]::new($false))
        $path
    }
    function Get-Paid([string] $Prefix) { @((Get-SandboxState $Sandbox).payouts | Where-Object { $_.requestId -like "$Prefix*" }) }
}

AfterAll {
    Disconnect-PayoutEnvironment
    Stop-TestSandbox $Sandbox
}

Describe 'New-Payout -Path payments.pain001.xml' {
    BeforeEach { $null = Connect-TestSandbox $Sandbox }

    It 'ships a sample that the published pain.001.001.03 schema accepts' {
        Get-SchemaErrors $Sample | Should -BeNullOrEmpty
    }

    It 'pays the sample end to end, every field as the README maps it' {
        $file = New-Pain001
        $results = @(New-Payout -Path $file -Journal "$file.journal" -Force -SummaryVariable summary -InformationAction Ignore)
        $summary.ExitCode | Should -Be 0
        $results.Count | Should -Be 5
        $byId = @{}
        foreach ($payout in (Get-SandboxState $Sandbox).payouts) { $byId[$payout.requestId] = $payout.request }

        $anna = $byId["P$Number-001"]
        ($anna.sourceAmount, $anna.sourceCurrency, $anna.targetCurrency, $anna.transactionPurpose, $anna.reference, $anna.entityType) | Should -Be @('1250.00', 'USD', 'EUR', '1', 'December salary', '1')
        ($anna.receiverInfo | ConvertFrom-Json).firstName | Should -Be 'Anna'
        ($anna.receiverInfo | ConvertFrom-Json).lastName | Should -Be 'Müller'
        ($anna.address | ConvertFrom-Json).addressLine1 | Should -Be 'Unter den Linden 1'
        ($anna.address | ConvertFrom-Json).postalCode | Should -Be '10117'
        ($anna.accountInfomation | ConvertFrom-Json).cardNumber | Should -Be 'DE89370400440532013000'

        $supplier = $byId["P$Number-002"]
        ($supplier.entityType, $supplier.transactionPurpose) | Should -Be @('0', '5')
        ($supplier.receiverInfo | ConvertFrom-Json).companyName | Should -Be 'Müller & Söhne GmbH'
        ($supplier.address | ConvertFrom-Json).city | Should -Be 'München' -Because 'the second AdrLine is the town when TwnNm is absent'

        $onBehalf = $byId["P$Number-003"]
        ($onBehalf.payerDetail | ConvertFrom-Json).companyName | Should -Be 'Creator Studio Inc'
        $onBehalf.targetCurrency | Should -Be 'PLN' -Because 'the creditor account''s currency is the target'

        ($byId["P$Number-004"].sourceCurrency, $byId["P$Number-004"].sourceAmount) | Should -Be @('EUR', '300.00')
        $derived = @($results | Where-Object Row -eq 5)
        $derived.RequestId | Should -Match '^[0-9a-f]{32}$' -Because 'EndToEndId NOTPROVIDED gets a derived RequestId, as a CSV row without one'
        $byId[$derived.RequestId].sourceAmount | Should -Be '150.00'

        $rerun = @(New-Payout -Path $file -Journal "$file.journal" -Force -SummaryVariable again -InformationAction Ignore)
        $again.ExitCode | Should -Be 0
        (Get-Paid "P$Number-").Count | Should -Be 4 -Because 'a rerun pays nothing twice'
    }

    It 'refuses <Case> before anything is sent, naming where' -ForEach @(
        @{ Case = 'a wrong group CtrlSum'; Edit = { param($x) $x.Replace('<CtrlSum>6681.25</CtrlSum>', '<CtrlSum>6681.26</CtrlSum>') }; Says = 'GrpHdr: CtrlSum says 6681.26, the amounts add up to 6681.25'; Valid = $true }
        @{ Case = 'a wrong PmtInf NbOfTxs'; Edit = { param($x) $x.Replace('<NbOfTxs>2</NbOfTxs>', '<NbOfTxs>3</NbOfTxs>') }; Says = 'PmtInf 2: NbOfTxs says 3, it holds 2 CdtTrfTxInf'; Valid = $true }
        @{ Case = 'a duplicate EndToEndId'; Edit = { param($x) $x -replace '(P\d+-)004', '${1}001' }; Says = 'PmtInf 2, CdtTrfTxInf 1, EndToEndId P*-001: EndToEndId P*-001 repeats PmtInf 1, CdtTrfTxInf 1'; Valid = $true }
        @{ Case = 'an amount with 3 decimals in EUR'; Edit = { param($x) $x.Replace('<InstdAmt Ccy="EUR">300.00</InstdAmt>', '<InstdAmt Ccy="EUR">299.995</InstdAmt>').Replace('<CtrlSum>450.00</CtrlSum>', '<CtrlSum>449.995</CtrlSum>').Replace('<CtrlSum>6681.25</CtrlSum>', '<CtrlSum>6681.245</CtrlSum>') }; Says = 'Row 4 (PmtInf 2, CdtTrfTxInf 1, EndToEndId P*-004)*SendAmount*'; Valid = $true }
        @{ Case = 'a missing creditor account'; Edit = { param($x) $x.Replace('<CdtrAcct><Id><IBAN>DE75512108001245126199</IBAN></Id></CdtrAcct>', '') }; Says = 'Row 4 (PmtInf 2, CdtTrfTxInf 1, EndToEndId P*-004)*AccountNumber*'; Valid = $true }
        @{ Case = 'a DTD with an entity'; Edit = { param($x) $x.Replace('<Document ', "<!DOCTYPE Document [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>`n<Document ") }; Says = 'it declares a DTD (<!DOCTYPE>), which is refused'; Valid = $false }
        @{ Case = 'an unknown version'; Edit = { param($x) $x.Replace('pain.001.001.03', 'pain.001.001.09') }; Says = 'it is pain.001.001.09, a message or version this module does not read; it reads pain.001.001.03'; Valid = $false }
        @{ Case = 'a creditor charge bearer'; Edit = { param($x) $x.Replace('<ChrgBr>SLEV</ChrgBr>', '<ChrgBr>CRED</ChrgBr>') }; Says = 'PmtInf 1, CdtTrfTxInf 1, EndToEndId P*-001: ChrgBr CRED*cannot be honoured'; Valid = $true }
        @{ Case = 'a debtor account in a currency that is no ISO 4217 code'; Edit = { param($x) $x.Replace('<Ccy>EUR</Ccy></DbtrAcct>', '<Ccy>RMB</Ccy></DbtrAcct>') }; Says = 'Row 4 (PmtInf 2, CdtTrfTxInf 1, EndToEndId P*-004)*RMB*'; Valid = $true }
        @{ Case = 'an execution date in the future'; Edit = { param($x) $x.Replace('<ReqdExctnDt>2026-12-01</ReqdExctnDt>', "<ReqdExctnDt>$((Get-Date).AddDays(3).ToString('yyyy-MM-dd'))</ReqdExctnDt>") }; Says = 'PmtInf 1: ReqdExctnDt * is in the future'; Valid = $true }
    ) {
        $file = New-Pain001 $Edit
        if ($Valid) { Get-SchemaErrors $file | Should -BeNullOrEmpty -Because 'the fixture is a real pain.001, wrong only in what it tests' }

        $thrown = $null
        try { $null = New-Payout -Path $file -Journal "$file.journal" -BatchId "pain-$Number" -Force -SummaryVariable summary -InformationAction Ignore -ErrorAction Stop }
        catch { $thrown = $_ }

        $thrown | Should -Not -BeNullOrEmpty
        $thrown.Exception.Message | Should -BeLike "*$Says*"
        $thrown.Exception.Message | Should -Match 'Nothing was sent'
        $summary.ExitCode | Should -Be 2
        Get-Paid "P$Number-" | Should -BeNullOrEmpty
        "$file.journal" | Should -Not -Exist
    }

    It 'refuses -Encoding and -Delimiter for an XML file, which names its own encoding' {
        $file = New-Pain001
        { New-Payout -Path $file -Encoding 1252 -ValidateOnly -ErrorAction Stop } | Should -Throw '*is XML (an ISO 20022 pain.001)*leave out -Encoding and -Delimiter*'
        { Measure-PayoutBatch -Path $file -Delimiter ';' -ErrorAction Stop } | Should -Throw '*leave out -Encoding and -Delimiter*'
    }

    It 'reads a 100,000-transaction file streaming, checking it whole' {
        $body = (Get-Content -Raw $Sample)
        $one = [regex]::Match($body, '(?s)<CdtTrfTxInf>.*?PAIN-2026-12-001.*?</CdtTrfTxInf>').Value
        $file = Join-Path $TestDrive 'large.xml'
        $writer = [IO.StreamWriter]::new($file, $false, [Text.UTF8Encoding]::new($false))
        try {
            $writer.Write("<?xml version=`"1.0`"?><Document xmlns=`"urn:iso:std:iso:20022:tech:xsd:pain.001.001.03`"><CstmrCdtTrfInitn><GrpHdr><MsgId>LARGE</MsgId><CreDtTm>2026-12-01T09:30:00</CreDtTm><NbOfTxs>100000</NbOfTxs><CtrlSum>125000000.00</CtrlSum><InitgPty><Nm>X</Nm></InitgPty></GrpHdr>")
            $writer.Write('<PmtInf><PmtInfId>L</PmtInfId><PmtMtd>TRF</PmtMtd><ReqdExctnDt>2026-12-01</ReqdExctnDt><Dbtr><Nm>X</Nm></Dbtr><DbtrAcct><Id><Othr><Id>1</Id></Othr></Id><Ccy>USD</Ccy></DbtrAcct><DbtrAgt><FinInstnId><BIC>EXAMPLEXXXX</BIC></FinInstnId></DbtrAgt>')
            for ($i = 1; $i -le 100000; $i++) { $writer.Write($one.Replace('PAIN-2026-12-001', "L-$i")) }
            $writer.Write('</PmtInf></CstmrCdtTrfInitn></Document>')
        }
        finally { $writer.Dispose() }

        $null = New-Payout -Path $file -ValidateOnly -SummaryVariable checked -InformationAction Ignore
        ($checked.Rows, $checked.Checked, $checked.ExitCode) | Should -Be @(100000, 100000, 0)
    }
}

Describe 'Get-PayoutBatch -Pain002' {
    BeforeEach { $null = Connect-TestSandbox $Sandbox }

    It 'answers the ERP with a pain.002: ACSC for final payouts, RJCT and the reason for a failed one, the payout id as reference' {
        $file = New-Pain001 { param($x) $x.Replace('Refund order 5521', 'Refund order 5521 SANDBOX_FAIL') }
        $null = New-Payout -Path $file -Journal "$file.journal" -AllowDuplicate -Force -InformationAction Ignore
        $status = Join-Path $TestDrive "status-$Number.xml"
        $deadline = (Get-Date).AddSeconds(60)   # until every payout reached a final status at the sandbox
        do { $written = Get-PayoutBatch -Journal "$file.journal" -Refresh -Pain002 $status } while (($written.InProcess + $written.Pending) -gt 0 -and (Get-Date) -lt $deadline)

        ($written.GroupStatus, $written.Transactions, $written.Completed, $written.Rejected) | Should -Be @('PART', 5, 4, 1)
        # Element by element, read here without the module's reader.
        $ns = @{ p = 'urn:iso:std:iso:20022:tech:xsd:pain.002.001.03' }
        $xml = [xml](Get-Content -Raw $status)
        (Select-Xml -Xml $xml -Namespace $ns -XPath '/p:Document/p:CstmrPmtStsRpt/p:OrgnlGrpInfAndSts/p:OrgnlMsgId').Node.InnerText | Should -Be 'ERP-2026-12-0001'
        (Select-Xml -Xml $xml -Namespace $ns -XPath '//p:OrgnlGrpInfAndSts/p:OrgnlMsgNmId').Node.InnerText | Should -Be 'pain.001.001.03'
        (Select-Xml -Xml $xml -Namespace $ns -XPath '//p:OrgnlGrpInfAndSts/p:GrpSts').Node.InnerText | Should -Be 'PART'
        @(Select-Xml -Xml $xml -Namespace $ns -XPath '//p:OrgnlPmtInfAndSts/p:OrgnlPmtInfId').Node.InnerText | Should -Be @('PAYRUN-USD-12', 'REFUNDS-EUR-12')
        $byEndToEnd = @{}
        foreach ($tx in (Select-Xml -Xml $xml -Namespace $ns -XPath '//p:TxInfAndSts').Node) { $byEndToEnd[$tx.OrgnlEndToEndId] = $tx }
        $paid = @{}
        foreach ($payout in (Get-SandboxState $Sandbox).payouts) { $paid[$payout.requestId] = $payout }
        foreach ($id in "P$Number-001", "P$Number-002", "P$Number-003") {
            $byEndToEnd[$id].TxSts | Should -Be 'ACSC'
            $byEndToEnd[$id].AcctSvcrRef | Should -Be $paid[$id].payoutId
        }
        $failed = $byEndToEnd["P$Number-004"]
        $failed.TxSts | Should -Be 'RJCT'
        $failed.StsRsnInf.Rsn.Cd | Should -Be 'NARR'
        $failed.AcctSvcrRef | Should -Be $paid["P$Number-004"].payoutId
        $byEndToEnd['NOTPROVIDED'].TxSts | Should -Be 'ACSC'

        # The module's own reader sees the same statuses: an ERP re-importing the file books the same.
        $read = [PayoutPS.Core.Iso20022.Pain002Statuses]::Read($status)
        $read.OriginalMessageId | Should -Be 'ERP-2026-12-0001'
        ($read.Transactions | ForEach-Object { "$($_.EndToEndId)=$($_.Status)" }) | Should -Be @("P$Number-001=ACSC", "P$Number-002=ACSC", "P$Number-003=ACSC", "P$Number-004=RJCT", 'NOTPROVIDED=ACSC')
    }

    It 'answers only a batch that came from a pain.001, and only the bytes it paid' {
        $csv = Join-Path $TestDrive 'plain.csv'
        Copy-Item (Join-Path $RepoRoot 'examples/payouts.csv') $csv
        $null = New-Payout -Path $csv -Journal "$csv.journal" -Force -InformationAction Ignore -ErrorAction SilentlyContinue
        { Get-PayoutBatch -Journal "$csv.journal" -Pain002 "$TestDrive/no.xml" } | Should -Throw '*-Pain002 answers a pain.001*'

        $file = New-Pain001
        $null = New-Payout -Path $file -Journal "$file.journal" -AllowDuplicate -Force -InformationAction Ignore
        (Get-Content -Raw $file).Replace('December salary', 'December salary.') | Set-Content $file -NoNewline
        { Get-PayoutBatch -Journal "$file.journal" -Pain002 "$TestDrive/no.xml" } | Should -Throw '*changed since the batch paid it*'
        "$TestDrive/no.xml" | Should -Not -Exist
    }
}

Describe 'A pain.001 through the other batch cmdlets' {
    BeforeEach { $null = Connect-TestSandbox $Sandbox }

    It 'is measured per currency, and approved and paid by its SHA-256' {
        $file = New-Pain001
        $costs = @(Measure-PayoutBatch -Path $file)
        ($costs | Where-Object Currency -eq 'USD').SendTotal | Should -Be 6231.25
        ($costs | Where-Object Currency -eq 'EUR').Rows | Should -Be 2

        $rsa = [System.Security.Cryptography.RSA]::Create(2048)
        $cert = [System.Security.Cryptography.X509Certificates.CertificateRequest]::new('CN=ERP Approver', $rsa, 'SHA256', [System.Security.Cryptography.RSASignaturePadding]::Pkcs1).CreateSelfSigned((Get-Date).AddDays(-1), (Get-Date).AddYears(1))
        [IO.File]::WriteAllBytes("$TestDrive/erp.pfx", $cert.Export('Pfx', 'pw'))
        $null = New-Item -ItemType Directory "$TestDrive/erp-approvers" -Force
        [IO.File]::WriteAllBytes("$TestDrive/erp-approvers/erp.cer", $cert.Export('Cert'))
        $approval = Approve-PayoutBatch -Path $file -CertificatePath "$TestDrive/erp.pfx" -Password (ConvertTo-TestSecureString 'pw') -Force
        $approval.Rows | Should -Be 5
        (Get-Content "$file.approvals" | ConvertFrom-Json).sha256 | Should -Be (Get-FileHash $file -Algorithm SHA256).Hash.ToLowerInvariant()

        # -AllowDuplicate: the sample's NOTPROVIDED row (no id of this test's own) was paid by an earlier test, under another journal.
        $null = New-Payout -Path $file -Journal "$file.journal" -BatchId "erp-$Number" -RequireApproval 1 -Approver "$TestDrive/erp-approvers" -AllowDuplicate -Force -SummaryVariable paid -InformationAction Ignore
        $paid.ExitCode | Should -Be 0
        (Get-Paid "P$Number-").Count | Should -Be 4
    }
}
