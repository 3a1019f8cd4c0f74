using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Management.Automation;
using PayoutPS.Core;

namespace PayoutPS.Internal
{
    /// <summary>
    /// A value piped to New-Payout that carries no payout field at all (a string, a number, a file, an array passed
    /// to -InputObject, an empty hashtable, $null): refused as what it is, with the likely fix, instead of the first
    /// field it happens to lack ("SourceCurrency '' must be…").
    /// </summary>
    internal static class NotARow
    {
        private static string HowToPipe(string command) =>
            $"{command} takes rows: Import-Csv payroll.csv | {command}, ConvertFrom-Csv, or objects or hashtables with its fields as columns (Get-Help {command} -Parameter *).";

        /// <summary>$null came down the pipeline (an empty variable, a command that returned nothing for one item).</summary>
        public static PayoutRequestException Null(string command) =>
            new PayoutRequestException($"The pipeline gave {command} $null, which is no row (an empty variable, or a command that returned nothing). " + HowToPipe(command), "InputObject");

        /// <summary>The refusal for a row none of whose <paramref name="columns"/> is a payout field.</summary>
        public static PayoutRequestException Of(string command, PSObject row, IReadOnlyCollection<string> columns)
        {
            PayoutRequestException Refuse(string what) => new PayoutRequestException($"The pipeline gave {command} " + what + HowToPipe(command), "InputObject");

            var value = row.BaseObject;
            switch (value)
            {
                case string text:
                    return Refuse($"a string ('{Shorten(text)}'), not a row: a CSV file's lines are read into rows by Import-Csv or ConvertFrom-Csv, or New-Payout -Path reads a file itself. ");
                case FileSystemInfo file:
                    return Refuse($"the file {file.FullName}, not its rows: read a CSV file with Import-Csv '{file.FullName}' | {command} (New-Payout also takes -Path '{file.FullName}'). ");
                case IDictionary dictionary when dictionary.Count == 0:
                    return Refuse("an empty hashtable: give its fields (@{ SendAmount = '10.00'; SourceCurrency = 'USD'; … }). ");
                case IDictionary _:
                case PSCustomObject _:
                    return Refuse($"a row none of whose columns ({string.Join(", ", columns.Take(6).Select(Shorten))}{(columns.Count > 6 ? ", …" : string.Empty)}) is a payout field: " +
                                  "check the file's header, and its delimiter (Import-Csv -Delimiter ';'). ");
                case IEnumerable list:
                    var count = list.Cast<object?>().Count();
                    return Refuse($"one list of {count} item(s) as a single value (-InputObject): pipe the list instead ($rows | {command}), so each item is a row. ");
                case IConvertible scalar:
                    return Refuse($"a {value.GetType().Name} ({Shorten(Convert.ToString(scalar, CultureInfo.InvariantCulture) ?? string.Empty)}), not a row. ");
                default:
                    return Refuse($"a {value.GetType().FullName}, which has no payout fields. ");
            }
        }

        private static string Shorten(string text) => text.Length <= 40 ? text : text.Substring(0, 40) + "…";
    }
}
