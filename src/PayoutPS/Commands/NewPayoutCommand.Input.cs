using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using PayoutPS.Core;
using PayoutPS.Core.Account;
using PayoutPS.Core.Batch;
using PayoutPS.Internal;

namespace PayoutPS.Commands
{
    /// <summary>
    /// New-Payout -Path: the file is read as a whole before anything is sent (a wrong encoding or shape sends
    /// nothing), fingerprinted for the journal, and a new batch starts only when the balances cover it.
    /// </summary>
    public sealed partial class NewPayoutCommand
    {
        /// <summary>-Path: checked to decode as a whole before anything is sent (a wrong encoding or shape sends nothing), and fingerprinted for the journal.</summary>
        private InputFile OpenInput(bool balanceCheck)
        {
            var full = string.IsNullOrWhiteSpace(Path) ? string.Empty : SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
            _cost = balanceCheck ? new BatchCost() : null;
            try
            {
                RefuseWildcard(full);
                var file = InputFile.Open(full, Encoding, Delimiter, Mapper, CommandLine, _cost, out var rows);
                _progress!.Total = rows;
                WriteVerbose($"{full}: {rows} row(s), {file.Csv.BlankLines} blank line(s) skipped.");
                return file;
            }
            catch (Exception ex) when (ex is PayoutRequestException || ex is IOException || ex is ArgumentException || ex is NotSupportedException)
            {
                Terminate(new ErrorRecord(ex, ErrorIds.InvalidRequest, ErrorCategory.InvalidData, full), PayoutBatchSummary.ExitInvalidInput);
                throw; // not reached
            }
        }

        /// <summary>-Path is one file: a wildcard that matches files (and no file of that very name) is named with what it matched.</summary>
        private void RefuseWildcard(string full)
        {
            if (File.Exists(full) || !WildcardPattern.ContainsWildcardCharacters(Path))
            {
                return;
            }

            List<string> matched;
            try
            {
                matched = SessionState.Path.GetResolvedProviderPathFromPSPath(Path, out _).Select(p => System.IO.Path.GetFileName(p) ?? p).ToList();
            }
            catch (ItemNotFoundException)
            {
                return; // matches nothing: "no such file", said by the read
            }

            throw new PayoutRequestException($"-Path {Path} matches {matched.Count} file(s) ({string.Join(", ", matched.Take(5))}{(matched.Count > 5 ? ", …" : string.Empty)}); -Path takes one file. " +
                                             $"Pay each on its own: Get-ChildItem {Path} | ForEach-Object {{ New-Payout -Path $_.FullName -Journal \"$($_.FullName).journal\" }}.", "Path");
        }

        /// <summary>
        /// A new batch from a file starts only when every currency's balance covers the file (Measure-PayoutBatch's
        /// figures): a payroll paid until the money runs out is the worst ending.
        /// </summary>
        private void CheckBalance(BatchCost cost)
        {
            var costs = EndsRunOnError(PayoutBatchSummary.ExitConfiguration, "the balances could not be checked",
                () => Await((log, token) => cost.PriceAsync(new AccountApi(_context!.Client.Transport), log, token)));
            foreach (var pair in cost.UnpricedPairs)
            {
                WriteWarning($"No rate for {pair}; the rows of that pair are not in the balance check (Measure-PayoutBatch shows them as UnpricedRows).");
            }

            var shortOf = costs.Where(c => c.Shortfall > 0).Select(c => c.Describe()).ToList();
            if (shortOf.Count > 0)
            {
                Terminate(new ErrorRecord(new InvalidOperationException(
                    $"{_file!.FullPath} needs more than the balance holds ({string.Join("; ", shortOf)}). Nothing was sent. " +
                    "Top the balance up or split the file; Measure-PayoutBatch shows the figures. -SkipBalanceCheck pays rows until the balance runs out."),
                    ErrorIds.InsufficientBalance, ErrorCategory.LimitsExceeded, _file!.FullPath), PayoutBatchSummary.ExitConfiguration);
            }

            WriteVerbose("Balance check: " + string.Join("; ", costs.Select(c => c.Describe() + $" ({c.Estimate})")) + ".");
        }
    }
}
