@{
    Synopsis    = 'Pre-flight: what a batch will take from each currency''s balance, against what is available, before anything is sent.'
    Description = 'Measure-PayoutBatch reads a batch as New-Payout would (-Path with its strict reading rules, or piped rows) and emits one object per source currency: Rows, SendTotal (rows given as a send amount debit exactly that, fees included), ReceiveRows, EstimatedDebit, Available (the balance now, from queryAcctCurrency), Shortfall, and Estimate, which says whether the figure is exact and where the estimate comes from. Rows given as a receive amount are converted at one quote per currency pair (queryExchangeRate) plus an estimated fee of -FeeRate (the API documents no fee schedule; 2 % by default, the most the sandbox charges), each row''s rounding counted up. Rows it cannot price are named in warnings. It sends no payout. New-Payout -Path runs the same check before its first row; piped input cannot be totalled in advance, so measure it first.'
    Parameters  = @{
        Path        = 'The CSV file, read as New-Payout -Path reads it (a malformed file is refused).'
        Encoding    = 'The file''s encoding when it is not UTF-8, such as 1252.'
        Delimiter   = 'The field delimiter (default comma; a "sep=;" first line sets it).'
        InputObject = 'Rows as New-Payout takes them: Import-Csv output, hashtables, objects.'
        FeeRate     = 'The fee estimated for rows given as a receive amount, as a share of the converted amount (default 0.02 = 2 %). Give your contract''s rate.'
        IgnoreColumn = 'Columns of your own whose names are close to a payout field (say Notes).'
        Context     = 'The connection to use. Defaults to the one Connect-PayoutEnvironment made in this runspace.'
    }
    Examples    = @(
        @{
            Title   = 'Does this month''s payroll fit?'
            Code    = 'Measure-PayoutBatch -Path payroll.csv'
            Remarks = 'One line per source currency; Shortfall above 0 means New-Payout -Path would refuse to start.'
        }
        @{
            Title   = 'Measure piped rows before paying them'
            Code    = '$rows = Import-Csv payroll.csv; if (-not ($rows | Measure-PayoutBatch | Where-Object Shortfall -gt 0)) { $rows | New-Payout -Journal payroll.journal -Force }'
            Remarks = 'A pipeline cannot be totalled while it streams, so New-Payout checks balances only with -Path.'
        }
    )
    Links       = @('New-Payout', 'Get-PayoutBalance', 'Get-PayoutExchangeRate')
}
