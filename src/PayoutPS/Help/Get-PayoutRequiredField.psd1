@{
    Synopsis    = 'Gets the payee fields a corridor needs, with the parameter (CSV column) that fills each one.'
    Description = 'Get-PayoutRequiredField asks the service which payee fields a payout to -Country in -Currency by -PaymentMethod needs (queryPaymentFeild). Each object has the API''s Field (such as receiverInfo.firstName), Required (M mandatory, C conditional, N optional) and Parameter: the New-Payout and New-PayoutBeneficiary parameter, and so the CSV column, that fills it (PayeeDetail when no parameter does). Compare it with a file''s columns before paying.'
    Parameters  = @{
        Country       = 'The bank''s country (ISO 3166-1 alpha-2).'
        Currency      = 'The currency the payee receives.'
        PaymentMethod = 'BANK_TRANSFER (default), SWIFT, E_WALLET or CASH_PICKUP.'
        PayeeType     = 'Individual (default) or Business.'
        WalletType    = 'For e-wallets, the wallet brand when the corridor asks for one.'
        Context       = 'The connection to use. Defaults to the one Connect-PayoutEnvironment made in this runspace.'
    }
    Examples    = @(
        @{
            Title   = 'What a SWIFT payout to a German business needs'
            Code    = 'Get-PayoutRequiredField -Country DE -Currency EUR -PaymentMethod SWIFT -PayeeType Business'
            Remarks = 'Parameter names the column to add to the CSV.'
        }
        @{
            Title   = 'Columns a payroll file is missing for its corridor'
            Code    = '$columns = (Import-Csv payroll.csv | Select-Object -First 1).PSObject.Properties.Name; Get-PayoutRequiredField DE EUR | Where-Object { $_.IsMandatory -and $_.Parameter -notin $columns }'
            Remarks = 'Nothing is output when the file has every mandatory column.'
        }
    )
    Links       = @('Get-PayoutPaymentMethod', 'New-Payout')
}
