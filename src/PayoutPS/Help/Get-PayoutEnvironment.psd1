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
        @{
            Title   = 'Pay in parallel runspaces with one connection'
            Code    = '$context = Get-PayoutEnvironment; Import-Csv payroll.csv | ForEach-Object -Parallel { $_ | New-Payout -Context $using:context -Force } -ThrottleLimit 4'
            Remarks = 'A context works in the runspaces of one process (ForEach-Object -Parallel, Start-ThreadJob). Start-Job runs another process and gets a deserialized copy: connect inside the job instead. New-Payout -ThrottleLimit is simpler still.'
        }
    )
    Links       = @('Connect-PayoutEnvironment')
}
