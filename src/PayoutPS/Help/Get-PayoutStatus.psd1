@{
    Synopsis    = 'Gets payouts by RequestId or PayoutId, optionally waiting for a final status, or lists them.'
    Description = @'
Get-PayoutStatus looks one payout up by -RequestId or -PayoutId through the transaction list (New-Payout output pipes straight in). With -Wait it polls, with a growing pause, until the payout reaches a final status (S success, F failed, U review failed, V system check failed) or -TimeoutSec passes; then it emits the last status and an error.

With -Since (and -Until, -Status) it lists payouts created in that window, paging automatically.

A RequestId the service does not know gives a PayoutPS.PayoutNotFound error: nothing was paid under that id.
'@
    Parameters  = @{
        Row             = 'Taken from New-Payout''s output in the pipeline and kept on the result (hidden).'
        Payee           = 'Taken from New-Payout''s output in the pipeline and kept on the result (hidden).'
        Outcome         = 'Taken from New-Payout''s output in the pipeline and kept on the result (hidden).'
        RequestId       = 'One or more payouts'' RequestIds, looked up in order. Binds from pipeline objects and strings.'
        PayoutId        = 'One or more payout ids as the service gave them (19 digits). Used when no RequestId is given.'
        Wait            = 'Poll until the payout reaches S, F, U or V.'
        TimeoutSec      = 'How long -Wait waits, in seconds (default 300).'
        PollIntervalSec = 'The first pause between polls in seconds (default 1); it grows by half each time, up to 30.'
        Since           = 'List payouts created at or after this time.'
        Until           = 'List payouts created at or before this time (default: now).'
        Status          = 'List only payouts with this status code: A, CA, B, R, P, S, F, U or V.'
        Context         = 'The connection to use. Defaults to the one Connect-PayoutEnvironment made in this runspace.'
    }
    Examples    = @(
        @{
            Title   = 'Follow a new payout to its end'
            Code    = 'New-Payout @payout -Force | Get-PayoutStatus -Wait -TimeoutSec 600'
            Remarks = 'Emits the payout once it is final.'
        }
        @{
            Title   = 'List today''s failed payouts'
            Code    = 'Get-PayoutStatus -Since (Get-Date).Date -Status F'
            Remarks = 'Pages through all results.'
        }
    )
    Links       = @('New-Payout')
}
