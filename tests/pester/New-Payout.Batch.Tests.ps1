# Issue 8: batches that survive a crash, pay in parallel and report like a scheduled task should.
# Judged by the sandbox's state (every payout and how often its requestId was tried) and the journal on disk.
BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    . (Join-Path $PSScriptRoot 'sandbox.ps1')
    $script:Sandbox = Start-TestSandbox
    $script:BatchScript = Join-Path $RepoRoot 'examples/Send-PayoutBatch.ps1'
    # The unattended way: the child processes find the merchant and key in their environment.
    $env:PAYOUTPS_MERCHANT_ID = $SandboxMerchant
    $env:PAYOUTPS_SECRET_KEY = $SandboxSecretText
    . (Join-Path $PSScriptRoot 'batch.ps1')
}

AfterAll {
    Remove-Item Env:PAYOUTPS_MERCHANT_ID, Env:PAYOUTPS_SECRET_KEY -ErrorAction Ignore
    Disconnect-PayoutEnvironment
    Stop-TestSandbox $Sandbox
}

Describe 'A batch killed with SIGKILL and rerun pays every row exactly once' {
    BeforeEach {
        Reset-Sandbox $Sandbox
        # Slow answers keep requests in flight, so the kills land between an intent's flush and its response.
        Add-SandboxFault $Sandbox @{ path = '/api/v2/txn/remittance'; kind = 'delay'; probability = 1; seed = 1; delayMs = 120 }
    }

    It '<Name>' -ForEach @(
        @{ Name = 'with a RequestId column (500 rows)'; WithRequestId = $true; Distinct = 25; Extra = @() }
        @{ Name = 'without a RequestId column: identical rows stay separate payouts with -AllowDuplicate (500 rows)'; WithRequestId = $false; Distinct = 25; Extra = @('-AllowDuplicate') }
        @{ Name = 'without a RequestId column, the duplicate guard on and -ThrottleLimit 32 (500 distinct rows)'; WithRequestId = $false; Distinct = 500; Extra = @('-ThrottleLimit', '32') }
    ) {
        $csv = New-BatchCsv 500 -WithRequestId:$WithRequestId -Distinct $Distinct
        $journal = "$csv.journal"
        $caughtInFlight = 0
        $interrupted = 0
        foreach ($killAt in 40, 160, 330) {
            $atKill = Stop-BatchAt $csv $journal $killAt $Extra
            if ($atKill.Killed) { $interrupted++ }
            if ($atKill.Killed -and $atKill.Intents -gt $atKill.Outcomes) { $caughtInFlight++ }
        }
        # Judged by what happened, not by how fast: a loaded machine may let the last run finish before its kill.
        $interrupted | Should -BeGreaterThan 0 -Because 'the kills must interrupt the batch'
        $caughtInFlight | Should -BeGreaterThan 0 -Because 'some kills must land with intents flushed and answers pending'

        Invoke-Batch $csv $journal $Extra | Should -Be 0

        $payouts = Get-Payouts
        $payouts.Count | Should -Be 500
        ($payouts.requestId | Sort-Object -Unique).Count | Should -Be 500
        # Exactly as written: each amount was in the file 500 / $Distinct times, and is paid that often.
        $payouts | Group-Object { $_.request.sourceAmount } | ForEach-Object { $_.Count | Should -Be (500 / $Distinct) }
        if ($WithRequestId) {
            foreach ($p in $payouts) { $p.request.sourceAmount | Should -Be ('{0}.00' -f ([int]$p.requestId.Substring(2) % 25 + 1)) }
        }
        $journalText = (Get-JournalLines $journal) -join "`n"
        $journalText | Should -Not -Match 'DE89370400440532013000'
        $journalText | Should -Not -Match $SandboxSecretText
    }
}

