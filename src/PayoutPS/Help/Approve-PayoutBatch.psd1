@{
    Synopsis    = 'Four-eyes approval of a batch file: signs that exactly these bytes may be paid, by this merchant, in this environment, until a time.'
    Description = 'Approve-PayoutBatch reads the file with New-Payout -Path''s rules (a file with a row New-Payout would refuse cannot be approved), shows what is approved through ShouldProcess (the file''s SHA-256, its rows, its totals per currency, the estimated debit when connected, the merchant and environment), and appends the approver''s signed approval to <file>.approvals beside it: one JSON line, RSASSA-PKCS1-v1_5 with SHA-256 over the canonical text the README describes, so anyone can check it with openssl. A second approver runs it again and appends a second line. New-Payout -Path <file> -RequireApproval 2 -Approver <trusted> then pays the file only when enough distinct trusted approvers signed exactly its bytes. The approver''s certificate comes from the store by thumbprint (its key never leaves the store) or from a .pfx; its private key is never written anywhere. An approval lasts 7 days unless -ValidFor says otherwise (at most 31 days).'
    Parameters  = @{
        Path                     = 'The batch file (CSV) to approve, read as New-Payout -Path reads it.'
        Encoding                 = 'The file''s encoding when it is not UTF-8, such as 1252.'
        Delimiter                = 'The file''s column separator (default comma).'
        CertificateThumbprint    = 'The approver''s certificate in the certificate store, by thumbprint (Get-ChildItem Cert:\CurrentUser\My). It needs its RSA private key.'
        CertificateStoreLocation = 'With -CertificateThumbprint: CurrentUser (default) or LocalMachine.'
        CertificatePath          = 'The approver''s certificate with its key: a .pfx/.p12 file, or on PowerShell 7 a PEM certificate with -KeyPath.'
        KeyPath                  = 'With a PEM -CertificatePath: the PEM private key file.'
        Password                 = 'With -CertificatePath: the .pfx''s (or the encrypted PEM key''s) password, as a SecureString.'
        ValidFor                 = 'How long the approval lasts (default 7 days, at most 31): write 2 days as -ValidFor 2.00:00:00 or (New-TimeSpan -Days 2).'
        Comment                  = 'A note kept with the approval and signed with it (the payroll''s period, a ticket number).'
        MerchantId               = 'The merchant that will pay the file, when not connected (then -Environment too). By default the connected merchant.'
        Environment              = 'With -MerchantId: the environment that will pay the file (Sandbox, Production, Local). By default the connected one.'
        Force                    = 'Approve without a confirmation prompt.'
        Context                  = 'The connection to use. Defaults to the one Connect-PayoutEnvironment made in this runspace.'
    }
    Examples    = @(
        @{
            Title   = 'Approve this month''s payroll with a certificate from the store'
            Code    = 'Approve-PayoutBatch -Path \\share\payroll\2026-12.csv -CertificateThumbprint 3F2A...C9 -Comment ''December payroll, ticket FIN-1234'''
            Remarks = 'Shows the file''s hash, rows, totals and estimated debit, asks for confirmation, and appends the approval to 2026-12.csv.approvals.'
        }
        @{
            Title   = 'Approve with a .pfx, valid for two days'
            Code    = 'Approve-PayoutBatch -Path payroll.csv -CertificatePath alice.pfx -Password (Read-Host -AsSecureString) -ValidFor 2.00:00:00'
            Remarks = 'The second approver does the same with their own certificate; Test-PayoutApproval lists both.'
        }
    )
    Links       = @('Test-PayoutApproval', 'New-Payout', 'Measure-PayoutBatch')
}
