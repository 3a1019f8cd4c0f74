using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using PayoutPS.Core;
using PayoutPS.Core.Input;

namespace PayoutPS.Internal
{
    /// <summary>
    /// Maps a whole pipeline row to payout fields itself, instead of PowerShell's binder: so a misspelled column
    /// is named ("did you mean SendAmount?"), a column that contradicts a parameter is refused, and a row that
    /// cannot be read is reported by the cmdlet without the row (account number included) in the error.
    /// </summary>
    internal sealed class RowMapper
    {
        private readonly ColumnNames _names;
        private readonly HashSet<string> _detailFields;
        private readonly HashSet<string> _ignored;
        private readonly Dictionary<string, Column> _columns = new Dictionary<string, Column>(StringComparer.OrdinalIgnoreCase);
        private readonly HashSet<string> _reportedUnknown = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        private readonly string _command;

        public RowMapper(Type command, IEnumerable<string>? ignoredColumns)
        {
            var fields = command.GetProperties()
                .Where(p => p.GetCustomAttribute<RowFieldAttribute>() != null)
                .Select(p => new KeyValuePair<string, IEnumerable<string>>(p.Name, p.GetCustomAttribute<AliasAttribute>()?.AliasNames ?? (IEnumerable<string>)Array.Empty<string>()))
                .ToList();
            _names = new ColumnNames(fields);
            _detailFields = new HashSet<string>(command.GetProperties().Where(p => p.PropertyType == typeof(object) && p.GetCustomAttribute<RowFieldAttribute>() != null).Select(p => p.Name));
            _ignored = new HashSet<string>(ignoredColumns ?? Array.Empty<string>(), StringComparer.OrdinalIgnoreCase);
            var cmdlet = command.GetCustomAttribute<CmdletAttribute>();
            _command = cmdlet == null ? command.Name : cmdlet.VerbName + "-" + cmdlet.NounName;
        }

        /// <summary>True for a parameter a row can fill (a [RowField] of the command), by its own name.</summary>
        public bool IsField(string parameter) => string.Equals(_names.FieldOf(parameter), parameter, StringComparison.OrdinalIgnoreCase);

        /// <summary>Columns this run saw that are not payout fields, each reported once.</summary>
        public List<string> TakeNewUnknownColumns(IEnumerable<string> unknown) => unknown.Where(c => _reportedUnknown.Add(c)).ToList();

        /// <summary>The row's RequestId as written, to name the row even when the rest of it cannot be read.</summary>
        public string? RequestIdOf(PSObject row)
        {
            foreach (var cell in Cells(row))
            {
                if (Resolve(cell.Key).Field == "RequestId" && !(Unwrap(cell.Value) is bool) && Unwrap(cell.Value) is IConvertible value
                    && Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) is string id && !string.IsNullOrWhiteSpace(id))
                {
                    return id.Trim(); // as written: text, or a number's digits
                }
            }

            return null;
        }