Describe 'Batches against a service that fails' {
    BeforeEach { Reset-Sandbox $Sandbox }

    It 'ends with exactly-once results and the right exit code under 5xx, resets, 429, commit-then-drop and delays past the timeout' {
        $seed = 40
        foreach ($rule in @(
                @{ kind = 'http503' }, @{ kind = 'reset' }, @{ kind = 'http429'; retryAfter = '0' }, @{ kind = 'commitThenDrop' }, @{ kind = 'delay'; delayMs = 1500 })) {
            $rule.path = '/api/v2/txn/remittance'; $rule.probability = 0.07; $rule.seed = $seed++
            Add-SandboxFault $Sandbox $rule
        }
        $csv = New-BatchCsv 500 -Distinct 500
        $journal = "$csv.journal"

        $first = Invoke-Batch $csv $journal @('-TimeoutSec', '1', '-MaxRetries', '6')
        $first | Should -BeIn 0, 4
        if ($first -eq 4) { Invoke-Batch $csv $journal @('-TimeoutSec', '1', '-MaxRetries', '6') | Should -Be 0 }
        # Requests the client gave up on may still be delayed at the service: let them land (as 13003) before counting.
        Wait-SandboxHeld $Sandbox 0

        $payouts = Get-Payouts
        $payouts.Count | Should -Be 500
        ($payouts.requestId | Sort-Object -Unique).Count | Should -Be 500
        @($payouts | Where-Object creationAttempts -gt 1).Count | Should -BeGreaterThan 0 -Because 'the faults must have forced resends'
    }

    It 'exits 4 with the rows in doubt named, and a rerun settles them' {
        $null = Connect-TestSandbox $Sandbox @{ TimeoutSec = 1; MaxRetries = 0 }
        Add-SandboxFault $Sandbox @{ path = '/api/v2/txn/remittance'; kind = 'delay'; count = 1; delayMs = 2500 }
        $csv = New-BatchCsv 3 -WithRequestId
        $results = @(Import-Csv $csv | New-Payout -Journal "$csv.journal" -Force -ThrottleLimit 1 -SummaryVariable summary -ErrorVariable errs -ErrorAction SilentlyContinue)
        $summary.ExitCode | Should -Be 4
        $summary.InDoubtRequestIds | Should -Be @('B-00001')
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'PayoutPS.Api.InDoubt*'
        $results.Count | Should -Be 2
        # The delayed original lands at the service: wait for it, however slow this machine is.
        $deadline = [DateTime]::UtcNow.AddSeconds(30)
        while (-not (Get-Payouts | Where-Object requestId -eq 'B-00001') -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 100 }

        $again = @(Import-Csv $csv | New-Payout -Journal "$csv.journal" -Force -SummaryVariable summary)
        $summary.ExitCode | Should -Be 0
        ($again | Where-Object RequestId -eq 'B-00001').Outcome | Should -Be 'Recovered'
        ($again | Where-Object RequestId -ne 'B-00001').Outcome | Should -Be @('Journaled', 'Journaled')
        (Get-Payouts).Count | Should -Be 3
    }
}

