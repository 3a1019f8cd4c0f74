using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.Linq;
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
        private static readonly ConcurrentDictionary<Type, PropertyInfo[]> TimeProperties = new ConcurrentDictionary<Type, PropertyInfo[]>();

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

        /// <summary>An object to write, each of its DateTime properties shown as such a time (the object's own values are UTC).</summary>
        public static PSObject WithTimes(object item)
        {
            var shown = PSObject.AsPSObject(item);
            var properties = TimeProperties.GetOrAdd(item.GetType(), type => type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.PropertyType == typeof(DateTime) || p.PropertyType == typeof(DateTime?)).ToArray());
            foreach (var property in properties)
            {
                shown.Properties.Add(new PSNoteProperty(property.Name, Wrap((DateTime?)property.GetValue(item))));
            }

            return shown;
        }
    }
}
