@{
    Synopsis    = 'Gets payees: one by id, by account number, or all with a status.'
    Description = 'Get-PayoutBeneficiary looks a payee up by -BeneficiaryId (beneficiary/queryDetail), or lists payees (beneficiary/queryList) filtered by -AccountNumber or -Status, paging automatically. Accounts are masked. Only payees with Status PASS can be paid: pipe them to New-Payout, which pays each one by its BeneficiaryId in its currency.'
    Parameters  = @{
        BeneficiaryId = 'The payee''s id. Binds from pipeline objects.'
        AccountNumber = 'The payee with this account number or IBAN.'
        Status        = 'Only payees with this status: WAITING, PROCESS, REJECT, PASS, FAIL, UNNECESSARY, PENDING_UPDATE or DISABLE.'
        Context       = 'The connection to use. Defaults to the one Connect-PayoutEnvironment made in this runspace.'
    }
    Examples    = @(
        @{
            Title   = 'Pay every approved payee 25.00 USD'
            Code    = 'Get-PayoutBeneficiary -Status PASS | New-Payout -SendAmount 25.00 -SourceCurrency USD -Purpose BusinessServices -Reference ''Bonus 2026-11'' -Journal bonus.journal -Force'
            Remarks = 'Each payee is paid in its own currency; the journal derives a RequestId per payee.'
        }
        @{
            Title   = 'Is this IBAN already a payee?'
            Code    = 'Get-PayoutBeneficiary -AccountNumber ''DE02 3705 0299 0000 6847 12'''
            Remarks = 'Nothing is output when it is not.'
        }
    )
    Links       = @('New-PayoutBeneficiary', 'New-Payout')
}
