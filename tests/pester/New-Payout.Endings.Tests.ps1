# Issue 17 (in part): every run ends with the truth. -SummaryVariable holds an exit code whatever ends the run,
# and a run that ends before its input does is never exit 0. Judged by the summary, the process exit code of
# the README's unattended pattern, and the sandbox's state.
BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    . (Join-Path $PSScriptRoot 'sandbox.ps1')
    $script:Sandbox = Start-TestSandbox
    $script:BatchScript = Join-Path $RepoRoot 'examples/Send-PayoutBatch.ps1'
    . (Join-Path $PSScriptRoot 'batch.ps1')
    $null = Connect-TestSandbox $Sandbox

    # The README's unattended pattern in a fresh non-interactive pwsh; returns the process exit code.
    function Invoke-ReadmePattern([string] $Csv, [string] $Journal) {
        $script = @"
Import-Module '$ModulePath'
`$s = [securestring]::new(); '$SandboxSecretText'.ToCharArray() | % { `$s.AppendChar(`$_) }
`$null = Connect-PayoutEnvironment Local -Port $($Sandbox.Port) -MerchantId $SandboxMerchant -SecretKey `$s
try { Import-Csv '$Csv' | New-Payout -Journal '$Journal' -Force -SummaryVariable summary -ErrorAction SilentlyContinue | Out-Null } catch { Write-Host `$_ }
exit `$summary.ExitCode
"@
        (Invoke-FreshPwsh $script).ExitCode
    }
}

AfterAll {
    Disconnect-PayoutEnvironment
    Stop-TestSandbox $Sandbox
}

Describe 'Every run ends with the truth' {
    BeforeEach { Reset-Sandbox $Sandbox }

    It 'a journal held by another run: exit 3 in the summary and from the README pattern, nothing sent' {
        $csv = New-BatchCsv 5 -WithRequestId
        $journal = "$csv.journal"
        $lock = [IO.File]::Open("$journal.lock", 'OpenOrCreate', 'ReadWrite', 'None')   # what a running batch holds
        try {
            try { $null = New-Payout -Path $csv -Journal $journal -Force -SummaryVariable held } catch { $refused = $_ }
            $refused.FullyQualifiedErrorId | Should -BeLike 'PayoutPS.JournalUnusable*' 
            $held.ExitCode | Should -Be 3
            $held.Ending | Should -Be 'CouldNotGoOn'
            $held.EndingReason | Should -Match 'in use by another run'
            Invoke-ReadmePattern $csv $journal | Should -Be 3
        }
        finally { $lock.Dispose() }
        @(Get-Payouts).Count | Should -Be 0
    }

    It 'a downstream command that stops the pipeline: exit 5 with the rows not tried, never 0' {
        $csv = New-BatchCsv 40 -WithRequestId -Distinct 40
        $first = @(New-Payout -Path $csv -Journal "$csv.journal" -ThrottleLimit 1 -Force -SummaryVariable cut -WarningAction SilentlyContinue | Select-Object -First 1)
        $first.Count | Should -Be 1
        $cut.Ending | Should -Be 'Stopped'
        $cut.ExitCode | Should -Be 5
        $cut.NotTried | Should -BeGreaterThan 0
        $cut.NotTried + @(Get-Payouts).Count | Should -BeLessOrEqual 40
        # The journal knows its file: Get-PayoutBatch never says "done" while rows of it were never reached.
        $report = Get-PayoutBatch -Journal "$csv.journal" -Summary -WarningAction SilentlyContinue
        $report.ExitCode | Should -Be 5
        $report.NotTried | Should -BeGreaterThan 0

        # The rerun finishes the file, each row paid once.
        $null = New-Payout -Path $csv -Journal "$csv.journal" -Force -SummaryVariable rest
        $rest.ExitCode | Should -Be 0
        @(Get-Payouts).Count | Should -Be 40
        (Get-PayoutBatch -Journal "$csv.journal" -Summary).ExitCode | Should -Be 0
    }

    It 'an empty or header-only file, or an empty pipeline: exit 2 with a message, nothing sent' {
        $empty = "$TestDrive/empty.csv"; Set-Content $empty '' -NoNewline
        $header = "$TestDrive/header.csv"; Set-Content $header 'RequestId,FirstName,LastName,AccountNumber,Country,City,AddressLine1,SendAmount,SourceCurrency,TargetCurrency,Purpose'
        foreach ($file in $empty, $header) {
            $null = New-Payout -Path $file -Journal "$file.journal" -Force -SummaryVariable none -ErrorVariable errs -ErrorAction SilentlyContinue
            $none.ExitCode | Should -Be 2 -Because $file
            ($errs | Select-Object -Last 1).Exception.Message | Should -Match 'no rows|empty'
        }
        $null = @() | New-Payout -Force -SummaryVariable nothing -ErrorVariable errs -ErrorAction SilentlyContinue
        $nothing.ExitCode | Should -Be 2
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'PayoutPS.NoRows*'
        @(Get-Payouts).Count | Should -Be 0
    }

    It 'not connected: exit 3 in the summary' {
        $csv = New-BatchCsv 2 -WithRequestId
        Disconnect-PayoutEnvironment
        try {
            try { $null = New-Payout -Path $csv -Force -SummaryVariable offline } catch { $refused = $_ }
            $refused.FullyQualifiedErrorId | Should -BeLike 'PayoutPS.NotConnected*' 
            $offline.ExitCode | Should -Be 3
        }
        finally { $null = Connect-TestSandbox $Sandbox }
    }

    It 'shows the summary at the end of a run without extra switches, as Write-Host does (and hides it with -InformationAction Ignore)' {
        $csv = New-BatchCsv 2 -WithRequestId
        $shown = Invoke-FreshPwsh "Import-Module '$ModulePath'; Import-Csv '$csv' | New-Payout -ValidateOnly | Out-Null"
        $shown.Output | Should -Match '2 rows: 0 paid .*2 checked only\. Exit code 0\.'

        $hidden = Invoke-FreshPwsh "Import-Module '$ModulePath'; Import-Csv '$csv' | New-Payout -ValidateOnly -InformationAction Ignore | Out-Null"
        $hidden.Output | Should -Not -Match 'rows:'
    }

    It 'refuses -SummaryVariable written with a $, naming the fix' {
        { New-Payout -Path (New-BatchCsv 1 -WithRequestId) -Force -SummaryVariable '$sum' -ErrorAction Stop } | Should -Throw -ExpectedMessage "*without '$'*-SummaryVariable sum*"
    }
}

Describe 'examples/scheduled-task.ps1 as a scheduler runs it: the process exit code is how the run ended' {
    BeforeAll {
        $script:Task = Join-Path $RepoRoot 'examples/scheduled-task.ps1'
        # pwsh -NonInteractive -File, the way Task Scheduler and cron start it, with the key in the environment.
        function Invoke-Task([string] $Csv, [switch] $NoKey) {
            $saved = $env:PAYOUTPS_MERCHANT_ID, $env:PAYOUTPS_SECRET_KEY
            $env:PAYOUTPS_MERCHANT_ID = if ($NoKey) { $null } else { $SandboxMerchant }
            $env:PAYOUTPS_SECRET_KEY = if ($NoKey) { $null } else { $SandboxSecretText }
            try {
                $output = & dotnet (Join-Path $PSHOME 'pwsh.dll') -NoLogo -NoProfile -NonInteractive -File $Task -CsvPath $Csv -Environment Local -Port $Sandbox.Port -ModulePath $ModulePath 2>&1
                [pscustomobject]@{ ExitCode = $LASTEXITCODE; Output = ($output | Out-String) }
            }
            finally { $env:PAYOUTPS_MERCHANT_ID, $env:PAYOUTPS_SECRET_KEY = $saved }
        }
        function New-TaskCsv([string] $Text) {
            $path = Join-Path $TestDrive ("task-" + [guid]::NewGuid().ToString('N').Substring(0, 8) + '.csv')
            [IO.File]::WriteAllText($path, $Text, [Text.UTF8Encoding]::new($false))
            $path
        }
        $script:Head = 'RequestId,FirstName,LastName,AccountNumber,Country,City,AddressLine1,SendAmount,SourceCurrency,TargetCurrency,Purpose'
        function Get-TaskRow([string] $Id, [string] $Amount = '10.00', [string] $Country = 'DE') { "$Id,Anna,Müller,DE89370400440532013000,$Country,Berlin,Unter den Linden 1,$Amount,USD,EUR,1" }
    }

    BeforeEach { Reset-Sandbox $Sandbox }

    It 'exits <Code> when <Name>' -ForEach @(
        @{ Name = 'every row is paid'; Code = 0; Rows = { "$Head`n$(Get-TaskRow T-1)`n$(Get-TaskRow T-2)`n" }; Paid = 2 }
        @{ Name = 'a row is invalid (the others are paid)'; Code = 2; Rows = { "$Head`n$(Get-TaskRow T-1)`n$(Get-TaskRow T-2 '"1,50"')`n" }; Paid = 1 }
        @{ Name = 'the file is malformed (an unquoted 1,250.00): nothing is sent'; Code = 2; Rows = { "$Head`n$(Get-TaskRow T-1)`n$(Get-TaskRow T-2 '1,250.00')`n" }; Paid = 0 }
        @{ Name = 'the file holds only its header'; Code = 2; Rows = { "$Head`n" }; Paid = 0 }
        @{ Name = 'the file is empty'; Code = 2; Rows = { '' }; Paid = 0 }
        @{ Name = 'a row is refused by the service (the others are paid)'; Code = 1; Rows = { "$Head`n$(Get-TaskRow T-1)`n$(Get-TaskRow T-2 -Country XX)`n" }; Paid = 1 }
        @{ Name = 'the balance does not cover the file: nothing is sent'; Code = 3; Rows = { "$Head`n$(Get-TaskRow T-1)`n$(Get-TaskRow T-2 '99999999999.00')`n" }; Paid = 0 }
    ) {
        $run = Invoke-Task (New-TaskCsv (& $Rows))

        $run.ExitCode | Should -Be $Code -Because $run.Output
        @(Get-Payouts).Count | Should -Be $Paid
    }

    It 'exits 3 when no key is configured, and sends nothing' {
        $run = Invoke-Task (New-TaskCsv "$Head`n$(Get-TaskRow T-1)`n") -NoKey

        $run.ExitCode | Should -Be 3 -Because $run.Output
        @(Get-Payouts).Count | Should -Be 0
    }

    It 'exits 3 when another run holds the journal, and sends nothing' {
        $csv = New-TaskCsv "$Head`n$(Get-TaskRow T-1)`n"
        $lock = [IO.File]::Open("$csv.journal.lock", 'OpenOrCreate', 'ReadWrite', 'None')
        try { $run = Invoke-Task $csv }
        finally { $lock.Dispose() }

        $run.ExitCode | Should -Be 3 -Because $run.Output
        $run.Output | Should -Match 'in use by another run'
        @(Get-Payouts).Count | Should -Be 0
    }
}