        /// <summary>The row's fields merged with the command line's; <paramref name="unknown"/> gets the row's other columns.</summary>
        public Dictionary<string, object?> Map(PSObject row, IReadOnlyDictionary<string, object?> commandLine, List<string> unknown)
        {
            var values = new Dictionary<string, object?>(StringComparer.Ordinal);
            var sources = new Dictionary<string, string>(StringComparer.Ordinal);
            var cells = Cells(row).ToList();
            if (cells.Count == 1 && (cells[0].Key.IndexOf(';') >= 0 || cells[0].Key.IndexOf('\t') >= 0) && Resolve(cells[0].Key).Field == null)
            {
                var separator = cells[0].Key.IndexOf(';') >= 0 ? "';'" : "\"`t\"";
                throw new PayoutRequestException(
                    $"The row has a single column named like several ('{Shorten(cells[0].Key)}'): the file is separated by {separator}, not commas. Read it with Import-Csv -Delimiter {separator}.",
                    "InputObject");
            }

            // A string, a number, a file…: no column is a field, and its properties would only be near misses of ones.
            var isRow = row.BaseObject is PSCustomObject || row.BaseObject is IDictionary || row.BaseObject is Core.Account.Beneficiary;
            if (!isRow && !cells.Any(c => Resolve(c.Key).Field != null))
            {
                throw NotARow.Of(_command, row, cells.Select(c => c.Key).ToList());
            }

            if (row.BaseObject is PSCustomObject)
            {
                CheckImportedShape(cells);
                RefuseHeaderRow(cells);
            }

            foreach (var cell in cells)
            {
                var column = Resolve(cell.Key);
                var value = Unwrap(cell.Value);
                if (column.Field == null)
                {
                    if (column.NearMiss != null && !IsBlank(value))
                    {
                        throw new PayoutRequestException(
                            $"Column '{cell.Key}' is not a New-Payout field; did you mean {column.NearMiss}? Rename the column, or declare it as your own with -IgnoreColumn {cell.Key}.",
                            cell.Key);
                    }

                    if (!column.Ignored)
                    {
                        unknown.Add(cell.Key);
                    }

                    continue;
                }

                if (IsBlank(value))
                {
                    continue;
                }

                value = _detailFields.Contains(column.Field) ? PSInput.Plain(value) : value;
                if (sources.TryGetValue(column.Field, out var other))
                {
                    throw new PayoutRequestException($"Columns '{other}' and '{cell.Key}' both give {column.Field}; keep one of them.", column.Field);
                }

                sources[column.Field] = cell.Key;
                values[column.Field] = value;
            }

            RefuseTotalsRow(cells, values);
            if (isRow && sources.Count == 0 && !cells.Any(c => Resolve(c.Key).Field != null))
            {
                throw NotARow.Of(_command, row, cells.Select(c => c.Key).ToList()); // an object or hashtable with only other columns, or none
            }

            foreach (var given in commandLine)
            {
                if (values.TryGetValue(given.Key, out var fromRow) && !SameValue(fromRow, given.Value))
                {
                    throw new PayoutRequestException(
                        $"-{given.Key} on the command line and this row's column '{sources[given.Key]}' disagree; give {given.Key} in one place.", given.Key);
                }

                values[given.Key] = given.Value;
            }

            return values;
        }

        /// <summary>
        /// What Import-Csv makes of a malformed line, refused: a value under a header with no name (Import-Csv calls
        /// the column H1, H2…), and a line with fewer fields than its header (the missing ones are null, where an
        /// empty field is ""). A line with more fields than its header cannot be seen: Import-Csv drops the extra
        /// values before PayoutPS gets the row, which is why -Path reads the file itself.
        /// </summary>
        private void CheckImportedShape(List<KeyValuePair<string, object?>> cells)
        {
            foreach (var cell in cells)
            {
                if (IsUnnamed(cell.Key) && Resolve(cell.Key) is { Field: null, Ignored: false } && !IsBlank(Unwrap(cell.Value)))
                {
                    throw new PayoutRequestException(
                        $"The row has a value ('{Shorten(Convert.ToString(Unwrap(cell.Value), System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty)}') in column '{cell.Key}', the name Import-Csv gives a column whose header is blank: " +
                        "which field it was meant for is unknown. Name that column in the header, or remove it. (New-Payout -Path names the line.)", cell.Key);
                }
            }

            var missing = 0;
            while (missing < cells.Count && cells[cells.Count - 1 - missing].Value == null)
            {
                missing++;
            }

            if (missing > 0 && missing < cells.Count && cells.All(c => c.Value == null || Unwrap(c.Value) is string))
            {
                var columns = string.Join(", ", cells.Skip(cells.Count - missing).Select(c => c.Key));
                throw new PayoutRequestException(
                    $"The row has no value at all for its last {missing} column(s) ({columns}), not even an empty one: that is how Import-Csv reads a CSV line with fewer fields than its header. " +
                    "Fix that line of the file (New-Payout -Path names it); building rows in a script, give '' for an empty field.", "InputObject");
            }
        }