Describe 'The journal' {
    BeforeEach {
        Reset-Sandbox $Sandbox
        $null = Connect-TestSandbox $Sandbox
    }

    It 'records header, intent, sent and outcome per row, masked; a rerun emits the recorded results and sends nothing' {
        $csv = New-BatchCsv 5 -WithRequestId
        $journal = "$csv.journal"
        $first = @(Import-Csv $csv | New-Payout -Journal $journal -Force)
        $lines = @(Get-JournalLines $journal | ForEach-Object { ConvertFrom-Json $_ })
        $lines[0].type | Should -Be 'header'
        $lines[0].merchant | Should -Be $SandboxMerchant
        $lines[0].batchId | Should -Match '^[0-9a-f]{32}$'
        ($lines | Where-Object type -eq 'intent').Count | Should -Be 5
        ($lines | Where-Object type -eq 'sent').Count | Should -Be 5
        ($lines | Where-Object type -eq 'outcome').outcome | Should -Be (@('Created') * 5)
        ($lines | Where-Object type -eq 'intent')[0].payee | Should -Be 'Anna Müller ****3000'
        $attempts = (Get-SandboxState $Sandbox).creationAttempts

        $second = @(Import-Csv $csv | New-Payout -Journal $journal -Force)

        $second.Outcome | Should -Be (@('Journaled') * 5)
        ($second | Sort-Object Row).PayoutId | Should -Be ($first | Sort-Object Row).PayoutId
        (Get-SandboxState $Sandbox).creationAttempts | ConvertTo-Json | Should -Be ($attempts | ConvertTo-Json)
    }

    It 'derives the same RequestIds on a rerun, so identical rows stay two payouts and are found again' {
        $csv = New-BatchCsv 4 -Distinct 2
        $first = @(Import-Csv $csv | New-Payout -Journal "$csv.journal" -AllowDuplicate -Force)
        ($first.RequestId | Sort-Object -Unique).Count | Should -Be 4
        $second = @(Import-Csv $csv | New-Payout -Journal "$csv.journal" -AllowDuplicate -Force)
        ($second | Sort-Object Row).RequestId | Should -Be ($first | Sort-Object Row).RequestId
        (Get-Payouts).Count | Should -Be 4
    }

    It 'refuses a row whose content changed since the journal recorded it' {
        $csv = New-BatchCsv 3 -WithRequestId
        $null = Import-Csv $csv | New-Payout -Journal "$csv.journal" -Force
        $rows = Import-Csv $csv
        $rows[1].SendAmount = '999.00'
        $again = @($rows | New-Payout -Journal "$csv.journal" -Force -ErrorVariable errs -ErrorAction SilentlyContinue)
        $again.Count | Should -Be 2
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'PayoutPS.JournalRowChanged*'
        $errs[0].Exception.Message | Should -Match '^Row 2, RequestId B-00002: this row differs from what journal'
        (Get-Payouts).Count | Should -Be 3
    }

    It 'tolerates a torn last line, and sends nothing when a line in the middle is corrupt, naming it' {
        $csv = New-BatchCsv 3 -WithRequestId
        $journal = "$csv.journal"
        $null = Import-Csv $csv | New-Payout -Journal $journal -Force
        [IO.File]::AppendAllText($journal, '{"type":"intent","row":4,"requestId":"B-000')
        $again = @(Import-Csv $csv | New-Payout -Journal $journal -Force)
        $again.Outcome | Should -Be (@('Journaled') * 3)
        (Get-JournalLines $journal)[-1] | Should -Not -Match 'B-000"?$'

        $lines = [IO.File]::ReadAllLines($journal)
        $lines[2] = 'garbage'
        [IO.File]::WriteAllLines($journal, $lines)
        Reset-Sandbox $Sandbox
        $null = Connect-TestSandbox $Sandbox
        { Import-Csv $csv | New-Payout -Journal $journal -Force } | Should -Throw -ExpectedMessage '*is corrupt at line 3*Nothing was sent*'
        (Get-Payouts).Count | Should -Be 0
    }

    It 'belongs to one run at a time: a second process on the same journal refuses and pays nothing' {
        Add-SandboxFault $Sandbox @{ path = '/api/v2/txn/remittance'; kind = 'delay'; probability = 1; seed = 1; delayMs = 100 }
        $csv = New-BatchCsv 60 -WithRequestId
        $journal = "$csv.journal"
        $first = Start-BatchProcess $csv $journal @('-ThrottleLimit', '2')
        $deadline = [DateTime]::UtcNow.AddSeconds(30)
        while ((Get-JournalCounts $journal).Outcomes -lt 2 -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 50 }
        # Paused (SIGSTOP) while the others try: the first run holds its lock however long they take to start.
        & kill -STOP $first.Id
        try {
            Invoke-Batch $csv $journal | Should -Be 3
            { Import-Csv $csv | New-Payout -Journal $journal -Force } | Should -Throw -ExpectedMessage '*in use by another run*nothing was sent*'
        }
        finally { & kill -CONT $first.Id }

        $first.WaitForExit()
        $first.ExitCode | Should -Be 0
        $payouts = Get-Payouts
        $payouts.Count | Should -Be 60
        @($payouts | Where-Object creationAttempts -gt 1).Count | Should -Be 0
    }

    It 'refuses to continue another merchant''s or another service''s batch' {
        $csv = New-BatchCsv 1 -WithRequestId
        $null = Import-Csv $csv | New-Payout -Journal "$csv.journal" -Force
        $other = Start-TestSandbox
        try {
            $null = Connect-TestSandbox $other
            { Import-Csv $csv | New-Payout -Journal "$csv.journal" -Force } | Should -Throw -ExpectedMessage '*cannot continue here: it was started against Local*'
        }
        finally { Stop-TestSandbox $other }
    }

    It 'German Excel CSV (; and 1,50) is refused row by row and recorded as invalid' {
        $csv = "$TestDrive/german.csv"
        Set-Content $csv -Encoding utf8 -Value 'RequestId;FirstName;LastName;AccountNumber;Country;City;AddressLine1;SendAmount;SourceCurrency;Purpose',
            'DE-1;Anna;Müller;DE89370400440532013000;DE;Berlin;Mitte 1;1,50;USD;1', 'DE-2;Anna;Müller;DE89370400440532013000;DE;Berlin;Mitte 1;12.00;USD;1',
            'DE-3;Anna;Müller;DE89370400440532013000;DE;Berlin;Mitte 1;1.234,56;USD;1'
        $results = @(Import-Csv $csv -Delimiter ';' | New-Payout -Journal "$csv.journal" -Force -SummaryVariable summary -ErrorVariable errs -ErrorAction SilentlyContinue)
        $results.RequestId | Should -Be @('DE-2')
        $errs.Exception.Message | Should -Match "^Row [13], RequestId DE-[13]: SendAmount '1[.,]"
        $summary.ExitCode | Should -Be 2
        (Get-PayoutBatch -Journal "$csv.journal" | Where-Object Outcome -eq 'Invalid').Row | Should -Be @(1, 3)
    }
}

