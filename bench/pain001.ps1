<#
.SYNOPSIS
    Reading and checking an ISO 20022 pain.001 against the same rows as CSV: New-Payout -Path -ValidateOnly on each,
    alternated in one warm process, nothing sent (issue 30's target: the pain.001 at no less than half the CSV rate).
    Then each form once more in a fresh pwsh, as a scheduled task runs it: its wall time and its peak resident set,
    measured from outside by /usr/bin/time -v where there is one.
.EXAMPLE
    dotnet pwsh bench/pain001.ps1 -Transactions 100000 -Rounds 3
#>
param(
    [int] $Transactions = 100000,
    [int] $Rounds = 3,
    [string] $ModulePath = (Join-Path (Split-Path $PSScriptRoot -Parent) 'out/PayoutPS/PayoutPS.psd1')
)

$ErrorActionPreference = 'Stop'
Import-Module $ModulePath
$folder = Join-Path ([IO.Path]::GetTempPath()) "payoutps-pain-bench-$PID"
$null = New-Item -ItemType Directory $folder -Force
try {
    # The same transaction, numbered, in both forms: an individual paid from USD into EUR, as the sample's first.
    $xml = Join-Path $folder 'payments.xml'
    $csv = Join-Path $folder 'payments.csv'
    $x = [IO.StreamWriter]::new($xml, $false, [Text.UTF8Encoding]::new($false))
    $c = [IO.StreamWriter]::new($csv, $false, [Text.UTF8Encoding]::new($false))
    try {
        $x.Write("<?xml version=`"1.0`"?><Document xmlns=`"urn:iso:std:iso:20022:tech:xsd:pain.001.001.03`"><CstmrCdtTrfInitn><GrpHdr><MsgId>BENCH</MsgId><CreDtTm>2026-12-01T09:30:00</CreDtTm><NbOfTxs>$Transactions</NbOfTxs><InitgPty><Nm>Bench</Nm></InitgPty></GrpHdr>")
        $x.Write('<PmtInf><PmtInfId>B</PmtInfId><PmtMtd>TRF</PmtMtd><ReqdExctnDt>2026-12-01</ReqdExctnDt><Dbtr><Nm>Bench</Nm></Dbtr><DbtrAcct><Id><Othr><Id>1</Id></Othr></Id><Ccy>USD</Ccy></DbtrAcct><DbtrAgt><FinInstnId><BIC>EXAMPLEXXXX</BIC></FinInstnId></DbtrAgt>')
        $c.WriteLine('RequestId,PayeeType,FirstName,LastName,AccountNumber,Country,City,AddressLine1,PostalCode,SendAmount,SourceCurrency,TargetCurrency,Purpose,Reference')
        for ($i = 1; $i -le $Transactions; $i++) {
            $x.Write("<CdtTrfTxInf><PmtId><EndToEndId>B-$i</EndToEndId></PmtId><Amt><InstdAmt Ccy=`"USD`">12.50</InstdAmt></Amt><Cdtr><Nm>Anna Müller</Nm><PstlAdr><StrtNm>Unter den Linden</StrtNm><BldgNb>1</BldgNb><PstCd>10117</PstCd><TwnNm>Berlin</TwnNm><Ctry>DE</Ctry></PstlAdr></Cdtr><CdtrAcct><Id><IBAN>DE89370400440532013000</IBAN></Id><Ccy>EUR</Ccy></CdtrAcct><Purp><Cd>SALA</Cd></Purp><RmtInf><Ustrd>Salary $i</Ustrd></RmtInf></CdtTrfTxInf>")
            $c.WriteLine("B-$i,Individual,Anna,Müller,DE89370400440532013000,DE,Berlin,Unter den Linden 1,10117,12.50,USD,EUR,PersonalRemittance,Salary $i")
        }
        $x.Write('</PmtInf></CstmrCdtTrfInitn></Document>')
    }
    finally { $x.Dispose(); $c.Dispose() }

    $rates = @{ csv = [Collections.Generic.List[double]]::new(); pain001 = [Collections.Generic.List[double]]::new() }
    $null = New-Payout -Path $csv -ValidateOnly -InformationAction Ignore   # warm-up: JIT and caches for both readers alike
    $null = New-Payout -Path $xml -ValidateOnly -InformationAction Ignore
    for ($round = 1; $round -le $Rounds; $round++) {
        $order = if ($round % 2) { 'csv', 'pain001' } else { 'pain001', 'csv' }
        foreach ($form in $order) {
            $file = if ($form -eq 'csv') { $csv } else { $xml }
            $watch = [Diagnostics.Stopwatch]::StartNew()
            $null = New-Payout -Path $file -ValidateOnly -SummaryVariable checked -InformationAction Ignore
            $watch.Stop()
            if ($checked.Checked -ne $Transactions) { throw "$form checked $($checked.Checked) of $Transactions rows" }
            $rates[$form].Add($Transactions / $watch.Elapsed.TotalSeconds)
        }
        Write-Host ("round {0}: CSV {1:N0} rows/s   pain.001 {2:N0} rows/s" -f $round, $rates.csv[-1], $rates.pain001[-1])
    }

    # A fresh process per form, as a user meets it: wall time and peak resident set from outside the process.
    $time = '/usr/bin/time'
    foreach ($form in 'csv', 'pain001') {
        $file = if ($form -eq 'csv') { $csv } else { $xml }
        $command = "Import-Module '$ModulePath'; New-Payout -Path '$file' -ValidateOnly -InformationAction Ignore"
        $pwsh = Join-Path $PSHOME 'pwsh.dll'
        if (Test-Path $time) {
            $report = & $time -v dotnet $pwsh -NoLogo -NoProfile -NonInteractive -Command $command 2>&1 | Out-String
            $peak = [regex]::Match($report, 'Maximum resident set size \(kbytes\): (\d+)').Groups[1].Value
            $wall = [regex]::Match($report, 'Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([\d:.]+)').Groups[1].Value
            Write-Host ("fresh pwsh, {0}: wall {1}, peak resident set {2:N0} MB" -f $form, $wall, ([double]$peak / 1024))
        }
        else {
            $watch = [Diagnostics.Stopwatch]::StartNew()
            & dotnet $pwsh -NoLogo -NoProfile -NonInteractive -Command $command | Out-Null
            Write-Host ("fresh pwsh, {0}: wall {1:N1} s (no /usr/bin/time here for the peak resident set)" -f $form, $watch.Elapsed.TotalSeconds)
        }
    }

    $median = { param($values) ($values | Sort-Object)[[int][math]::Floor(($values.Count - 1) / 2)] }
    $csvRate, $painRate = (& $median $rates.csv), (& $median $rates.pain001)
    Write-Host ("peak working set of this process: {0:N0} MB" -f ([Diagnostics.Process]::GetCurrentProcess().PeakWorkingSet64 / 1MB))
    Write-Host ("{0:N0} transactions, -ValidateOnly: CSV median {1:N0} rows/s, pain.001 median {2:N0} rows/s = {3:P0} of the CSV rate (target >= 50 %)" -f $Transactions, $csvRate, $painRate, ($painRate / $csvRate))
}
finally { Remove-Item $folder -Recurse -Force -ErrorAction Ignore }
