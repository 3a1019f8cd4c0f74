@{
    Synopsis    = 'Forgets this runspace''s context and releases its connection.'
    Description = 'Disconnect-PayoutEnvironment removes the context that Connect-PayoutEnvironment stored for this runspace. Contexts passed with -Context elsewhere are not affected.'
    Parameters  = @{}
    Examples    = @(
        @{
            Title   = 'End a session'
            Code    = 'Disconnect-PayoutEnvironment'
            Remarks = 'Later cmdlets need Connect-PayoutEnvironment or -Context again.'
        }
        @{
            Title   = 'Always leave a script disconnected'
            Code    = 'try { Connect-PayoutEnvironment Sandbox; Import-Csv payroll.csv | New-Payout -Journal payroll.journal -Force } finally { Disconnect-PayoutEnvironment }'
            Remarks = 'The connection is released even when the batch fails.'
        }
    )
    Links       = @('Connect-PayoutEnvironment')
}
