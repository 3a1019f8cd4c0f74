using System.Management.Automation;
using PayoutPS.Internal;
using PayoutPS.Models;

namespace PayoutPS.Commands
{
    /// <summary>Shows the context this runspace is connected with (nothing when not connected).</summary>
    [Cmdlet(VerbsCommon.Get, "PayoutEnvironment", HelpUri = Links.Readme)]
    [OutputType(typeof(PayoutContext))]
    public sealed class GetPayoutEnvironmentCommand : PSCmdlet
    {
        protected override void EndProcessing()
        {
            var context = SessionStore.Current;
            if (context != null)
            {
                WriteObject(context);
            }
        }
    }
}