Describe 'The demo exits with what it says' {
    It 'says the batch exited 2 as its sample intends, and exits 0 for that, leaving no journal, lock or notification file behind' {
        $before = @(Get-ChildItem ([IO.Path]::GetTempPath()) -Filter 'payoutps-demo-*' -ErrorAction Ignore).Name
        $output = & dotnet (Join-Path $PSHOME 'pwsh.dll') -NoLogo -NoProfile -NonInteractive -File (Join-Path $RepoRoot 'examples/demo.ps1') -ModulePath $ModulePath 2>&1 | Out-String

        $LASTEXITCODE | Should -Be 0 -Because $output
        $output | Should -Match 'The batch script exited 2 \(one row invalid\), as this sample intends'
        $output | Should -Match "journal was deleted with its sandbox"
        @(Get-ChildItem ([IO.Path]::GetTempPath()) -Filter 'payoutps-demo-*' -ErrorAction Ignore | Where-Object Name -notin $before).Name | Should -BeNullOrEmpty
    }
}

Describe 'examples/scheduled-task.ps1 stopped by a signal exits with the batch''s code, every row counted' {
    BeforeAll {
        $script:Task = Join-Path $RepoRoot 'examples/scheduled-task.ps1'
    }

    BeforeEach { Reset-Sandbox $Sandbox }

    It 'exits with the summary''s code on <Signal>, never 0, and a rerun pays the rest once' -ForEach @(
        @{ Signal = 'INT' }, @{ Signal = 'TERM' }
    ) {
        if ($Signal -eq 'INT' -and (Test-SigIntIgnored)) { Set-ItResult -Skipped -Because 'this test process inherited SIGINT ignored'; return }
        # The first 40 payouts take 100 ms, every later one 3 s: the run cannot end before the signal, however loaded the
        # machine (the rest would take 50 s), and the rows out when it comes answer within their timeout.
        Add-SandboxFault $Sandbox @{ path = '/api/v2/txn/remittance'; kind = 'delay'; count = 40; delayMs = 100 }
        Add-SandboxFault $Sandbox @{ path = '/api/v2/txn/remittance'; kind = 'delay'; probability = 1; seed = 1; delayMs = 3000 }
        $csv = New-BatchCsv 300 -Distinct 300
        $log = Join-Path $TestDrive "task-$Signal"
        $env:PAYOUTPS_MERCHANT_ID = $SandboxMerchant; $env:PAYOUTPS_SECRET_KEY = $SandboxSecretText
        try {
            $arguments = @((Join-Path $PSHOME 'pwsh.dll'), '-NoLogo', '-NoProfile', '-NonInteractive', '-File', $Task, '-CsvPath', $csv,
                '-Environment', 'Local', '-Port', $Sandbox.Port, '-ModulePath', $ModulePath, '-BatchId', "signal-$Signal")
            $process = Start-Process dotnet -ArgumentList $arguments -PassThru -RedirectStandardOutput "$log.out" -RedirectStandardError "$log.err"
        }
        finally { Remove-Item Env:PAYOUTPS_MERCHANT_ID, Env:PAYOUTPS_SECRET_KEY -ErrorAction Ignore }
        $deadline = [DateTime]::UtcNow.AddSeconds(60)
        while (-not $process.HasExited -and (Get-JournalCounts "$csv.journal").Outcomes -lt 20 -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 20 }
        $process.HasExited | Should -BeFalse -Because 'the signal must arrive while the batch pays'
        & kill -s $Signal $process.Id
        $process.WaitForExit(60000) | Should -BeTrue
        $output = Get-Content -Raw "$log.out"

        $process.ExitCode | Should -BeIn 4, 5 -Because $output
        # Ctrl+C unwinds the script (its finally says "Stopped before the end"); SIGTERM stops the run, and the script goes on to its summary.
        $output | Should -Match "Summary: \d+ rows: .*Stopped: .* Exit code $($process.ExitCode)\." -Because $output
        # Every row the journal says was paid is counted paid in the summary: rows that came back after the stop too.
        $paid = [int]([regex]::Match($output, 'Summary: \d+ rows: (\d+) paid').Groups[1].Value)
        $paid | Should -BeGreaterThan 0
        $paid | Should -Be @(Get-PayoutBatch -Journal "$csv.journal" | Where-Object IsPaid).Count
        @(Get-Payouts).Count | Should -BeLessThan 300

        Clear-SandboxFaults $Sandbox # the rerun at full speed
        $rerun = & dotnet (Join-Path $PSHOME 'pwsh.dll') -NoLogo -NoProfile -NonInteractive -Command "`$env:PAYOUTPS_MERCHANT_ID = '$SandboxMerchant'; `$env:PAYOUTPS_SECRET_KEY = '$SandboxSecretText'; & '$Task' -CsvPath '$csv' -Environment Local -Port $($Sandbox.Port) -ModulePath '$ModulePath' -BatchId 'signal-$Signal'; exit `$LASTEXITCODE" 2>&1 | Out-String
        $LASTEXITCODE | Should -Be 0 -Because $rerun
        (@(Get-Payouts).request.sourceAmount | Sort-Object) | Should -Be (@(Import-Csv $csv).SendAmount | Sort-Object)
    }
}

