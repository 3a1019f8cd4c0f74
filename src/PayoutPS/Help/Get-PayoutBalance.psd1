@{
    Synopsis    = 'Gets the merchant''s balances: one object per currency, amounts as decimals.'
    Description = 'Get-PayoutBalance asks the service for the merchant''s currencies and balances (queryAcctCurrency) and emits one object per currency with Currency, Balance, Available and Frozen. Amounts are decimals read without culture, never floating point. Check it before a batch: the sum of a file''s amounts plus fees must fit.'
    Parameters  = @{
        Currency = 'Only these currencies (ISO 4217 codes such as USD).'
        Context  = 'The connection to use. Defaults to the one Connect-PayoutEnvironment made in this runspace.'
    }
    Examples    = @(
        @{
            Title   = 'All balances'
            Code    = 'Get-PayoutBalance'
            Remarks = 'One line per currency.'
        }
        @{
            Title   = 'Will this month''s payroll fit?'
            Code    = 'Measure-PayoutBatch -Path payroll.csv'
            Remarks = 'Measure-PayoutBatch totals a file per currency, prices rows given as a receive amount, and compares with these balances.'
        }
    )
    Links       = @('Get-PayoutLedger', 'Measure-PayoutBatch', 'New-Payout')
}
