@{
    Synopsis    = 'Shows the context this runspace is connected with.'
    Description = 'Get-PayoutEnvironment returns the context made by Connect-PayoutEnvironment in this runspace, or nothing when not connected. The key is never part of it.'
    Parameters  = @{}
    Examples    = @(
        @{
            Title   = 'Check before a batch'
            Code    = 'if (-not (Get-PayoutEnvironment)) { Connect-PayoutEnvironment Sandbox }'
            Remarks = 'Connects only when needed.'
        }
    )
    Links       = @('Connect-PayoutEnvironment')
}
