@{
    Synopsis    = 'Changes a payee: the whole payee is sent again.'
    Description = 'Set-PayoutBeneficiary sends a payee again under its -BeneficiaryId (beneficiary/edit), with every field as for New-PayoutBeneficiary; the service reviews it again. Rows bind from the pipeline. -Wait follows the review.'
    Parameters  = @{
        BeneficiaryId  = 'The payee to change.'
        PayoutCurrency = 'The currency the payee is paid in (ISO 4217). Aliases Currency, TargetCurrency.'
        PayeeType      = 'Individual (default) or Business; the API''s 1 and 0 are accepted.'
        FirstName      = 'An individual payee''s first name.'
        LastName       = 'An individual payee''s last name.'
        CompanyName    = 'A business payee''s name.'
        AccountNumber  = 'The account number or IBAN; spaces and dashes are removed, an IBAN must pass its check digits. Shown masked.'
        BankName       = 'The payee''s bank.'
        SwiftCode      = 'The bank''s SWIFT/BIC code, required for SWIFT.'
        BankCountry    = 'ISO 3166 code of the bank''s country. Defaults to -Country.'
        PaymentMethod  = 'BANK_TRANSFER (default), SWIFT, E_WALLET or CASH_PICKUP.'
        Country        = 'ISO 3166 alpha-2 code of the payee''s address.'
        State          = 'State or province of the payee''s address.'
        City           = 'City of the payee''s address.'
        AddressLine1   = 'Street line of the payee''s address.'
        PostalCode     = 'Postal code of the payee''s address.'
        Email          = 'The payee''s email.'
        Phone          = 'The payee''s phone number.'
        WalletType     = 'E-wallets: the wallet brand the corridor names (see Get-PayoutRequiredField).'
        WalletPhone    = 'E-wallets: the phone number of the wallet.'
        PayeeDetail    = 'More payee fields: receiverInfo, address and/or accountInfomation, each flat; a hashtable or JSON text.'
        InputObject    = 'A payee from the pipeline: a CSV row, a hashtable or any object with properties named like the parameters.'
        IgnoreColumn   = 'Columns of your own whose names are close to a parameter; they are neither read nor reported.'
        Wait           = 'Wait until the review ends (PASS, REJECT, FAIL…).'
        TimeoutSec     = 'How long -Wait waits, in seconds (default 300).'
        Force          = 'Run without a confirmation prompt.'
        Context        = 'The connection to use. Defaults to the one Connect-PayoutEnvironment made in this runspace.'
    }
    Examples    = @(
        @{
            Title   = 'Correct a payee''s address'
            Code    = 'Set-PayoutBeneficiary -BeneficiaryId 1775000000000000001 -FirstName Jan -LastName Kowalski -AccountNumber DE02370502990000684712 -Country DE -City Köln -AddressLine1 ''Domplatz 2'' -PayoutCurrency EUR -Force'
            Remarks = 'The payee is reviewed again; add -Wait to follow it.'
        }
        @{
            Title   = 'Apply a file of corrections'
            Code    = 'Import-Csv corrections.csv | Set-PayoutBeneficiary -Force'
            Remarks = 'Each row is checked like a New-Payout row; a bad row is refused with its row named and the rest go on.'
        }
    )
    Links       = @('Get-PayoutBeneficiary', 'New-Payout')
}
