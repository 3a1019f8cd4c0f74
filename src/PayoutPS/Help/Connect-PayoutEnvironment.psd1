@{
    Synopsis    = 'Connects this runspace to a Payout API environment as one merchant.'
    Description = @'
Connect-PayoutEnvironment chooses the environment (Sandbox, Production, Local with -Port, or any -BaseUri), loads the merchant key once, and proves it with a cheap signed call (the balance query) so that wrong credentials fail here with a clear message rather than at the first payout. -SkipValidation skips that call.

The key is looked for in this order: -Credential (user name = merchant number), -SecretKey, -KeyPath with -KeyPassphrase, then the environment variables PAYOUTPS_KEY_PATH (with PAYOUTPS_KEY_PASSPHRASE) and PAYOUTPS_SECRET_KEY. The merchant number comes from -MerchantId, then the credential's user name, then PAYOUTPS_MERCHANT_ID. Nothing prompts, so it works the same under a service account with no profile.

Production is deliberately hard to reach by accident: -Environment has no default, and Production asks for confirmation (ConfirmImpact High). In a non-interactive session that fails unless -Force is given.

The context is kept per runspace and returned; the key is never shown. Pass it with -Context to runspaces of this process: ForEach-Object -Parallel and Start-ThreadJob. Start-Job runs a separate process and receives a deserialized copy that cannot send anything: connect inside such a job instead.
'@
    Parameters  = @{
        ProviderKeyPath = 'The provider''s public key (PEM or base64). RSA merchants'' notifications are signed with it; Test-PayoutNotification then uses it.'
        Environment     = 'Sandbox, Production or Local. Sandbox and Production are the provider''s hosts; Local is the emulator on 127.0.0.1 (give -Port).'
        Port            = 'The port of a local sandbox (-Environment Local), as printed in its ready line.'
        BaseUri         = 'Any other base URL ending in /payout, such as a proxy in front of the API.'
        MerchantId      = 'The merchant number.'
        Credential      = 'User name = merchant number, password = the secret.'
        SecretKey       = 'The merchant secret or RSA private key, as a SecureString.'
        KeyPath         = 'A file holding the secret or an RSA private key.'
        CertificateThumbprint = 'Sign with the RSA private key of this certificate in the certificate store, by thumbprint (Get-ChildItem Cert:\LocalMachine\My): for scheduled tasks running as SYSTEM or a group managed service account, which have no user profile for DPAPI files or SecretStore. The key is used where the store keeps it and never exported; the account needs read access to it (certlm.msc, Manage Private Keys). Not found, no private key, not RSA and no permission are each named.'
        CertificateStoreLocation = 'With -CertificateThumbprint: CurrentUser (default) or LocalMachine (the My store).'
        KeyPassphrase   = 'The passphrase of an encrypted key file.'
        Scheme          = 'Sha256 or Rsa, to override detection from the key.'
        TimeoutSec      = 'Seconds to wait for each attempt (default 30).'
        MaxRetries      = 'Retries after the first attempt for transient failures only (default 4): connection failures, timeouts, HTTP 429 and 5xx, respCode 11001.'
        Proxy           = 'A proxy URL. Without it the system proxy is used.'
        ProxyCredential = 'Credentials for the proxy.'
        SkipValidation  = 'Do not make the signed validation call.'
        Force           = 'Connect to Production without the confirmation prompt (for scheduled tasks).'
        Context         = 'Not used by this cmdlet; it creates the context.'
    }
    Examples    = @(
        @{
            Title   = 'Connect to the provider''s sandbox interactively'
            Code    = 'Connect-PayoutEnvironment Sandbox -Credential (Get-Credential -UserName 800209 -Message ''Merchant secret'')'
            Remarks = 'Returns the context: environment, merchant, algorithm and where the key came from.'
        }
        @{
            Title   = 'Connect unattended from environment variables'
            Code    = '$env:PAYOUTPS_MERCHANT_ID = ''800209''; $env:PAYOUTPS_KEY_PATH = ''C:\keys\merchant.pem''; Connect-PayoutEnvironment Production -Force'
            Remarks = 'For a scheduled task: no prompt, and Production named explicitly.'
        }
        @{
            Title   = 'Connect to the local sandbox'
            Code    = 'Connect-PayoutEnvironment Local -Port 5080 -MerchantId 800100 -SecretKey (Read-Host -AsSecureString)'
            Remarks = 'The sandbox''s demo merchant is documented in src/PayoutPS.Sandbox/README.md.'
        }
    )
    Links       = @('Get-PayoutEnvironment', 'Disconnect-PayoutEnvironment', 'New-Payout')
}
