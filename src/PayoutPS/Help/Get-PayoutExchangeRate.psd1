@{
    Synopsis    = 'Gets the exchange rate between two currencies, and a quote for an amount.'
    Description = 'Get-PayoutExchangeRate asks the service for the rate from -SourceCurrency to -TargetCurrency (queryExchangeRate). With -SourceAmount it also returns what that amount becomes (TargetAmount). Amounts follow the same culture-free rules as New-Payout: "1,50" is refused.'
    Parameters  = @{
        SourceCurrency = 'The currency paid from (ISO 4217), such as USD.'
        TargetCurrency = 'The currency the payee receives, such as EUR.'
        SourceAmount   = 'An amount of the source currency to quote, such as 100.00.'
        Context        = 'The connection to use. Defaults to the one Connect-PayoutEnvironment made in this runspace.'
    }
    Examples    = @(
        @{
            Title   = 'The USD to EUR rate'
            Code    = 'Get-PayoutExchangeRate USD EUR'
            Remarks = 'Rate is a decimal.'
        }
        @{
            Title   = 'What 1,000.00 USD becomes in Philippine pesos'
            Code    = 'Get-PayoutExchangeRate -SourceCurrency USD -TargetCurrency PHP -SourceAmount 1000.00'
            Remarks = 'TargetAmount is the quote, before fees.'
        }
    )
    Links       = @('Get-PayoutBalance', 'New-Payout')
}
