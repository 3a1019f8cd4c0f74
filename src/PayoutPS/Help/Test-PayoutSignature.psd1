@{
    Synopsis    = 'Verifies the sign of a received callback or a captured request, and says why it fails.'
    Description = @'
Test-PayoutSignature recomputes the canonical string of a signed body and checks its sign field with the key you give: the merchant secret (SHA-256), or an RSA public or private key (SHA256withRSA). The comparison is constant-time.

The result says Valid, MissingSign (the body has no sign), WrongScheme (a SHA-256 digest checked with an RSA key, or the reverse) or Mismatch (the body was changed, a field was signed differently, or another key signed it). -Quiet returns only $true or $false.
'@
    Parameters  = @{
        ProviderKeyPath = 'Check with the provider''s public key (PEM or base64) instead of your own key: it signs RSA merchants'' notifications.'
        Body          = 'The signed body: JSON text, a hashtable or a PSCustomObject. Accepts pipeline input.'
        Context       = 'The connection whose key to use. Defaults to the one Connect-PayoutEnvironment made in this runspace.'
        SecretKey     = 'The merchant secret or an RSA key, as a SecureString.'
        Credential    = 'A PSCredential whose password is the secret.'
        KeyPath       = 'A file holding the secret, an RSA private key, or an RSA public key (PEM or bare base64).'
        KeyPassphrase = 'The passphrase of an encrypted PKCS#8 key file.'
        Scheme        = 'Sha256 or Rsa, to override detection from the key.'
        ExcludeField  = 'Fields that were sent but not signed.'
        Quiet         = 'Emit only $true or $false.'
    }
    Examples    = @(
        @{
            Title   = 'Check a callback'
            Code    = 'Test-PayoutSignature (Get-Content ./callback.json -Raw) -Credential $credential'
            Remarks = 'Shows IsValid, Status, Scheme and Reason.'
        }
        @{
            Title   = 'Use it as a guard in a receiver script'
            Code    = 'if (-not (Test-PayoutSignature $body -KeyPath ./provider-public.pem -Quiet)) { throw ''Unsigned callback refused.'' }'
            Remarks = 'Verifies an RSA-signed callback with the provider''s public key.'
        }
    )
    Links       = @('Protect-PayoutRequest')
}