Describe 'examples/Send-PayoutBatch.ps1 stopped while requests are out counts them in doubt' {
    BeforeEach { Reset-Sandbox $Sandbox }

    It 'exits 4 and names every row still out when Ctrl+C came, as the journal records them' {
        if (Test-SigIntIgnored) { Set-ItResult -Skipped -Because 'this test process inherited SIGINT ignored'; return }
        # Each payout takes 8 s at the service and the client waits 1 s without retrying: every request out at the
        # stop times out after it, found nowhere yet, so it is in doubt. 400 rows would take 100 s: the run is still
        # sending when the signal comes, however loaded the machine.
        Add-SandboxFault $Sandbox @{ path = '/api/v2/txn/remittance'; kind = 'delay'; probability = 1; seed = 1; delayMs = 8000 }
        $csv = New-BatchCsv 400 -Distinct 400
        $journal = "$csv.journal"
        $env:PAYOUTPS_MERCHANT_ID = $SandboxMerchant; $env:PAYOUTPS_SECRET_KEY = $SandboxSecretText
        try { $process = Start-BatchProcess $csv $journal @('-ThrottleLimit', '4', '-TimeoutSec', '1', '-MaxRetries', '0') }
        finally { Remove-Item Env:PAYOUTPS_MERCHANT_ID, Env:PAYOUTPS_SECRET_KEY -ErrorAction Ignore }
        $deadline = [DateTime]::UtcNow.AddSeconds(60)
        while (-not $process.HasExited -and @(Get-JournalLines $journal | Where-Object { $_ -match '"type":"sent"' }).Count -lt 4 -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 20 }
        & kill -s INT $process.Id
        $process.WaitForExit(60000) | Should -BeTrue
        $output = Get-Content -Raw "$($process.Log).out"

        $process.ExitCode | Should -Be 4 -Because $output
        $inDoubt = @(Get-PayoutBatch -Journal $journal | Where-Object Outcome -eq 'InDoubt')
        $inDoubt.Count | Should -BeGreaterThan 0
        $output | Should -Match "Stopped before the end\. Summary: .*, $($inDoubt.Count) in doubt.* Exit code 4\." -Because $output

        # The requests in doubt did reach the service: wait for them, so no late payout lands in the next test.
        $deadline = [DateTime]::UtcNow.AddSeconds(60)
        while (@(Get-Payouts).Count -lt $inDoubt.Count -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 100 }
        @(Get-Payouts).requestId | Sort-Object | Should -Be ($inDoubt.RequestId | Sort-Object)
    }
}
