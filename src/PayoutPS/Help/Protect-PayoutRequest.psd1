@{
    Synopsis    = 'Signs a Payout API request body without sending it.'
    Description = @'
Protect-PayoutRequest builds the canonical string of a request (every top-level field except sign and -ExcludeField, null and empty values dropped, names in ordinal order, values concatenated) and signs it: SHA-256 with the merchant secret appended (lowercase hex), or SHA256withRSA (base64) for an RSA key. Nested objects are serialized to JSON strings once; that exact text is both signed and sent.

Use it to debug a signature against what the service computed, or to call the API with your own tools: the output's RestParameters splat straight into Invoke-RestMethod. Amounts and ids should be strings; floating-point numbers are refused.

The key comes from the connected context (Connect-PayoutEnvironment or -Context), or from -SecretKey, -Credential or -KeyPath. None of them takes the key as a plain string, so it never reaches your command history.
'@
    Parameters  = @{
        InputObject   = 'The request: a hashtable, an ordered dictionary, a PSCustomObject or a JSON string. Accepts pipeline input, one request per object.'
        Context       = 'The connection whose key and merchant number to use. Defaults to the one Connect-PayoutEnvironment made in this runspace.'
        SecretKey     = 'The merchant secret (32 or 64 hexadecimal characters) or an RSA private key, as a SecureString.'
        Credential    = 'A PSCredential whose user name is the merchant number and whose password is the secret.'
        KeyPath       = 'A file holding the secret or an RSA private key: PEM PKCS#1, PEM PKCS#8, encrypted PKCS#8, or bare base64 PKCS#8.'
        KeyPassphrase = 'The passphrase of an encrypted PKCS#8 key file, as a SecureString.'
        Scheme        = 'Sha256 or Rsa. Normally detected from the key; name it to make a mismatch an error.'
        ExcludeField  = 'Fields that are sent but not signed.'
        MerchantNo    = 'Added as merchantNo when the request has none. Defaults to the credential user name or the context merchant.'
        Uri           = 'The full endpoint URL, carried into RestParameters so the result can be splatted into Invoke-RestMethod.'
        AsJson        = 'Emit only the signed JSON body, ready to POST.'
    }
    Examples    = @(
        @{
            Title   = 'Sign and send with Invoke-RestMethod in one line'
            Code    = '$p = (Protect-PayoutRequest @{ requestId = ''INV-42''; createTimeStartTime = ''2026-11-01 00:00:00''; createTimeEndTime = ''2026-12-01 00:00:00''; size = ''10''; current = ''1'' } -Credential $credential -Uri ''https://sandbox-api.onerway.com/payout/api/v1/txn/queryList'').RestParameters; Invoke-RestMethod @p'
            Remarks = 'RestParameters holds Uri, Method (Post), ContentType (application/json; charset=utf-8) and Body.'
        }
        @{
            Title   = 'See what was signed'
            Code    = 'Protect-PayoutRequest ''{"merchantNo":"800209","requestId":"INV-42"}'' -KeyPath ./merchant.pem -KeyPassphrase (Read-Host -AsSecureString) | Format-List Algorithm, CanonicalString, Sign'
            Remarks = 'CanonicalString is the signed text without the secret; compare it with what the service computed.'
        }
        @{
            Title   = 'Sign the provider''s documented example'
            Code    = "Protect-PayoutRequest ([ordered]@{ test1 = '0'; test2 = 'test2value'; test3 = 'test3value'; test4 = 'test4value'; test5 = ''; test6 = `$null }) -SecretKey `$secret -ExcludeField test2 -AsJson"
            Remarks = 'With the documented secret the sign is 836831ae68fce5e61d4a64363bb72c636efe6e94b62ecaa8d1c95fc58cc9cbed.'
        }
    )
    Links       = @('Test-PayoutSignature', 'Connect-PayoutEnvironment')
}
