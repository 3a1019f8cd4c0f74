<#
.SYNOPSIS
    A small receiver for the service's status notifications (callbacks): checks each one, keeps every
    payout's latest status in a JSON file, and never lets a repeat or a late arrival move a final status back.
.DESCRIPTION
    Listens on http://127.0.0.1:<Port>/ (put a reverse proxy with TLS in front of it for the real service,
    whose callbacks come over the internet). For every POST:
      - Test-PayoutNotification checks the signature, the merchant number and the fields; anything invalid
        gets 401 and is logged (the service retries, a forger gets nothing);
      - a valid notification updates the payout's entry in -StatePath, unless the entry already has that status
        (a repeat) or a final one (S, F, U, V: a late arrival must not move it backwards); either way 200,
        so the service stops retrying.
    The key comes as for the other scripts: PAYOUTPS_MERCHANT_ID and PAYOUTPS_SECRET_KEY or PAYOUTPS_KEY_PATH;
    RSA merchants add -ProviderKeyPath (the provider's public key, which signs their notifications).
.EXAMPLE
    ./callback-receiver.ps1 -Port 9000 -StatePath ./payout-status.json
#>
[CmdletBinding()]
param(
    [int] $Port = 9000,
    [string] $StatePath = './payout-status.json',
    [string] $ProviderKeyPath,
    # Stop after this many requests (0: run until Ctrl+C); tests use it.
    [int] $MaxRequests = 0,
    [string] $ModulePath
)

$ErrorActionPreference = 'Stop'
if (-not $ModulePath) {
    $built = Join-Path $PSScriptRoot '../out/PayoutPS/PayoutPS.psd1'
    $ModulePath = if (Test-Path $built) { $built } else { 'PayoutPS' }
}
Import-Module $ModulePath

$final = 'S', 'F', 'U', 'V'
$state = @{}
if (Test-Path $StatePath) { (Get-Content $StatePath -Raw | ConvertFrom-Json).PSObject.Properties | ForEach-Object { $state[$_.Name] = $_.Value } }
$check = @{ MerchantId = $env:PAYOUTPS_MERCHANT_ID }
if ($env:PAYOUTPS_SECRET_KEY) { $check.SecretKey = ConvertTo-SecureString $env:PAYOUTPS_SECRET_KEY -AsPlainText -Force }
elseif ($env:PAYOUTPS_KEY_PATH) { $check.KeyPath = $env:PAYOUTPS_KEY_PATH }
if ($ProviderKeyPath) { $check = @{ MerchantId = $env:PAYOUTPS_MERCHANT_ID; ProviderKeyPath = $ProviderKeyPath } }

$listener = [System.Net.HttpListener]::new()
$listener.Prefixes.Add("http://127.0.0.1:$Port/")
$listener.Start()
Write-Host "Listening on http://127.0.0.1:$Port/ ; state in $StatePath"
try {
    for ($served = 0; $MaxRequests -eq 0 -or $served -lt $MaxRequests; $served++) {
        $context = $listener.GetContext()
        $note = Test-PayoutNotification $context.Request @check
        if (-not $note.IsValid) {
            Write-Host "REFUSED: $($note.Problem)"
            $context.Response.StatusCode = 401
        }
        else {
            $known = $state[$note.RequestId]
            if ($known -and $known.Status -eq $note.Status) {
                Write-Host "REPEAT: $($note.RequestId) $($note.Status) (already recorded)"
            }
            elseif ($known -and $known.Status -in $final) {
                Write-Host "LATE: $($note.RequestId) $($note.Status) arrived after the final $($known.Status); kept $($known.Status)"
            }
            else {
                $state[$note.RequestId] = [pscustomobject]@{ PayoutId = $note.PayoutId; Status = $note.Status; NotifyTime = $note.NotifyTime }
                # Write then rename: a crash mid-write never leaves a half file.
                $state | ConvertTo-Json | Set-Content "$StatePath.tmp" -Encoding utf8
                Move-Item "$StatePath.tmp" $StatePath -Force
                Write-Host "UPDATED: $($note.RequestId) -> $($note.Status) ($($note.StatusMeaning))"
            }
            $context.Response.StatusCode = 200
        }
        $context.Response.Close()
    }
}
finally {
    $listener.Stop()
}
