@{
    Synopsis    = 'Shows a batch as its journal recorded it: every row with its latest outcome and status, or the totals.'
    Description = @'
Get-PayoutBatch reads the journal that New-Payout -Journal wrote and emits one object per input row, in input order: Row, RequestId, Outcome (Created, AlreadyExisted or Recovered when paid; Refused, Unavailable or RequestIdConflict when not; InDoubt or Pending when the answer never came; NotSent when the run stopped before the request left; Invalid when the row was refused before sending), PayoutId, Status, the amount and the masked payee. It is the reconciliation a payroll admin sends to finance.

-Refresh looks up, by RequestId and eight at a time, every row in doubt and every payout whose status may still change, so the report shows the service's latest word; rows in doubt that the service now shows become Recovered. It needs a connection. -Summary emits the totals instead of the rows: counts by outcome, the amounts and fees per currency, the RequestIds in doubt, and ExitCode.

-Reconcile matches every paid row to the provider's ledger (queryAcctDetail, every page, every currency the batch paid in, from a minute before the journal began until now) by payout id, as the ledger's pages arrive, and emits one object: Matched, how many paid rows the ledger shows to the cent; Rows, the other paid rows, each with what it Paid, the ledger's LedgerDebit, LedgerFee and Reversal, and a Verdict (MissingInLedger, AmountDiffers, Reversed: the money came back after the payout failed); Currencies, each with the Expected debit, the Ledger's and the Difference; Unrelated, the ledger entries of the window that belong to no row (listed, not errors); and ExitCode, 0 only when every paid row is matched and every currency's totals agree. It needs a connection.

-Report writes the batch as one self-contained HTML page for the people who approve a payroll: a title with the input file's name and the run's date, the file and its SHA-256, the outcome and the totals per currency from the same summary as -Summary (every amount in one format: 1,234.50), a bar per state, the paid rows (payee masked, amount, status, payout id), the rows in doubt and the rows not paid with their reason and fix (up to 500 per list; the rest counted), and with -Reconcile the ledger's verdicts and the entries that belong to no row. Every row is also written as CSV beside the page (payroll.html -> payroll.rows.csv; text that a spreadsheet would run as a formula is written as text). The page has no script, font, image or link to anything outside it, so it opens offline and prints on A4; account numbers are masked. It emits what it wrote: Page, RowsCsv, Rows and the batch's ExitCode.

The journal may be read while a batch is still writing it.
'@
    Parameters  = @{
        Journal = 'The journal file New-Payout -Journal wrote.'
        Refresh = 'Ask the service for rows in doubt and payouts that are not final yet (needs Connect-PayoutEnvironment or -Context).'
        Summary = 'Emit one summary object (counts, totals per currency, rows in doubt, ExitCode) instead of the rows.'
        Reconcile = 'Match every paid row to the ledger by payout id and emit the reconciliation (Matched, the count of rows matched to the cent; Rows, the others with their verdicts; Currencies with totals and the difference; Unrelated ledger entries; ExitCode) instead of the rows (needs a connection).'
        Pain002 = 'For a batch paid from an ISO 20022 pain.001 file (New-Payout -Path payments.xml): write its pain.002.001.03 customer payment status report to this file for the ERP to import: the original MsgId, the group status, and per transaction its EndToEndId, TxSts (ACSC paid and final, ACSP paid and in process, PDNG in doubt or not sent yet, RJCT refused, held or failed) with a reason (AC01, AM04, AM05, else NARR with the message) and the payout id as AcctSvcrRef. With -Refresh, statuses are made final first. Emits what it wrote: Path, GroupStatus and the count per status.'
        Report = 'Write the batch as one self-contained HTML page to this file (with -Reconcile, with the ledger''s verdicts), and every row as CSV beside it (name.rows.csv); emit what was written instead of the rows.'
        Context = 'The connection -Refresh and -Reconcile use. Defaults to the one Connect-PayoutEnvironment made in this runspace.'
    }
    Examples    = @(
        @{
            Title   = 'Send finance the reconciliation of this month''s payroll'
            Code    = 'Get-PayoutBatch -Journal .\payroll-2026-11.journal -Refresh | Export-Csv .\payroll-2026-11-reconciliation.csv'
            Remarks = 'One line per CSV row, with the payout id and its latest status.'
        }
        @{
            Title   = 'Reconcile a payroll with the ledger, to the cent'
            Code    = '$r = Get-PayoutBatch -Journal .\payroll.journal -Reconcile; $r.Currencies; $r.Matched; $r.Rows'
            Remarks = 'Per currency the expected debit against the ledger''s; the rows that need a look (missing, different, reversed).'
        }
        @{
            Title   = 'A page finance would rather look at than read'
            Code    = 'Get-PayoutBatch -Journal .\payroll.journal -Refresh -Reconcile -Report .\payroll-2026-11.html'
            Remarks = 'The latest statuses (-Refresh) and the ledger''s verdicts (-Reconcile) on one self-contained page: it opens offline, prints on A4, and masks account numbers.'
        }
        @{
            Title   = 'End a scheduled task with the batch''s exit code'
            Code    = 'exit (Get-PayoutBatch -Journal .\payroll.journal -Summary).ExitCode'
            Remarks = '0 all paid, 1 some refused, held, failed or not sent, 2 invalid input, 4 rows in doubt.'
        }
    )
    Links       = @('New-Payout', 'Get-PayoutStatus')
}
