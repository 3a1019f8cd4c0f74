using System;
using System.Management.Automation;
using PayoutPS.Core.Readiness;
using PayoutPS.Internal;

namespace PayoutPS.Commands
{
    /// <summary>
    /// The provider's pre-launch checklist as a command: one row per item, passed or not, with the fix. Payout
    /// scenarios run only outside Production, where no real money moves.
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Test, "PayoutReadiness")]
    [OutputType(typeof(ReadinessItem))]
    public sealed class TestPayoutReadinessCommand : PayoutCmdletBase
    {
        /// <summary>The callback URL registered with the provider; it gets one signed test notification.</summary>
        [Parameter(Position = 0)]
        public Uri? CallbackUrl { get; set; }

        protected override void ProcessRecord()
        {
            var context = RequireContext();
            foreach (var item in Await((log, token) => new ReadinessCheck(context.Client, context.Signer, context.Environment == Environments.Production, log).RunAsync(context.KeyFile, CallbackUrl, token)))
            {
                WriteObject(item);
            }
        }
    }
}
