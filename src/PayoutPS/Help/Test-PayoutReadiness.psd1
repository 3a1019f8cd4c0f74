@{
    Synopsis    = 'Runs the provider''s pre-launch checklist against the connected environment and says how to fix each failure.'
    Description = @'
Test-PayoutReadiness checks, one row per item (Check, Status Pass/Fail/Skipped, Detail, Fix): a signed call is accepted; the clock agrees with the service's; balances are readable; a wrongly signed request is rejected with 13002 and reported as an authentication error; an individual, a business and an on-behalf payout are accepted (outside Production only: in Production these are Skipped, as they would move real money; each run in the sandbox creates three 1.00 payouts with RequestIds READY-<run>-IND, -BIZ, -OBO); the -CallbackUrl answers a signed test notification (requestId PAYOUTPS-READINESS-TEST) with 2xx; the connection is HTTPS (plain HTTP only to this machine); the key file is readable by this account only.

Run it against the Sandbox before going live, and in Production (where it changes nothing) after each change of machine, key or URL.
'@
    Parameters  = @{
        CallbackUrl = 'The callback URL registered with the provider; it receives one signed test notification.'
        Context     = 'The connection to check. Defaults to the one Connect-PayoutEnvironment made in this runspace.'
    }
    Examples    = @(
        @{
            Title   = 'Before going live'
            Code    = 'Connect-PayoutEnvironment Sandbox; Test-PayoutReadiness -CallbackUrl https://payouts.example.com/hook | Format-Table Check, Status, Fix -Wrap'
            Remarks = 'Every item should say Pass.'
        }
        @{
            Title   = 'Fail a deployment pipeline on any failed item'
            Code    = 'if (Test-PayoutReadiness | Where-Object Status -eq Fail) { exit 3 }'
            Remarks = 'Skipped items (say, scenarios in Production) do not fail it.'
        }
    )
    Links       = @('Connect-PayoutEnvironment', 'Test-PayoutNotification')
}
