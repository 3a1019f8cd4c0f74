# Issue 18, part 2: prove after. A finished batch matched to the sandbox's ledger, to the cent.
BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    . (Join-Path $PSScriptRoot 'sandbox.ps1')
    $script:Sandbox = Start-TestSandbox @('--status-step-seconds', '0.2')
    function Get-Balance([string] $Currency) { [decimal](Get-SandboxState $Sandbox).merchants[0].balances.$Currency }
}

AfterAll {
    Disconnect-PayoutEnvironment
    Stop-TestSandbox $Sandbox
}

Describe 'Get-PayoutBatch -Reconcile' {
    BeforeAll {
        Reset-Sandbox $Sandbox
        $null = Connect-TestSandbox $Sandbox
        $script:Before = Get-Balance USD
        $csv = Join-Path $TestDrive 'reconcile.csv'
        @(
            'RequestId,FirstName,LastName,AccountNumber,Country,City,AddressLine1,SendAmount,SourceCurrency,TargetCurrency,Purpose,Reference'
            'RC-1,Anna,Müller,DE89370400440532013000,DE,Berlin,Unter den Linden 1,10.00,USD,EUR,1,'
            'RC-2,Anna,Müller,DE89370400440532013000,DE,Berlin,Unter den Linden 1,25.50,USD,EUR,1,'
            'RC-3,Anna,Müller,DE89370400440532013000,DE,Berlin,Unter den Linden 1,40.00,USD,EUR,1,SANDBOX_FAIL'
            'RC-4,Anna,Müller,DE89370400440532013000,DE,Berlin,Unter den Linden 1,"1,50",USD,EUR,1,'
            'RC-5,Anna,Müller,DE89370400440532013000,DE,Berlin,Unter den Linden 1,12.25,USD,EUR,1,SANDBOX_REVIEW_FAIL'
        ) | Set-Content $csv
        $script:Journal = "$csv.journal"
        New-Payout -Path $csv -Journal $Journal -Force -ErrorAction SilentlyContinue | Out-Null
        $script:Outside = Send-TestPayout 'RC-OUTSIDE' '7.00'   # the same merchant's payout, not the batch's
        # The failing payout ends F and its money comes back: wait for it, judged by the service.
        # RC-3 fails at payout, RC-5 is refused in review and refunded: each ends with its money back.
        $null = 'RC-3', 'RC-5' | Get-PayoutStatus -Wait -TimeoutSec 30 -PollIntervalSec 0.2
        $script:After = Get-Balance USD
        $script:Result = Get-PayoutBatch -Journal $Journal -Reconcile
    }

    It 'lists the paid rows that are not simply matched (the failed and the refunded ones, reversed) and counts the matched ones' {
        ($Result.Rows | ForEach-Object { "$($_.RequestId)=$($_.Verdict)" }) | Should -Be @('RC-3=Reversed', 'RC-5=Reversed')
        $Result.Matched | Should -Be 2   # RC-1 and RC-2; RC-4's amount was refused
        ($Result.Rows | Where-Object RequestId -eq 'RC-3').PayoutId | Should -Be (Get-PayoutStatus -RequestId RC-3).PayoutId
        ($Result.Rows | Where-Object RequestId -eq 'RC-5').Reversal | Should -Be 12.25
        ($Result.Rows | Where-Object RequestId -eq 'RC-3').Reversal | Should -Be 40.00
    }

    It 'accounts for every cent: the batch''s ledger movement is what left the balance, less the payout outside it' {
        $usd = $Result.Currencies | Where-Object Currency -eq 'USD'
        $usd.Expected | Should -Be 35.50
        $usd.Ledger | Should -Be 35.50
        $usd.Difference | Should -Be 0
        ($Before - $After) | Should -Be ($usd.Ledger + 7.00)
    }

    It 'lists the ledger entries of the window that belong to no row, as such' {
        @($Result.Unrelated).Count | Should -BeGreaterThan 0
        $Result.Unrelated.PayoutId | Sort-Object -Unique | Should -Be $Outside.PayoutId
    }

    It 'writes a self-contained page with what the journal holds and the ledger''s verdicts' {
        $page = Get-PayoutBatch -Journal $Journal -Refresh -Reconcile -Report "$TestDrive/payroll.html"   # -Refresh: RC-3's failure, not the journal's "in review"

        $page.Page | Should -Be "$TestDrive/payroll.html"
        $page.ExitCode | Should -Be 2   # RC-4 invalid
        $html = Get-Content $page.Page -Raw
        $html | Should -Match '<title>Payout batch reconcile\.csv of \d{4}-\d\d-\d\d</title>'
        # Every row, one line each, in the CSV beside the page; the paid ones on the page with their payout ids.
        $rows = @(Import-Csv $page.RowsCsv)
        $page.RowsCsv | Should -Be "$TestDrive/payroll.rows.csv"
        $rows.Row | Should -Be @('1', '2', '3', '4', '5')
        ($rows | Where-Object Row -eq 4).Reason | Should -Match "RequestId RC-4: SendAmount '1,50'"   # never keyed: named by the id it was written with
        ($rows | Where-Object RequestId -eq 'RC-3').StatusName | Should -Be 'Failed'
        foreach ($paid in $rows | Where-Object { $_.Status -eq 'S' }) { $html | Should -Match ("<td>{0}</td>.*<td>{1}</td>" -f $paid.RequestId, $paid.PayoutId) }
        $html | Should -Not -Match '(?i)http|<script|<link|<img|url\('
        $html | Should -Match '<td>USD</td><td>2</td><td class="n">35\.50</td>'   # RC-1 and RC-2; RC-3 failed and came back
        $html | Should -Match '<td>Failed</td><td class="n">1</td>'
        $html | Should -Match "<td>Invalid</td><td>Row 4 \(CSV line 5\), RequestId RC-4: SendAmount &#39;1,50&#39; contains a comma"
        $html | Should -Match '<td>RC-3</td>.*<td>Reversed</td>'
        $html | Should -Not -Match 'DE89370400440532013000'
    }

    It 'exits 0 only when every paid row is matched: a reversed payout is 1' {
        $Result.ExitCode | Should -Be 1
    }
}

