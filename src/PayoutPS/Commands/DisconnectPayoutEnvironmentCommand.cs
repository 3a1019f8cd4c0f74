using System.Management.Automation;
using PayoutPS.Internal;

namespace PayoutPS.Commands
{
    /// <summary>Forgets this runspace's context and releases its connection.</summary>
    [Cmdlet(VerbsCommunications.Disconnect, "PayoutEnvironment")]
    [OutputType(typeof(void))]
    public sealed class DisconnectPayoutEnvironmentCommand : PSCmdlet
    {
        protected override void EndProcessing()
        {
            if (SessionStore.Current != null)
            {
                WriteVerbose($"Disconnected from {SessionStore.Current}.");
            }

            SessionStore.Set(null);
        }
    }
}
