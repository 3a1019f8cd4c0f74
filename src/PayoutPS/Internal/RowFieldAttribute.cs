using System;

namespace PayoutPS.Internal
{
    /// <summary>
    /// Marks a New-Payout parameter that a pipeline row (a CSV line, a hashtable, any object) can also fill,
    /// under the parameter's name or one of its aliases. The row mapper builds its column table from these.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property)]
    internal sealed class RowFieldAttribute : Attribute
    {
    }
}
