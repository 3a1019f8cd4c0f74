using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using PayoutPS.Models;

namespace PayoutPS.Internal
{
    /// <summary>The connected context per runspace, not a static: parallel runspaces and jobs never share one by accident.</summary>
    internal static class SessionStore
    {
        private static readonly ConditionalWeakTable<Runspace, StrongBox<PayoutContext?>> Contexts = new ConditionalWeakTable<Runspace, StrongBox<PayoutContext?>>();

        public static PayoutContext? Current => Runspace.DefaultRunspace == null ? null : Box().Value;

        /// <summary>
        /// Makes <paramref name="context"/> current. The previous one is not disposed: a script may still hold it
        /// (-Context $saved) mid-batch; it is released by Disconnect-PayoutEnvironment or when no longer referenced.
        /// </summary>
        public static void Set(PayoutContext? context) => Box().Value = context;

        private static StrongBox<PayoutContext?> Box() => Contexts.GetValue(Runspace.DefaultRunspace, _ => new StrongBox<PayoutContext?>(null));
    }
}
