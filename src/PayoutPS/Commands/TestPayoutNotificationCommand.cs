using System;
using System.IO;
using System.Management.Automation;
using System.Net;
using System.Text;
using PayoutPS.Core.Keys;
using PayoutPS.Core.Notifications;
using PayoutPS.Core.Signing;
using PayoutPS.Internal;

namespace PayoutPS.Commands
{
    /// <summary>
    /// Checks a status notification (callback) the service sent: its signature in constant time, that it is
    /// for this merchant, and its required fields; emits it as a typed object with IsValid and, if not, why.
    /// SHA-256 merchants' notifications are signed with their own secret; RSA merchants' with the provider's
    /// key, given by -ProviderKeyPath here or on Connect-PayoutEnvironment.
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Test, "PayoutNotification", DefaultParameterSetName = ContextSet, HelpUri = Links.Readme)]
    [OutputType(typeof(PayoutNotification))]
    public sealed class TestPayoutNotificationCommand : SigningCmdletBase
    {
        private ISignatureVerifier? _verifier;
        private string? _merchant;

        /// <summary>The received notification: its JSON body, or the HttpListenerRequest / HttpListenerContext it arrived on.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [Alias("Body", "Request")]
        public object? InputObject { get; set; }

        /// <summary>The provider's public key (PEM or base64), which signs RSA merchants' notifications.</summary>
        [Parameter]
        public string? ProviderKeyPath { get; set; }

        /// <summary>A batch journal: a valid notification updates its row (repeats change nothing; a final status never moves back).</summary>
        [Parameter]
        [ArgumentCompleter(typeof(JournalCompleter))]
        public string? Journal { get; set; }

        /// <summary>The merchant number the notification must be for; defaults to the connected one.</summary>
        [Parameter]
        public string? MerchantId { get; set; }

        protected override void BeginProcessing()
        {
            var context = Context ?? SessionStore.Current;
            if (ProviderKeyPath != null)
            {
                _verifier = LoadProviderKey(ProviderKeyPath);
            }
            else if (ParameterSetName == ContextSet && context?.ProviderVerifier != null)
            {
                _verifier = context.ProviderVerifier;
            }
            else
            {
                _verifier = LoadKey<ISignatureVerifier>(
                    signer => signer,
                    (text, passphrase, scheme) => KeyLoader.LoadVerifier(text, passphrase, scheme),
                    (path, passphrase, scheme) => KeyLoader.LoadVerifierFromFile(path, passphrase, scheme));
            }

            _merchant = MerchantId ?? (ParameterSetName == ContextSet && context != null ? context.MerchantId : KeyResolver.MerchantId(null, Credential));
            if (string.IsNullOrWhiteSpace(_merchant))
            {
                // Without it any merchant's notification would pass: the check does not run at all.
                ThrowTerminatingError(new ErrorRecord(new ArgumentException(
                    "No merchant number to check the notification against: connect with Connect-PayoutEnvironment, or give -MerchantId (or a -Credential whose user name is it, or set $PAYOUTPS_MERCHANT_ID)."),
                    ErrorIds.InvalidRequest, ErrorCategory.InvalidArgument, null));
            }
        }

        protected override void ProcessRecord()
        {
            var notification = PayoutNotification.Check(ReadBody(InputObject), _verifier!, _merchant);
            if (notification.IsValid && Journal != null)
            {
                // A valid signature says who sent it, not which row it is about: it must match its row first.
                var journal = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Journal);
                notification.JournalProblem = NotificationMatch.Problem(notification, journal, _merchant!);
                notification.JournalUpdate = notification.JournalProblem == null ? NotificationLog.Record(journal, notification) : "NotApplied";
                if (notification.JournalProblem != null)
                {
                    WriteWarning($"Notification for requestId {notification.RequestId} not applied to the journal: {notification.JournalProblem}.");
                }
            }

            WriteVerbose(notification.IsValid ? $"Notification for payout {notification.PayoutId}: {notification.Status}." : notification.Problem);
            WriteObject(notification);
        }

        private static string ReadBody(object? input)
        {
            switch (input is PSObject wrapped ? wrapped.BaseObject : input)
            {
                case HttpListenerContext context:
                    return ReadBody(context.Request);
                case HttpListenerRequest request:
                    using (var reader = new StreamReader(request.InputStream, new UTF8Encoding(false)))
                    {
                        return reader.ReadToEnd();
                    }

                case byte[] bytes:
                    return Encoding.UTF8.GetString(bytes);
                case null:
                    return string.Empty;
                case var other:
                    return Convert.ToString(other, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
            }
        }
    }
}
