<#
.SYNOPSIS
    Pays every row of a CSV file exactly once, crash-safe, and ends with an exit code a scheduler understands.
.DESCRIPTION
    The script a sysadmin copies. Every row is written to a journal (next to the CSV unless -JournalPath says
    otherwise) before it is sent. If the run is killed, run the same command again: rows already paid are not
    sent again, rows in doubt are looked up first, and the rest are sent. Rows need no RequestId column: the
    journal derives one per row. A bad row (say an amount written "1,50") is refused with its row and field
    named, and the others still go.

    Name the pay run with -BatchId (the pay period, such as payroll-2026-11): RequestIds are then derived from it,
    so a second server running the same task, or a rerun with a lost journal, derives the same ids and the service
    pays each row once. Give every pay run its own BatchId: last month's would find last month's payouts (those rows
    are held and named, never counted as paid).

    Credentials come from the environment so the script runs unattended (scheduled task, service account):
      PAYOUTPS_MERCHANT_ID, and PAYOUTPS_SECRET_KEY or PAYOUTPS_KEY_PATH (+ PAYOUTPS_KEY_PASSPHRASE).
    See scheduled-task.ps1 for loading them from a DPAPI-protected file on Windows; or give -CertificateThumbprint to
    sign with a certificate's key in the machine's store (a task running as SYSTEM or a gMSA has no user profile).

    With -RequireApproval 2 -Approver <folder of .cer files>, the file is paid only when two distinct trusted
    approvers signed exactly its bytes with Approve-PayoutBatch (four-eyes); otherwise nothing is sent, exit 3.

    Exit codes: 0 all paid, 1 some refused or failed, 2 invalid input, 3 authentication or configuration
    (nothing was sent), 4 rows still in doubt (run again later to settle them), 5 stopped before the input ended
    (Ctrl+C, SIGTERM: run the same command again to finish; the journal resumes it).
.EXAMPLE
    ./Send-PayoutBatch.ps1 -CsvPath ./payouts.csv -Environment Sandbox -BatchId payroll-2026-11
.EXAMPLE
    ./Send-PayoutBatch.ps1 -CsvPath ./payroll.csv -Environment Local -Port 5080 -ThrottleLimit 16 -WaitSeconds 0
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $CsvPath,
    [ValidateSet('Sandbox', 'Production', 'Local')] [string] $Environment = 'Sandbox',
    [int] $Port,
    # Defaults to the CSV's path with .journal appended; keep it with the CSV until the month is reconciled.
    [string] $JournalPath = "$CsvPath.journal",
    # The pay run's name, unique per run (the pay period): RequestIds derive from it, the same on every machine.
    [string] $BatchId,
    [ValidateRange(1, 64)] [int] $ThrottleLimit = 16,
    # Per-request timeout and retries (Connect-PayoutEnvironment's defaults: 30 s, 4 retries).
    [ValidateRange(1, 600)] [int] $TimeoutSec = 30,
    [ValidateRange(0, 10)] [int] $MaxRetries = 4,
    # Seconds to follow paid rows to a final status; 0 skips it (the journal and Get-PayoutBatch -Refresh can do it later).
    [int] $WaitSeconds = 120,
    # Send rows that look like payouts already made (identical rows, or a match among the last 72 hours' payouts
    # that this journal does not know). Without it they are held and named, and the exit code is 1.
    [switch] $AllowDuplicate,
    # Connecting to Production needs this switch on top of -Environment Production.
    [switch] $ConfirmProduction,
    # Where PayoutPS.psd1 is; by default the one built in this repository, else the installed module.
    [string] $ModulePath,
    # The file's encoding when it is not UTF-8, such as 1252 for a Windows Excel "CSV" export.
    [string] $Encoding,
    # Pay only a file this many distinct trusted approvers approved (Approve-PayoutBatch); else exit 3, nothing sent.
    [ValidateRange(0, 10)] [int] $RequireApproval = 0,
    # The trusted approvers: a folder of their .cer files (or .cer files, or thumbprints in the certificate store).
    [string[]] $Approver,
    # Sign with this certificate's RSA key from the certificate store instead of a key from the environment.
    [string] $CertificateThumbprint,
    [ValidateSet('CurrentUser', 'LocalMachine')] [string] $CertificateStoreLocation = 'CurrentUser'
)

