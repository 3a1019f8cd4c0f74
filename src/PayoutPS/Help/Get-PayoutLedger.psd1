@{
    Synopsis    = 'Gets the ledger entries of one currency between two times, however long the window.'
    Description = 'Get-PayoutLedger reads the account''s ledger (queryAcctDetail) for -Currency from -Since to -Until (default: now): payouts, fees and their reversals, each with Amount (negative for debits), BalanceAfter, the PayoutId and RequestId, and Time (UTC). A long window is split into 31-day requests and every page is fetched, so a year is one command.'
    Parameters  = @{
        Currency = 'The currency (ISO 4217) whose ledger to read.'
        Since    = 'The first time to include.'
        Until    = 'The last time to include (default: now).'
        Type     = 'Only PAYOUT, FEE, PAYOUT_REVERSAL or FEE_REVERSAL entries.'
        Context  = 'The connection to use. Defaults to the one Connect-PayoutEnvironment made in this runspace.'
    }
    Examples    = @(
        @{
            Title   = 'This month''s USD ledger for finance'
            Code    = 'Get-PayoutLedger USD -Since (Get-Date -Day 1).Date | Export-Csv ledger-usd.csv'
            Remarks = 'Amounts stay decimals in the CSV.'
        }
        @{
            Title   = 'Fees paid this year'
            Code    = '(Get-PayoutLedger EUR -Since (Get-Date -Month 1 -Day 1).Date -Type FEE | Measure-Object Amount -Sum).Sum'
            Remarks = 'Negative: fees are debits.'
        }
    )
    Links       = @('Get-PayoutBalance', 'Get-PayoutBatch')
}
