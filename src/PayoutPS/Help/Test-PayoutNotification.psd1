@{
    Synopsis    = 'Checks a status notification (callback) from the service and returns it as a typed object.'
    Description = @'
Test-PayoutNotification takes a notification body as received (JSON text, or the HttpListenerRequest or HttpListenerContext it arrived on) and checks it: the sign in constant time, that merchantNo is yours, that payoutId, requestId and payoutStatus are there and the status is one of the API's. It emits PayoutId, RequestId, Status, StatusMeaning, IsTerminal, the amounts, FailureReason, NotifyTime, and IsValid with Problem saying why not. Act only on valid notifications.

Notifications can repeat and arrive out of order (spec §5): treat a repeat as a no-op and never move a final status (S, F, U, V) backwards; examples/callback-receiver.ps1 shows how.

The key: a SHA-256 merchant's notifications are signed with its own secret (the connected context's, or -SecretKey, -Credential, -KeyPath). An RSA merchant's are signed with the provider's key: give its public key with -ProviderKeyPath here or on Connect-PayoutEnvironment.
'@
    Parameters  = @{
        InputObject     = 'The notification: its JSON body, or the HttpListenerRequest or HttpListenerContext it arrived on.'
        ProviderKeyPath = 'The provider''s public key (PEM or base64), for RSA merchants; Connect-PayoutEnvironment -ProviderKeyPath sets it for the session.'
        Journal         = 'A batch journal (New-Payout -Journal): a valid notification updates its row, kept in journal.notifications beside it, so a receiver can record while the batch runs. JournalUpdate says Applied, Repeat (no change) or Late (a final status was already known; never moved backwards). Get-PayoutBatch shows the result.'
        MerchantId      = 'The merchant number the notification must be for. Defaults to the connected merchant.'
        Context         = 'The connection whose key checks the signature. Defaults to the one Connect-PayoutEnvironment made in this runspace.'
        SecretKey       = 'The merchant secret, when not connected.'
        Credential      = 'User name = merchant number, password = the secret, when not connected.'
        KeyPath         = 'A file with the merchant secret, when not connected.'
        KeyPassphrase   = 'The passphrase of an encrypted key file.'
        Scheme          = 'Forces Sha256 or Rsa instead of detecting it from the key.'
        ExcludeField    = 'Fields sent but not signed.'
    }
    Examples    = @(
        @{
            Title   = 'Check a saved notification'
            Code    = 'Get-Content ./notification.json -Raw | Test-PayoutNotification | Format-List'
            Remarks = 'IsValid, Status and Problem say whether to act on it.'
        }
        @{
            Title   = 'Inside a listener'
            Code    = '$context = $listener.GetContext(); $note = Test-PayoutNotification $context.Request; if ($note.IsValid) { $context.Response.StatusCode = 200 } else { $context.Response.StatusCode = 400 }; $context.Response.Close()'
            Remarks = 'examples/callback-receiver.ps1 is a complete receiver.'
        }
    )
    Links       = @('Test-PayoutSignature', 'Connect-PayoutEnvironment')
}