Describe 'New-Payout -Path: the module reads the file' {
    BeforeEach {
        Reset-Sandbox $Sandbox
        $null = Connect-TestSandbox $Sandbox
    }

    It 'pays the file, records its name and hash in the journal, and resumes' {
        $csv = New-BatchCsv 5 -WithRequestId
        $paid = @(New-Payout -Path $csv -Journal "$csv.journal" -Force)
        $paid.Count | Should -Be 5
        $header = ConvertFrom-Json (Get-JournalLines "$csv.journal")[0]
        $header.inputFile | Should -Be (Resolve-Path $csv).Path
        $header.inputHash | Should -Be (Get-FileHash $csv -Algorithm SHA256).Hash.ToLowerInvariant()
        (New-Payout -Path $csv -Journal "$csv.journal" -Force).Outcome | Should -Be (@('Journaled') * 5)
        (Get-Payouts).Count | Should -Be 5
    }

    It 'refuses a Windows-1252 file as a whole before sending anything, and pays it with -Encoding 1252' {
        $csv = "$TestDrive/excel-1252.csv"
        $text = "RequestId,FirstName,LastName,AccountNumber,Country,City,AddressLine1,SendAmount,SourceCurrency,Purpose`r`n" +
                "P-1,Anna,Berg,DE89370400440532013000,DE,Berlin,Mitte 1,10.00,USD,1`r`n" +
                "P-2,Jürgen,Müller,DE89370400440532013000,DE,München,Marienplatz 8,10.00,USD,1`r`n"
        [IO.File]::WriteAllBytes($csv, [Text.Encoding]::GetEncoding(1252).GetBytes($text))
        { New-Payout -Path $csv -Force } | Should -Throw -ExpectedMessage '*is not utf-8 text*-Encoding 1252*Nothing was sent*'
        (Get-Payouts).Count | Should -Be 0

        $null = New-Payout -Path $csv -Encoding 1252 -Force
        (Get-Payouts | Where-Object requestId -eq 'P-2').payeeName | Should -Be 'Jürgen Müller'
    }

    It 'reads quoted fields and a German separator, refusing 1,50 row by row' {
        $csv = "$TestDrive/german-quoted.csv"
        Set-Content $csv -Encoding utf8 -Value 'RequestId;FirstName;LastName;AccountNumber;Country;City;AddressLine1;SendAmount;SourceCurrency;Purpose',
            'Q-1;Anna;Berg;DE89370400440532013000;DE;Berlin;"Straße 1; Hinterhaus";12.00;USD;1',
            'Q-2;Anna;Berg;DE89370400440532013000;DE;Berlin;"Mitte ""2""";1,50;USD;1'
        $paid = @(New-Payout -Path $csv -Delimiter ';' -Force -ErrorVariable errs -ErrorAction SilentlyContinue)
        $paid.RequestId | Should -Be 'Q-1'
        $errs[0].Exception.Message | Should -Match "^Row 2 \(CSV line 3\), RequestId Q-2: SendAmount '1,50' contains a comma"
        (Get-Payouts).request.address | Should -Match 'Straße 1; Hinterhaus'
    }

    It 'shows progress with a percentage and the time left' {
        Add-SandboxFault $Sandbox @{ path = '/api/v2/txn/remittance'; kind = 'delay'; probability = 1; seed = 1; delayMs = 150 }
        $csv = New-BatchCsv 12 -WithRequestId
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript("Import-Module '$ModulePath'; New-Payout -Path '$csv' -ThrottleLimit 1 -Force -Context `$args[0]").AddArgument((Get-PayoutEnvironment))
            $null = $ps.Invoke()
            $running = @($ps.Streams.Progress | Where-Object RecordType -eq 'Processing')
            $running.Count | Should -BeGreaterThan 0
            ($running | Where-Object PercentComplete -gt 0).Count | Should -BeGreaterThan 0
            ($running | Where-Object SecondsRemaining -ge 0).Count | Should -BeGreaterThan 0
        }
        finally { $ps.Dispose() }
    }
}

