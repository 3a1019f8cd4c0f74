using System;
using System.Globalization;
using System.Management.Automation;
using System.Reflection;

namespace PayoutPS.Internal
{
    /// <summary>
    /// Times as people read and export them: still a UTC <see cref="DateTime"/> to a script (compare, sort,
    /// <c>.AddDays()</c>, <c>-is [datetime]</c>), but ISO 8601 with its zone ("2026-11-29T14:35:28Z") wherever
    /// PowerShell turns it into text: Format-List, Export-Csv, ConvertTo-Csv. Without this, Export-Csv writes the
    /// culture's "11/29/2026 14:35:28" (or "29.11.2026 14:35:28"), with no zone.
    /// </summary>
    public static class UtcTimes
    {
        // A code method: no script runs when a time becomes text. Making a wrapped time costs about 10 µs (an instance
        // member on a value), so callers on a hot path wrap a time only when it is first read (PayoutResult).
        private static readonly MethodInfo IsoMethod = typeof(UtcTimes).GetMethod(nameof(Iso))!;

        /// <summary>The text of a wrapped time.</summary>
        public static string Iso(PSObject instance) =>
            ((DateTime)instance.BaseObject).ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

        /// <summary>A UTC time that writes itself as ISO 8601; null stays null.</summary>
        public static PSObject? Wrap(DateTime? time)
        {
            if (time == null)
            {
                return null;
            }

            var wrapped = new PSObject(DateTime.SpecifyKind(time.Value, DateTimeKind.Utc));
            wrapped.Members.Add(new PSCodeMethod("ToString", IsoMethod));
            return wrapped;
        }

        // The times of Core's output types, shown this way through PayoutPS.types.ps1xml: a type's code property
        // shadows its .NET property of the same name, so no object carries an instance member of its own (one
        // per object made Get-PayoutBatch hold a million entries in PowerShell's member table).

        /// <summary>BatchRowState.Time and PayoutLedgerEntry.Time, as PayoutPS.types.ps1xml shows them.</summary>
        public static PSObject? Time(PSObject instance) => Wrap(instance.BaseObject switch
        {
            Core.Batch.BatchRowState row => row.Time,
            Core.Account.PayoutLedgerEntry entry => entry.Time,
            _ => null,
        });

        /// <summary>Beneficiary.CreateTime, as PayoutPS.types.ps1xml shows it.</summary>
        public static PSObject? CreateTime(PSObject instance) => Wrap((instance.BaseObject as Core.Account.Beneficiary)?.CreateTime);

        /// <summary>Beneficiary.UpdateTime, as PayoutPS.types.ps1xml shows it.</summary>
        public static PSObject? UpdateTime(PSObject instance) => Wrap((instance.BaseObject as Core.Account.Beneficiary)?.UpdateTime);

        /// <summary>A notification's time (Test-PayoutNotification), as the other times are shown.</summary>
        public static PSObject? NotifyTime(PSObject instance) => Wrap((instance.BaseObject as Core.Notifications.PayoutNotification)?.NotifyTime);

        /// <summary>When an approval was signed (Approve-PayoutBatch, Test-PayoutApproval), as the other times are shown.</summary>
        public static PSObject? Signed(PSObject instance) => Wrap((instance.BaseObject as Models.PayoutApproval)?.Signed);

        /// <summary>When an approval expires, as the other times are shown.</summary>
        public static PSObject? Expires(PSObject instance) => Wrap((instance.BaseObject as Models.PayoutApproval)?.Expires);
    }
}