        private static readonly HashSet<string> TotalWords = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "Total", "Totals", "Grand total", "Sum", "Summe", "Gesamt", "Total general", "Totaal" };

        /// <summary>
        /// A spreadsheet's totals row (its first cell "Total", no payee, an amount summing the column) is no payout:
        /// refused as such, instead of as a row whose RequestId is "Total".
        /// </summary>
        private static void RefuseTotalsRow(List<KeyValuePair<string, object?>> cells, Dictionary<string, object?> values)
        {
            string? first = null;
            foreach (var cell in cells)
            {
                if (Unwrap(cell.Value) is string text && !string.IsNullOrWhiteSpace(text))
                {
                    first = text;
                    break;
                }
            }

            if (first == null || first.Length > 16 || !TotalWords.Contains(first.Trim().TrimEnd(':')))
            {
                return; // a data row is decided at its first value, without allocating
            }

            var payee = new[] { "FirstName", "LastName", "CompanyName", "AccountNumber", "BeneficiaryId", "WalletPhone" };
            if (payee.All(field => !values.TryGetValue(field, out var value) || IsBlank(value)))
            {
                throw new PayoutRequestException(
                    $"This row looks like a spreadsheet's totals row (its first cell says '{first.Trim()}', and it names no payee): a totals row is no payout. Remove it from the file.", "InputObject");
            }
        }

        /// <summary>H1, H2…: Import-Csv's name for a column whose header is blank.</summary>
        private static bool IsUnnamed(string name)
        {
            if (name.Length < 2 || name[0] != 'H')
            {
                return false;
            }

            for (var i = 1; i < name.Length; i++)
            {
                if (name[i] < '0' || name[i] > '9')
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Whether a column name means a field of this command (any case and spelling it accepts).</summary>
        public bool Knows(string column) => FieldOf(column) != null;

        /// <summary>The field a column fills (any case and spelling this command accepts); null for other columns.</summary>
        public string? FieldOf(string column) => Resolve(column).Field;

        private Column Resolve(string name)
        {
            if (!_columns.TryGetValue(name, out var column))
            {
                var field = _names.FieldOf(name);
                var ignored = _ignored.Contains(name.Trim());
                column = new Column(field, field == null && !ignored ? _names.NearMiss(name) : null, ignored);
                _columns[name] = column;
            }

            return column;
        }

        /// <summary>
        /// A row whose values are its own column names (in any order or case) is a header read as a row: two exports
        /// joined, or Import-Csv -Header on a file that has one. The rows after it were read under the wrong header.
        /// </summary>
        private static void RefuseHeaderRow(List<KeyValuePair<string, object?>> cells)
        {
            // Decided at once for a data row, without allocating: its first value is no column name.
            if (cells.Count < 2 || !(Unwrap(cells[0].Value) is string first) || !cells.Any(c => string.Equals(c.Key.Trim(), first.Trim(), StringComparison.OrdinalIgnoreCase)))
            {
                return;
            }

            var names = new HashSet<string>(cells.Select(c => c.Key.Trim()), StringComparer.OrdinalIgnoreCase);
            var values = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var cell in cells)
            {
                if (!(Unwrap(cell.Value) is string value) || !names.Contains(value.Trim()) || !values.Add(value.Trim()))
                {
                    return;
                }
            }

            throw new HeaderRowException(
                "This row repeats the header: its values are its column names. This looks like two files joined (or Import-Csv -Header on a file that has one), " +
                "so the rows after it were read under the wrong header. The run stops here; pay each file on its own (New-Payout -Path reads and checks a file whole).");
        }

        private static IEnumerable<KeyValuePair<string, object?>> Cells(PSObject row)
        {
            if (row.BaseObject is Core.Account.Beneficiary payee)
            {
                // Get-PayoutBeneficiary | New-Payout: pay that payee, in its currency. Its other properties
                // (name, masked account, method) describe it; they are not an inline payee to send.
                yield return new KeyValuePair<string, object?>("BeneficiaryId", payee.BeneficiaryId);
                yield return new KeyValuePair<string, object?>("TargetCurrency", payee.PayoutCurrency);
                yield break;
            }

            if (row.BaseObject is IDictionary dictionary)
            {
                foreach (DictionaryEntry entry in dictionary)
                {
                    yield return new KeyValuePair<string, object?>(Convert.ToString(Unwrap(entry.Key), System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty, entry.Value);
                }

                yield break;
            }

            foreach (var property in row.Properties)
            {
                if (property.IsGettable)
                {
                    yield return new KeyValuePair<string, object?>(property.Name, property.Value);
                }
            }
        }

        private static string Shorten(string text) => text.Length <= 40 ? text : text.Substring(0, 40) + "…";

        private static object? Unwrap(object? value) => value is PSObject wrapped && !(wrapped.BaseObject is PSCustomObject) ? wrapped.BaseObject : value;

        private static bool IsBlank(object? value) => value == null || (value is string text && string.IsNullOrWhiteSpace(text));

        private static bool SameValue(object? a, object? b) =>
            a is string || b is string || a is ValueType || b is ValueType
                ? string.Equals(Convert.ToString(a, System.Globalization.CultureInfo.InvariantCulture)?.Trim(), Convert.ToString(b, System.Globalization.CultureInfo.InvariantCulture)?.Trim(), StringComparison.Ordinal)
                : ReferenceEquals(a, b);

        private sealed class Column
        {
            public Column(string? field, string? nearMiss, bool ignored)
            {
                Field = field;
                NearMiss = nearMiss;
                Ignored = ignored;
            }

            public string? Field { get; }

            public string? NearMiss { get; }

            public bool Ignored { get; }
        }
    }
}
