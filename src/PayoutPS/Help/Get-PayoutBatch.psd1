@{
    Synopsis    = 'Shows a batch as its journal recorded it: every row with its latest outcome and status, or the totals.'
    Description = @'
Get-PayoutBatch reads the journal that New-Payout -Journal wrote and emits one object per input row, in input order: Row, RequestId, Outcome (Created, AlreadyExisted or Recovered when paid; Refused, Unavailable or RequestIdConflict when not; InDoubt or Pending when the answer never came; NotSent when the run stopped before the request left; Invalid when the row was refused before sending), PayoutId, Status, the amount and the masked payee. It is the reconciliation a payroll admin sends to finance.

-Refresh looks up, by RequestId, every row in doubt and every payout whose status may still change, so the report shows the service's latest word; rows in doubt that the service now shows become Recovered. It needs a connection. -Summary emits the totals instead of the rows: counts by outcome, the amounts and fees per currency, the RequestIds in doubt, and ExitCode.

The journal may be read while a batch is still writing it.
'@
    Parameters  = @{
        Journal = 'The journal file New-Payout -Journal wrote.'
        Refresh = 'Ask the service for rows in doubt and payouts that are not final yet (needs Connect-PayoutEnvironment or -Context).'
        Summary = 'Emit one summary object (counts, totals per currency, rows in doubt, ExitCode) instead of the rows.'
        Context = 'The connection -Refresh uses. Defaults to the one Connect-PayoutEnvironment made in this runspace.'
    }
    Examples    = @(
        @{
            Title   = 'Send finance the reconciliation of this month''s payroll'
            Code    = 'Get-PayoutBatch -Journal .\payroll-2026-11.journal -Refresh | Export-Csv .\payroll-2026-11-reconciliation.csv'
            Remarks = 'One line per CSV row, with the payout id and its latest status.'
        }
        @{
            Title   = 'End a scheduled task with the batch''s exit code'
            Code    = 'exit (Get-PayoutBatch -Journal .\payroll.journal -Summary).ExitCode'
            Remarks = '0 all paid, 1 some refused, held, failed or not sent, 2 invalid input, 4 rows in doubt.'
        }
    )
    Links       = @('New-Payout', 'Get-PayoutStatus')
}