Describe 'The shipped sample counted the same by every reader' {
    It 'says 6 rows, 4 paid, 1 failed, 1 invalid after a run, a rerun and -Refresh, in -Summary and the report alike' {
        Reset-Sandbox $Sandbox
        $null = Connect-TestSandbox $Sandbox
        $csv = Join-Path $TestDrive 'payouts.csv'
        Copy-Item (Join-Path $RepoRoot 'examples/payouts.csv') $csv
        $journal = "$csv.journal"
        $null = New-Payout -Path $csv -Journal $journal -Force -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        $null = New-Payout -Path $csv -Journal $journal -Force -SummaryVariable rerun -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        $rerun.Rows | Should -Be 6
        # The row the sandbox fails on purpose reaches F (status steps of 0.2 s): poll, with a generous deadline.
        $deadline = [DateTime]::UtcNow.AddSeconds(60)
        do { $refreshed = Get-PayoutBatch -Journal $journal -Refresh -Summary -WarningAction SilentlyContinue } until ($refreshed.Failed -ge 1 -or [DateTime]::UtcNow -gt $deadline)

        ($refreshed.Rows, $refreshed.Paid, $refreshed.Failed, $refreshed.Invalid) | Should -Be @(6, 4, 1, 1)
        @(Get-PayoutBatch -Journal $journal).Count | Should -Be 6 -Because 'a rerun refusing row 6 again does not make it two rows'
        $failed = @(Get-PayoutBatch -Journal $journal -Refresh -WarningAction SilentlyContinue | Where-Object Status -eq 'F')
        $failed.Count | Should -Be 1
        $failed[0].StatusName | Should -Be 'Failed'
        $failed[0].IsPaid | Should -BeFalse
        # The failed payout's money went back: it is not in what was sent, by the summary or by the sandbox's payouts.
        $paidAtService = @((Get-SandboxState $Sandbox).payouts | Where-Object { $_.payoutStatus -ne 'F' -and $_.request.sourceCurrency -eq 'USD' })
        $sentUsd = ($refreshed.Totals | Where-Object Currency -eq 'USD')
        $sentUsd.Payouts | Should -Be $paidAtService.Count
        $page = Join-Path $TestDrive 'sample.html'
        $null = Get-PayoutBatch -Journal $journal -Refresh -Report $page -WarningAction SilentlyContinue
        (Get-Content -Raw $page) | Should -Match ([regex]::Escape("6 rows: 4 paid")) 
        (Get-Content -Raw $page) | Should -Match '1 invalid, 0 refused, 1 failed'
    }
}

Describe 'Get-PayoutBatch -Reconcile with reversals the provider books later' {
    BeforeAll {
        Reset-Sandbox $Sandbox
        $null = Connect-TestSandbox $Sandbox
        $script:Before = Get-Balance USD
        $csv = Join-Path $TestDrive 'reversals.csv'
        @(
            'RequestId,FirstName,LastName,AccountNumber,Country,City,AddressLine1,SendAmount,SourceCurrency,TargetCurrency,Purpose,Reference'
            'RV-1,Anna,Müller,DE89370400440532013000,DE,Berlin,Unter den Linden 1,10.00,USD,EUR,1,fee back'
            'RV-2,Anna,Müller,DE89370400440532013000,DE,Berlin,Unter den Linden 1,30.00,USD,EUR,1,part back'
            'RV-3,Anna,Müller,DE89370400440532013000,DE,Berlin,Unter den Linden 1,20.00,USD,EUR,1,paid'
        ) | Set-Content $csv
        $script:Journal = "$csv.journal"
        $paid = New-Payout -Path $csv -Journal $Journal -Force
        $reverse = { param($RequestId, $Body) Invoke-RestMethod -Method Post "$($Sandbox.Control)/reversals" -ContentType 'application/json' -Body (@{ payoutId = ($paid | Where-Object RequestId -eq $RequestId).PayoutId } + $Body | ConvertTo-Json) }
        $null = & $reverse 'RV-1' @{ kind = 'fee' }
        $null = & $reverse 'RV-2' @{ kind = 'partial'; amount = '7.50' }
        $script:After = Get-Balance USD
        $script:Result = Get-PayoutBatch -Journal $Journal -Reconcile -WarningVariable looks -WarningAction SilentlyContinue
        $script:Looks = $looks
    }

    It 'names each reversal by its kind, and the payee paid less as one to look at' {
        ($Result.Rows | ForEach-Object { "$($_.RequestId)=$($_.Verdict)" }) | Should -Be @('RV-1=FeeReversed', 'RV-2=PartlyReversed')
        ($Result.Rows | Where-Object RequestId -eq 'RV-2').Reversal | Should -Be 7.50
        $Result.Matched | Should -Be 1
        @($Looks | Where-Object { "$_" -match 'RV-2' }).Count | Should -Be 1
        @($Looks | Where-Object { "$_" -match 'RV-1' }).Count | Should -Be 0
    }

    It 'keeps the currency''s expected and ledger totals equal, and equal to what left the balance' {
        $usd = $Result.Currencies | Where-Object Currency -eq 'USD'
        $usd.Difference | Should -Be 0
        $usd.Ledger | Should -Be $usd.Expected
        ($Before - $After) | Should -Be $usd.Ledger
    }
}
