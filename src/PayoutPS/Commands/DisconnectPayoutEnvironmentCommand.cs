using System.Management.Automation;
using PayoutPS.Internal;

namespace PayoutPS.Commands
{
    /// <summary>Forgets this runspace's context and releases its connection.</summary>
    [Cmdlet(VerbsCommunications.Disconnect, "PayoutEnvironment", HelpUri = Links.Readme)]
    [OutputType(typeof(void))]
    public sealed class DisconnectPayoutEnvironmentCommand : PSCmdlet
    {
        protected override void EndProcessing()
        {
            var current = SessionStore.Current;
            SessionStore.Set(null);
            if (current != null)
            {
                current.Client.Dispose();
                WriteVerbose($"Disconnected from {current}.");
            }
        }
    }
}
