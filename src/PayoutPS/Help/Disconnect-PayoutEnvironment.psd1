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
    )
    Links       = @('Connect-PayoutEnvironment')
}
