<#
.SYNOPSIS
    Pays every row of a CSV file, waits for the final statuses, and prints a results table and a summary.
.DESCRIPTION
    The script a sysadmin copies. Each row needs a RequestId column: it is the payment's idempotency key,
    so running the same file again never pays a row twice (rows already paid come back as AlreadyExisted).
    A bad row (say an amount written "1,50") is refused with the field named, and the others still go.

    Credentials come from the environment so the script runs unattended (scheduled task, service account):
      PAYOUTPS_MERCHANT_ID, and PAYOUTPS_SECRET_KEY or PAYOUTPS_KEY_PATH (+ PAYOUTPS_KEY_PASSPHRASE).
.EXAMPLE
    ./Send-PayoutBatch.ps1 -CsvPath ./payouts.csv -Environment Sandbox
.EXAMPLE
    ./Send-PayoutBatch.ps1 -CsvPath ./payouts.csv -Environment Local -Port 5080 -WaitSeconds 30
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $CsvPath,
    [ValidateSet('Sandbox', 'Production', 'Local')] [string] $Environment = 'Sandbox',
    [int] $Port,
    [int] $WaitSeconds = 120,
    # Connecting to Production needs this switch on top of -Environment Production.
    [switch] $ConfirmProduction
)

$ErrorActionPreference = 'Stop'
$connect = @{ Environment = $Environment }
if ($Environment -eq 'Local') { $connect.Port = $Port }
if ($Environment -eq 'Production') { $connect.Force = $ConfirmProduction.IsPresent }
$context = Connect-PayoutEnvironment @connect
Write-Host "Connected to $($context.Environment) as merchant $($context.MerchantId) ($($context.Algorithm))."

# Send every row; collect refusals instead of stopping at the first one.
$sent = Import-Csv -Path $CsvPath -Encoding utf8 | New-Payout -Force -ErrorAction SilentlyContinue -ErrorVariable refused

# Follow each accepted payout to its final status.
$final = $sent | Get-PayoutStatus -Wait -TimeoutSec $WaitSeconds -PollIntervalSec 0.5 -ErrorAction Continue

$final | Format-Table RequestId, PayoutId, Status, StatusMeaning, SourceAmount, SourceCurrency, TargetAmount, TargetCurrency, Fee -AutoSize | Out-String -Width 200 | Write-Host
foreach ($problem in $refused) {
    Write-Host ("Refused: {0}" -f $problem.Exception.Message)
}

$succeeded = @($final | Where-Object Status -eq 'S').Count
$failed = @($final | Where-Object { $_.Status -in 'F', 'U', 'V' }).Count
$pending = @($final | Where-Object { -not $_.IsTerminal }).Count
Write-Host ("Summary: {0} rows, {1} succeeded, {2} failed at the provider, {3} still pending, {4} refused before sending." -f `
    (@($sent).Count + @($refused).Count), $succeeded, $failed, $pending, @($refused).Count)
