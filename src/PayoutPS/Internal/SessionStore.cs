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

        public static void Set(PayoutContext? context)
        {
            var box = Box();
            if (box.Value != null && !ReferenceEquals(box.Value, context))
            {
                box.Value.Client.Dispose();
            }

            box.Value = context;
        }

        private static StrongBox<PayoutContext?> Box() => Contexts.GetValue(Runspace.DefaultRunspace, _ => new StrongBox<PayoutContext?>(null));
    }
}