$ErrorActionPreference = 'Stop'
# The message as PowerShell shows it: ErrorDetails when a cmdlet gave one (it names the row), else the exception's.
function Get-Message($ErrorRecord) { if ($ErrorRecord.ErrorDetails) { $ErrorRecord.ErrorDetails.Message } else { $ErrorRecord.Exception.Message } }
if (-not $ModulePath) {
    $built = Join-Path $PSScriptRoot '../out/PayoutPS/PayoutPS.psd1'
    $ModulePath = if (Test-Path $built) { $built } else { 'PayoutPS' }
}
Import-Module $ModulePath

# Ctrl+C (SIGINT) stops a script before its `exit` line, and pwsh would then end with 0. The finally block runs on
# every ending; [Environment]::Exit is the one way out a stopping script still has, so Task Scheduler and cron see
# the batch's code (the summary counts every row that came back, and rows still out as in doubt: 4). SIGTERM while
# New-Payout sends stops the run, which returns its summary (Stopped): the script then ends with its code as usual.
$exitCode = $null
try {
    try {
        $connect = @{ Environment = $Environment; TimeoutSec = $TimeoutSec; MaxRetries = $MaxRetries }
        if ($Environment -eq 'Local') { $connect.Port = $Port }
        if ($Environment -eq 'Production') { $connect.Force = $ConfirmProduction.IsPresent }
        if ($CertificateThumbprint) { $connect.CertificateThumbprint = $CertificateThumbprint; $connect.CertificateStoreLocation = $CertificateStoreLocation }
        $context = Connect-PayoutEnvironment @connect
        Write-Host "Connected to $($context.Environment) as merchant $($context.MerchantId) ($($context.Algorithm))."

        # -Path reads the file strictly (a malformed line stops the run before anything is sent; Import-Csv would drop
        # an extra field silently). Every row goes; refusals are collected, not fatal. The journal makes a rerun resume
        # instead of paying again.
        $read = @{ Path = $CsvPath }
        if ($Encoding) { $read.Encoding = $Encoding }
        if ($BatchId) { $read.BatchId = $BatchId }
        if ($RequireApproval -gt 0) { $read.RequireApproval = $RequireApproval; $read.Approver = $Approver }
        $sent = New-Payout @read -Journal $JournalPath -ThrottleLimit $ThrottleLimit -AllowDuplicate:$AllowDuplicate -Force -SummaryVariable summary -ErrorAction SilentlyContinue -ErrorVariable refused
    }
    catch {
        # Not connected, a wrong key, a journal in use, a malformed file: the summary knows the code (3 configuration,
        # 2 input), and says how many rows were not tried; without a summary, nothing ran at all.
        Write-Host "Could not run the batch: $(Get-Message $_)"
        if ($summary) { Write-Host "Summary: $summary" }
        $exitCode = if ($summary) { $summary.ExitCode } else { 3 }
    }

    if ($null -eq $exitCode) {
        if ($WaitSeconds -gt 0) {
            $sent = @($sent) | Get-PayoutStatus -Wait -TimeoutSec $WaitSeconds -PollIntervalSec 0.5 -ErrorAction Continue
            $sent | Format-Table Row, RequestId, PayoutId, Status, StatusMeaning, SourceAmount, SourceCurrency, TargetAmount, TargetCurrency, Fee -AutoSize |
                Out-String -Width 200 | Write-Host
        }

        foreach ($problem in $refused) {
            Write-Host ("Refused: {0}" -f (Get-Message $problem))
        }

        $failedAtProvider = @($sent | Where-Object { $_.Status -in 'F', 'U', 'V' }).Count
        Write-Host "Summary: $summary"
        if ($WaitSeconds -gt 0) { Write-Host "Failed at the provider after paying out: $failedAtProvider." }
        Write-Host "Journal: $JournalPath (Get-PayoutBatch -Journal '$JournalPath' -Refresh shows every row)."
        $exitCode = $summary.ExitCode
    }
}
finally {
    if ($null -eq $exitCode) {
        Write-Host "Stopped before the end. Summary: $summary"
        [Environment]::Exit($(if ($summary) { $summary.ExitCode } else { 5 }))
    }
}
exit $exitCode
