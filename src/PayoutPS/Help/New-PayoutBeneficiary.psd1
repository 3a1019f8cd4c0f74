@{
    Synopsis    = 'Adds a payee (an individual or a business) that payouts can then pay by -BeneficiaryId.'
    Description = 'New-PayoutBeneficiary adds a payee (beneficiary/add): -FirstName and -LastName for an individual, or -PayeeType Business with -CompanyName; -AccountNumber, -Country, -City, -AddressLine1 and -PayoutCurrency; -SwiftCode for SWIFT, -WalletType and -WalletPhone for e-wallets, -PayeeDetail for anything else. Rows bind from the pipeline like New-Payout''s (Import-Csv payees.csv | New-PayoutBeneficiary), with the same checks and row-named errors. A payee whose account the service already has is returned as it is, with a warning, when its name is the one given; under another name it is refused, naming both (paying it would pay whoever owns the account), unless -SamePayee says it is the same payee. New payees are reviewed: -Wait follows the review until it ends; only PASS payees can be paid.'
    Parameters  = @{

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
        SamePayee      = 'The account may belong to an existing payee under another name (a maiden or trading name): return that payee instead of refusing.'
        Context        = 'The connection to use. Defaults to the one Connect-PayoutEnvironment made in this runspace.'
    }
    Examples    = @(
        @{
            Title   = 'Add an individual paid in EUR and wait for the review'
            Code    = 'New-PayoutBeneficiary -FirstName Jan -LastName Kowalski -AccountNumber DE02370502990000684712 -Country DE -City Köln -AddressLine1 ''Domplatz 1'' -PayoutCurrency EUR -Wait -Force'
            Remarks = 'Emits the payee with its BeneficiaryId and Status PASS once approved.'
        }
        @{
            Title   = 'Add every payee of a file'
            Code    = 'Import-Csv payees.csv | New-PayoutBeneficiary -Wait -Force | Export-Csv payee-ids.csv'
            Remarks = 'Each row is checked like a New-Payout row; a bad row is refused with its row named and the rest go on.'
        }
    )
    Links       = @('Get-PayoutBeneficiary', 'New-Payout')
}
