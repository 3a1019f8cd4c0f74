using System;
using System.Collections.Generic;

namespace PayoutPS.Core.Input
{
    /// <summary>
    /// Maps a row's column names to the fields they fill (by name or alias, any case), and spots a misspelled
    /// column: one edit away from a known name (two when both names are longer than five letters) is a near miss.
    /// </summary>
    public sealed class ColumnNames
    {
        private readonly Dictionary<string, string> _fieldByName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        /// <param name="fields">Each field's name and its aliases.</param>
        public ColumnNames(IEnumerable<KeyValuePair<string, IEnumerable<string>>> fields)
        {
            foreach (var field in fields)
            {
                _fieldByName[field.Key] = field.Key;
                foreach (var alias in field.Value)
                {
                    _fieldByName[alias] = field.Key;
                }
            }
        }

        /// <summary>The field a column fills, or null when it is not one of ours.</summary>
        public string? FieldOf(string column) => _fieldByName.TryGetValue(column.Trim(), out var field) ? field : null;

        /// <summary>The known name an unknown column was probably meant to be, or null.</summary>
        public string? NearMiss(string column)
        {
            var name = column.Trim();
            string? best = null;
            var bestDistance = int.MaxValue;
            foreach (var known in _fieldByName.Keys)
            {
                var allowed = Math.Min(name.Length, known.Length) > 5 ? 2 : 1;
                var distance = Distance(name.ToLowerInvariant(), known.ToLowerInvariant(), allowed);
                if (distance <= allowed && distance < bestDistance)
                {
                    best = known;
                    bestDistance = distance;
                }
            }

            return best;
        }

        /// <summary>Optimal-string-alignment distance (insert, delete, substitute, swap neighbours), capped at limit + 1.</summary>
        internal static int Distance(string a, string b, int limit)
        {
            if (Math.Abs(a.Length - b.Length) > limit)
            {
                return limit + 1;
            }

            var d = new int[a.Length + 1, b.Length + 1];
            for (var i = 0; i <= a.Length; i++)
            {
                d[i, 0] = i;
            }

            for (var j = 0; j <= b.Length; j++)
            {
                d[0, j] = j;
            }

            for (var i = 1; i <= a.Length; i++)
            {
                for (var j = 1; j <= b.Length; j++)
                {
                    var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                    d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                    if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    {
                        d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                    }
                }
            }

            return d[a.Length, b.Length];
        }
    }
}