Describe 'Running a batch' {
    BeforeEach {
        Reset-Sandbox $Sandbox
        $null = Connect-TestSandbox $Sandbox
    }

    It '-ValidateOnly checks every row, reports all problems at once, and connects to and sends nothing' {
        $csv = New-BatchCsv 4 -WithRequestId
        $rows = @(Import-Csv $csv)
        $rows[1].SendAmount = '1,50'; $rows[3].Country = 'Germany'
        Disconnect-PayoutEnvironment
        $out = @($rows | New-Payout -ValidateOnly -SummaryVariable summary -ErrorVariable errs -ErrorAction SilentlyContinue)
        $out.Count | Should -Be 0
        $errs.Count | Should -Be 2
        $errs[0].Exception.Message | Should -Match '^Row 2\b.*SendAmount'
        $errs[1].Exception.Message | Should -Match '^Row 4\b.*Country'
        $summary.Invalid | Should -Be 2
        $summary.Checked | Should -Be 2
        $summary.ExitCode | Should -Be 2
        (Get-Payouts).Count | Should -Be 0

        # Rows without a RequestId are fine to check when the sending run will have a journal to key them.
        $unkeyed = @(Import-Csv (New-BatchCsv 3) | New-Payout -ValidateOnly -Journal "$TestDrive/later.journal" -SummaryVariable s2 -WarningVariable w -ErrorVariable e -ErrorAction SilentlyContinue)
        $e.Count | Should -Be 0
        $w.Count | Should -Be 0
        $s2.ExitCode | Should -Be 0
        Test-Path "$TestDrive/later.journal" | Should -BeFalse
    }

    It 'with $ErrorActionPreference = Stop, a bad row does not stop the batch; the run fails after every row had its turn' {
        $csv = New-BatchCsv 3 -WithRequestId
        $rows = @(Import-Csv $csv)
        $rows[0].SendAmount = '1,50'
        $ErrorActionPreference = 'Stop'
        $failure = $null
        try { $null = $rows | New-Payout -Force -WarningVariable warnings -WarningAction SilentlyContinue } catch { $failure = $_ }
        $failure | Should -Not -BeNullOrEmpty
        $failure.ErrorDetails.Message | Should -Match '^1 payout\(s\) were not paid .* The first: Row 1, RequestId B-00001: SendAmount'
        $warnings[0].Message | Should -Match 'Row 1\b.*contains a comma'
        (Get-Payouts).requestId | Sort-Object | Should -Be @('B-00002', 'B-00003')
    }

    It 'streams results with their row numbers and a summary with totals per currency' {
        $csv = New-BatchCsv 6 -WithRequestId -Distinct 3
        $results = @(Import-Csv $csv | New-Payout -Force -ThrottleLimit 4 -SummaryVariable summary -InformationVariable info)
        ($results.Row | Sort-Object) | Should -Be (1..6)
        foreach ($r in $results) { $r.RequestId | Should -Be ('B-{0:D5}' -f $r.Row) }
        $summary.Created | Should -Be 6
        $summary.ExitCode | Should -Be 0
        $usd = $summary.Totals | Where-Object Currency -eq 'USD'
        $usd.Payouts | Should -Be 6
        $usd.Sent | Should -Be ((Get-Payouts | ForEach-Object { [decimal]$_.sourceAmount } | Measure-Object -Sum).Sum)
        $usd.Fees | Should -Be ((Get-Payouts | ForEach-Object { [decimal]$_.fee } | Measure-Object -Sum).Sum)
        $info[-1].MessageData | Should -Match '^6 rows: 6 paid .* Exit code 0\.$'
        ($summary | ConvertTo-Csv | ConvertFrom-Csv).TotalsText | Should -Match '^\d+\.\d\d USD in 6 payout\(s\), fees \d+\.\d\d$'
    }

    It 'shows the summary line for a batch, not after a single payout (whose -SummaryVariable still has it)' {
        $one = New-TestPayee 'B-ONE'
        $null = New-Payout @one -SummaryVariable single -InformationVariable singleInfo
        $csv = New-BatchCsv 2 -WithRequestId
        $null = Import-Csv $csv | New-Payout -Force -InformationVariable twoInfo

        @($singleInfo | Where-Object { $_.Tags -contains 'PayoutPS.Summary' }).Count | Should -Be 0
        $single.ExitCode | Should -Be 0
        @($twoInfo | Where-Object { $_.Tags -contains 'PayoutPS.Summary' }).Count | Should -Be 1
    }

    It 'Get-PayoutBatch shows every row and the totals, and -Refresh settles a row in doubt that the service has' {
        $csv = New-BatchCsv 3 -WithRequestId
        $journal = "$csv.journal"
        $null = Import-Csv $csv | New-Payout -Journal $journal -Force
        # As if the run had died after the intent of row 4 was flushed and its request had reached the service.
        $p = New-TestPayee 'B-00004'; $p.Remove('Force')
        $null = New-Payout @p -Force
        Add-Content $journal '{"type":"intent","time":"2026-11-26T00:00:00.000Z","row":4,"requestId":"B-00004","hash":"x","amount":"100.00","currency":"USD","payee":"Anna Müller ****3000"}'

        $rows = @(Get-PayoutBatch -Journal $journal)
        $rows.Row | Should -Be @(1, 2, 3, 4)
        $rows[3].Outcome | Should -Be 'InDoubt'
        (Get-PayoutBatch -Journal $journal -Summary).ExitCode | Should -Be 4

        $refreshed = @(Get-PayoutBatch -Journal $journal -Refresh)
        $refreshed[3].Outcome | Should -Be 'Recovered'
        $refreshed[3].PayoutId | Should -Match '^\d{19}$'
        $summary = Get-PayoutBatch -Journal $journal -Refresh -Summary
        $summary.Paid | Should -Be 4
        $summary.ExitCode | Should -Be 0
    }

    It 'Ctrl+C lets the requests in flight finish, records them, and says how to resume' {
        Add-SandboxFault $Sandbox @{ path = '/api/v2/txn/remittance'; kind = 'delay'; probability = 1; seed = 1; delayMs = 400 }
        $csv = New-BatchCsv 40 -WithRequestId
        $journal = "$csv.journal"
        $script = New-CtrlCScript $Sandbox -StopWhen "(Invoke-RestMethod `"`$control/held`").held -ge 1 -and @(Select-String -Path '$journal' -Pattern '`"type`":`"outcome`"' -ErrorAction Ignore).Count -ge 4" -Invocation @"
`$null = `$ps.AddScript('param(`$c) Import-Module "$ModulePath"; Import-Csv "$csv" | New-Payout -Context `$c -Journal "$journal" -ThrottleLimit 4 -Force').AddArgument(`$context)
"@
        $run = Invoke-FreshPwsh $script
        $run.Output | Should -Match 'Stopped while requestId B-\d+ was in flight: it is in doubt'
        $run.Output | Should -Match "To resume, run the same command again with -Journal $([regex]::Escape($journal))"
        $counts = Get-JournalCounts $journal
        $counts.Outcomes | Should -Be $counts.Intents -Because 'every request in flight finished and was recorded'
        # A row whose intent was written ahead but whose request had not left is recorded NotSent (or, stopped
        # between attempts, Unavailable); every other one was paid.
        $recorded = Get-JournalLines $journal | ForEach-Object { ConvertFrom-Json $_ } | Where-Object type -eq 'outcome'
        $paid = (Get-Payouts).Count
        $paid | Should -Be @($recorded | Where-Object outcome -eq 'Created').Count
        @($recorded | Where-Object outcome -eq 'NotSent').Count | Should -BeGreaterThan 0 -Because 'with -ThrottleLimit 4, up to 4 more rows wait with their intent written'
        @($recorded | Where-Object { $_.outcome -notin 'Created', 'Unavailable', 'NotSent' }).Count | Should -Be 0
        $paid | Should -BeLessThan 40

        $rest = @(Import-Csv $csv | New-Payout -Journal $journal -Force -ThrottleLimit 8)
        @($rest | Where-Object Outcome -eq 'Journaled').Count | Should -Be $paid
        (Get-Payouts).Count | Should -Be 40
    }
}
