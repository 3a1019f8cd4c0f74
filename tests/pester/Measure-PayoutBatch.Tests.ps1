# Issue 18, part 1: know before you pay. The sandbox's balances, quotes and fees are the judge.
BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    . (Join-Path $PSScriptRoot 'sandbox.ps1')
    # A merchant with little money, so a small file can be too big.
    $script:Sandbox = Start-TestSandbox @('--merchant', "${SandboxMerchant}:${SandboxSecretText}:USD=100.00,EUR=1000.00")
    function Get-Payouts { @((Get-SandboxState $Sandbox).payouts) }
    function Get-Balance([string] $Currency) { [decimal](Get-SandboxState $Sandbox).merchants[0].balances.$Currency }
    $script:Head = 'RequestId,FirstName,LastName,AccountNumber,Country,City,AddressLine1,SendAmount,ReceiveAmount,SourceCurrency,TargetCurrency,Purpose'
    function New-CostCsv([string[]] $Rows) {
        $path = Join-Path $TestDrive ("cost-" + [guid]::NewGuid().ToString('N').Substring(0, 8) + '.csv')
        [IO.File]::WriteAllText($path, (@($Head) + $Rows) -join "`n", [Text.UTF8Encoding]::new($false))
        $path
    }
    function Get-CostRow([string] $Id, [string] $Send, [string] $Receive = '', [string] $Source = 'USD', [string] $Target = 'EUR') {
        "$Id,Anna,Müller,DE89370400440532013000,DE,Berlin,Unter den Linden 1,$Send,$Receive,$Source,$Target,1"
    }
}

AfterAll {
    Disconnect-PayoutEnvironment
    Stop-TestSandbox $Sandbox
}

Describe 'Measure-PayoutBatch' {
    BeforeEach {
        Reset-Sandbox $Sandbox
        $null = Connect-TestSandbox $Sandbox
    }

    It 'reads one file like New-Payout -Path: a wildcard matching two is refused with their names' {
        $folder = Join-Path $TestDrive 'two'
        $null = New-Item -ItemType Directory $folder
        foreach ($name in 'a1.csv', 'a2.csv') { Copy-Item (New-CostCsv @(Get-CostRow W-1 '1.00')) (Join-Path $folder $name) }

        { Measure-PayoutBatch -Path (Join-Path $folder 'a*.csv') -ErrorAction Stop } | Should -Throw '*matches 2 file(s) (a1.csv, a2.csv); -Path takes one file*'
    }

    It 'totals a file per source currency against the balance, sending nothing' {
        $csv = New-CostCsv @((Get-CostRow M-1 '30.00'), (Get-CostRow M-2 '45.50'), (Get-CostRow M-3 '100.00' -Source EUR -Target GBP))

        $costs = @(Measure-PayoutBatch -Path $csv)

        $costs.Currency | Should -Be @('EUR', 'USD')
        $usd = $costs | Where-Object Currency -eq 'USD'
        ($usd.Rows, $usd.SendTotal, $usd.EstimatedDebit, $usd.Shortfall) | Should -Be @(2, 75.50, 75.50, 0)
        $usd.Available | Should -Be (Get-Balance USD)
        $usd.Estimate | Should -Match '^exact'
        @(Get-Payouts).Count | Should -Be 0
    }

    It 'estimates rows given as what arrives from the quote, at least what the sandbox then debits' {
        $rows = @((Get-CostRow R-1 '' '46.00'), (Get-CostRow R-2 '' '18.40')) | ConvertFrom-Csv -Header ($Head -split ',')
        $before = Get-Balance USD

        $usd = $rows | Measure-PayoutBatch

        $usd.ReceiveRows | Should -Be 2
        $usd.Estimate | Should -Match 'quoted rate plus an estimated fee of 2 %'
        $rows | New-Payout -Force | Out-Null
        $debited = $before - (Get-Balance USD)
        $debited | Should -BeGreaterThan 0
        $usd.EstimatedDebit | Should -BeGreaterOrEqual $debited
        $usd.EstimatedDebit | Should -BeLessThan ($debited * 1.02)
    }

    It 'leaves out rows of a currency pair the service gives no rate for, and says so' {
        $rows = @((Get-CostRow Z-1 '' '5.00' -Target ZZZ), (Get-CostRow Z-2 '5.00')) | ConvertFrom-Csv -Header ($Head -split ',')

        $usd = $rows | Measure-PayoutBatch -WarningVariable warned -WarningAction SilentlyContinue

        ($usd.Rows, $usd.UnpricedRows, $usd.EstimatedDebit) | Should -Be @(1, 1, 5.00)
        $warned.Message | Should -Match '^No rate for USD → ZZZ: '
    }

    It 'names the rows it cannot price, and a shortfall' {
        $csv = New-CostCsv @((Get-CostRow S-1 '80.00'), (Get-CostRow S-2 '"1,50"'), (Get-CostRow S-3 '40.00'))

        $usd = Measure-PayoutBatch -Path $csv -WarningVariable warned -WarningAction SilentlyContinue

        $usd.Shortfall | Should -Be 20
        $warned.Message | Should -Contain "Row 2 is not in the totals: its amount '1,50' contains a comma; write amounts with digits and a '.' decimal point only, such as 1234.56. New-Payout would refuse it."
        $warned.Message | Should -Contain 'The batch needs more than the balance holds: USD 120.00 needed, 100.00 available, short by 20.00.'
    }
}

