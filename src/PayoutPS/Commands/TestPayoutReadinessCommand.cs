using System;
using System.Management.Automation;
using PayoutPS.Core.Readiness;
using PayoutPS.Internal;

namespace PayoutPS.Commands
{
    /// <summary>
    /// The provider's pre-launch checklist as a command: one row per item, passed or not, with the fix. Payout
    /// scenarios run only against a service known to be a sandbox (the provider's sandbox host, or this
    /// project's sandbox on this machine), where no real money moves.
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Test, "PayoutReadiness", HelpUri = Links.Readme)]
    [OutputType(typeof(ReadinessItem))]
    public sealed class TestPayoutReadinessCommand : PayoutCmdletBase
    {
        /// <summary>The callback URL registered with the provider; it gets one signed test notification.</summary>
        [Parameter(Position = 0)]
        public Uri? CallbackUrl { get; set; }

        protected override void ProcessRecord()
        {
            var context = RequireContext();
            // Payouts are created only where no real money can move: never on the word of an environment's name.
            var notSandbox = context.Environment == Environments.Production
                ? "this is Production"
                : Await((log, token) => SandboxProof.WhyNotASandboxAsync(context.BaseUri, null, token));
            foreach (var item in Await((log, token) => new ReadinessCheck(context.Client, context.Signer, notSandbox, log).RunAsync(context.KeyFile, CallbackUrl, token)))
            {
                WriteObject(item);
            }
        }
    }
}
