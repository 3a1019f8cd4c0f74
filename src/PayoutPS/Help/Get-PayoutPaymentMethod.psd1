@{
    Synopsis    = 'Gets the payment methods of a corridor: a country, a currency and a payee type.'
    Description = 'Get-PayoutPaymentMethod asks the service how payees in -Country can receive -Currency (queryPaymentMethods): BANK_TRANSFER, SWIFT, E_WALLET or CASH_PICKUP. Pipe the result to Get-PayoutRequiredField to see which fields each method needs.'
    Parameters  = @{
        Country   = 'The payee''s country (ISO 3166-1 alpha-2), such as PH.'
        Currency  = 'The currency the payee receives, such as PHP.'
        PayeeType = 'Individual (default) or Business.'
        Context   = 'The connection to use. Defaults to the one Connect-PayoutEnvironment made in this runspace.'
    }
    Examples    = @(
        @{
            Title   = 'How can individuals in the Philippines receive pesos?'
            Code    = 'Get-PayoutPaymentMethod -Country PH -Currency PHP'
            Remarks = 'One object per method.'
        }
        @{
            Title   = 'Every method with the fields it needs'
            Code    = 'Get-PayoutPaymentMethod PH PHP | Get-PayoutRequiredField'
            Remarks = 'Country, Currency, PaymentMethod and PayeeType bind from the pipeline.'
        }
    )
    Links       = @('Get-PayoutRequiredField', 'New-PayoutBeneficiary')
}
