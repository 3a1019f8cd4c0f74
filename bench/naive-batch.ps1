<#
.SYNOPSIS
    The script a sysadmin would write without PayoutPS: Import-Csv | ForEach-Object, sign by hand, Invoke-RestMethod.
.DESCRIPTION
    Kept as the baseline of bench/batch.ps1. It signs like spec §2.1 (values of the non-empty fields sorted
    by name, the secret appended, SHA-256) and sends one request at a time. It has none of PayoutPS's
    safety (no retries, no lookups, no journal, culture-sensitive amounts): it is here to be measured.
#>
param(
    [Parameter(Mandatory)] [string] $CsvPath,
    [Parameter(Mandatory)] [string] $BaseUri,
    [Parameter(Mandatory)] [string] $MerchantId,
    [Parameter(Mandatory)] [string] $Secret
)

$sha = [Security.Cryptography.SHA256]::Create()
$uri = "$BaseUri/api/v2/txn/remittance"
Import-Csv $CsvPath | ForEach-Object {
    $body = [ordered]@{
        merchantNo = $MerchantId; requestId = $_.RequestId; sourceCurrency = $_.SourceCurrency; targetCurrency = $_.TargetCurrency
        sourceAmount = $_.SendAmount; chargeFlag = 'N'; transactionPurpose = $_.Purpose; bankCountry = $_.Country; payoutCurrency = $_.TargetCurrency
        entityType = '1'; paymentMethod = 'BANK_TRANSFER'
        receiverInfo = (@{ firstName = $_.FirstName; lastName = $_.LastName } | ConvertTo-Json -Compress)
        address = (@{ countryCode = $_.Country; city = $_.City; addressLine1 = $_.AddressLine1 } | ConvertTo-Json -Compress)
        accountInfomation = (@{ cardNumber = $_.AccountNumber } | ConvertTo-Json -Compress)
    }
    $text = ($body.Keys | Sort-Object { $_ } -CaseSensitive | ForEach-Object { $body[$_] }) -join ''
    $body.sign = [BitConverter]::ToString($sha.ComputeHash([Text.Encoding]::UTF8.GetBytes($text + $Secret))).Replace('-', '').ToLowerInvariant()
    $answer = Invoke-RestMethod -Method Post -Uri $uri -Body ($body | ConvertTo-Json -Compress) -ContentType 'application/json'
    if ($answer.respCode -ne '20000') { Write-Warning "$($_.RequestId): $($answer.respCode) $($answer.respMsg)" }
}