Describe 'New-Payout -Path checks the balances before its first row' {
    BeforeEach {
        Reset-Sandbox $Sandbox
        $null = Connect-TestSandbox $Sandbox
    }

    It 'runs a file that fits' {
        $csv = New-CostCsv @((Get-CostRow F-1 '30.00'), (Get-CostRow F-2 '30.00'))
        New-Payout -Path $csv -Journal "$csv.journal" -Force -SummaryVariable fits | Out-Null
        $fits.ExitCode | Should -Be 0
        @(Get-Payouts).Count | Should -Be 2
    }

    It 'refuses a file that does not fit before anything is sent, naming the currency and the shortfall' {
        $csv = New-CostCsv @((Get-CostRow N-1 '30.00'), (Get-CostRow N-2 '30.00'), (Get-CostRow N-3 '30.00'), (Get-CostRow N-4 '30.00'))

        try { New-Payout -Path $csv -Journal "$csv.journal" -Force -SummaryVariable refused | Out-Null } catch { $err = $_ }

        $err.FullyQualifiedErrorId | Should -BeLike 'PayoutPS.InsufficientBalance*'
        $err.Exception.Message | Should -BeLike '*needs more than the balance holds (USD 120.00 needed, 100.00 available, short by 20.00). Nothing was sent.*'
        $refused.ExitCode | Should -Be 3
        @(Get-Payouts).Count | Should -Be 0
        Test-Path "$csv.journal" | Should -BeFalse -Because 'a refused batch leaves no journal, so its rerun is checked again'
    }

    It 'with -SkipBalanceCheck pays until the balance runs out, and the summary says so' {
        $csv = New-CostCsv @((Get-CostRow K-1 '30.00'), (Get-CostRow K-2 '30.00'), (Get-CostRow K-3 '30.00'), (Get-CostRow K-4 '30.00'))

        New-Payout -Path $csv -Journal "$csv.journal" -ThrottleLimit 1 -SkipBalanceCheck -Force -SummaryVariable skipped -ErrorVariable errs -ErrorAction SilentlyContinue | Out-Null

        @(Get-Payouts).Count | Should -Be 3
        $skipped.Created | Should -Be 3
        $skipped.Refused | Should -Be 1
        $skipped.ExitCode | Should -Be 1
        $errs[0].Exception.Message | Should -Match '(?i)balance|insufficient'
    }
}
