@{
    Synopsis    = 'Lists a batch file''s approvals and whether each counts under a policy, sending nothing.'
    Description = 'Test-PayoutApproval reads <file>.approvals beside the file and emits one object per approval: Approver, Thumbprint, Signed, Expires, Comment, the totals the approver saw, IsValid and Problem. Each is judged as New-Payout -RequireApproval judges it: exactly the file''s current bytes and rows, the merchant and environment (the connected ones or -MerchantId and -Environment), the signature, the certificate valid when it signed, not expired, and, with -Approver, trusted; an approver counted twice is counted once. A warning says why the file may not be paid when the approvals do not satisfy -RequireApproval. -Quiet returns only $true or $false.'
    Parameters  = @{
        Path            = 'The batch file (CSV), read as New-Payout -Path reads it.'
        Encoding        = 'The file''s encoding when it is not UTF-8, such as 1252.'
        Delimiter       = 'The file''s column separator (default comma).'
        RequireApproval = 'How many distinct trusted approvers the file needs (default 1).'
        Approver        = 'The trusted approvers: a folder of their .cer files, certificate files, or thumbprints in the certificate store. Without it, trust is not judged.'
        MerchantId      = 'The merchant that will pay the file, when not connected (then -Environment too).'
        Environment     = 'With -MerchantId: the environment that will pay the file.'
        Quiet           = 'Return only $true (the file may be paid under this policy) or $false.'
        Context         = 'The connection to use. Defaults to the one Connect-PayoutEnvironment made in this runspace.'
    }
    Examples    = @(
        @{
            Title   = 'Who approved the payroll, and does it count?'
            Code    = 'Test-PayoutApproval -Path payroll.csv -RequireApproval 2 -Approver .\approvers | Format-Table Approver, Signed, Expires, IsValid, Problem -Wrap'
            Remarks = 'Exactly the judgement New-Payout -RequireApproval 2 -Approver .\approvers makes before paying.'
        }
        @{
            Title   = 'Gate a script on it'
            Code    = 'if (Test-PayoutApproval -Path payroll.csv -RequireApproval 2 -Approver .\approvers -Quiet) { ''approved'' }'
            Remarks = '-Quiet returns $true or $false.'
        }
    )
    Links       = @('Approve-PayoutBatch', 'New-Payout')
}
