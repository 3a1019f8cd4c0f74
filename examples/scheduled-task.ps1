<#
.SYNOPSIS
    The unattended monthly payroll: loads the merchant key without a prompt, pays the CSV with a journal,
    and exits with the batch's code so the scheduler (and its alerting) sees what happened.
.DESCRIPTION
    Key loading, in order:
      1. Windows: a DPAPI-protected credential file made once by the account the task runs as:
           Get-Credential 800209 | Export-Clixml C:\payouts\merchant.cred.xml
         (user name = merchant number, password = the 32-hex secret). Only that account on that machine can read it.
      2. Elsewhere, or for a service: PAYOUTPS_MERCHANT_ID with PAYOUTPS_KEY_PATH (an RSA key file readable only
         by the task's account, chmod 600) or PAYOUTPS_SECRET_KEY, set in the service's environment.
    Nothing prompts: with no key found, Connect-PayoutEnvironment fails and the script exits 3.

    Four-eyes: whoever can write the payroll folder must not decide alone who gets paid. With -RequireApproval 2
    -Approver C:\payouts\approvers (a folder holding the approvers' .cer files), the task pays the file only when two
    distinct trusted approvers ran Approve-PayoutBatch on exactly its bytes, unexpired; an edited row, an added
    row or a forged approval makes it send nothing and exit 3, naming each approval it rejected. A rerun of the same
    journal keeps the approval it started with. For a task running as SYSTEM or a gMSA (no user profile for DPAPI),
    -CertificateThumbprint signs with the merchant certificate's key in LocalMachine\My.

    -BatchId names the pay run (by default the month: payroll-2026-11): RequestIds derive from it, so the same task
    on a failover server, or a rerun after the journal was lost, pays each row once. A second run in the same month
    needs a -BatchId of its own (payroll-2026-11-bonus).

    Exit codes: 0 all paid, 1 some refused or failed, 2 invalid input, 3 authentication or configuration,
    4 rows still in doubt (the next run settles them: it looks them up before sending anything), 5 stopped before
    the input ended (SIGINT, or SIGTERM from a service manager: the next run finishes it). Send-PayoutBatch.ps1
    exits with the batch's code however it is stopped.

    Register it on Windows (runs on the 25th at 06:00 as a service account, without a profile or a prompt):
      $action  = New-ScheduledTaskAction -Execute 'pwsh.exe' -Argument '-NoProfile -NonInteractive -File C:\payouts\scheduled-task.ps1 -CsvPath C:\payouts\payroll.csv'
      $trigger = New-ScheduledTaskTrigger -Monthly -DaysOfMonth 25 -At 06:00   # Windows Server 2022+; else -Weekly/-Daily
      Register-ScheduledTask -TaskName 'Monthly payouts' -Action $action -Trigger $trigger -User 'CORP\svc-payouts' -Password (Read-Host 'svc-payouts password')
    On Linux, a cron line does the same:  0 6 25 * *  pwsh -NoProfile -NonInteractive -File /opt/payouts/scheduled-task.ps1 -CsvPath /opt/payouts/payroll.csv
.EXAMPLE
    ./scheduled-task.ps1 -CsvPath C:\payouts\payroll.csv -CredentialPath C:\payouts\merchant.cred.xml
.EXAMPLE
    ./scheduled-task.ps1 -CsvPath C:\payouts\payroll.csv -RequireApproval 2 -Approver C:\payouts\approvers -CertificateThumbprint 3F2A...C9 -CertificateStoreLocation LocalMachine
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $CsvPath,
    [ValidateSet('Sandbox', 'Production', 'Local')] [string] $Environment = 'Sandbox',
    [int] $Port,
    [string] $CredentialPath,
    # The pay run's name; the default is this month's payroll.
    [string] $BatchId = ('payroll-{0:yyyy-MM}' -f [DateTime]::UtcNow),
    [string] $ModulePath,
    # Four-eyes: how many distinct trusted approvers must have approved the file (0: no approval asked).
    [ValidateRange(0, 10)] [int] $RequireApproval = 0,
    # The trusted approvers: a folder of their .cer files.
    [string[]] $Approver,
    # The merchant's key as a certificate in the store, for accounts without a profile.
    [string] $CertificateThumbprint,
    [ValidateSet('CurrentUser', 'LocalMachine')] [string] $CertificateStoreLocation = 'LocalMachine'
)

$ErrorActionPreference = 'Stop'
if ($CredentialPath) {
    if (-not $IsWindows -and $PSVersionTable.PSEdition -eq 'Core') {
        Write-Host 'A DPAPI credential file works only on Windows; use PAYOUTPS_KEY_PATH or PAYOUTPS_SECRET_KEY here.'
        exit 3
    }

    # Export-Clixml protected the password with DPAPI for this user on this machine.
    $credential = Import-Clixml $CredentialPath
    $env:PAYOUTPS_MERCHANT_ID = $credential.UserName
    $env:PAYOUTPS_SECRET_KEY = $credential.GetNetworkCredential().Password   # this process only; never written anywhere
}

$batch = @{ CsvPath = $CsvPath; Environment = $Environment; BatchId = $BatchId; ThrottleLimit = 16; WaitSeconds = 0 }
if ($Port) { $batch.Port = $Port }
if ($ModulePath) { $batch.ModulePath = $ModulePath }
if ($RequireApproval -gt 0) { $batch.RequireApproval = $RequireApproval; $batch.Approver = $Approver }
if ($CertificateThumbprint) { $batch.CertificateThumbprint = $CertificateThumbprint; $batch.CertificateStoreLocation = $CertificateStoreLocation }
if ($Environment -eq 'Production') { $batch.ConfirmProduction = $true }   # the task was registered for it on purpose
& (Join-Path $PSScriptRoot 'Send-PayoutBatch.ps1') @batch
exit $LASTEXITCODE
