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
            _cost = balanceCheck ? new BatchCost() : null;
            try
            {
                var file = InputFile.Open(InputFile.Resolve(SessionState.Path, Path), Encoding, Delimiter, Mapper, CommandLine, _cost, out var rows);
                _progress!.Total = rows;
                WriteVerbose($"{file.FullPath}: {rows} row(s), {file.Csv.BlankLines} blank line(s) skipped.");
                return file;
            }
            catch (Exception ex) when (ex is PayoutRequestException || ex is IOException || ex is ArgumentException || ex is NotSupportedException)
            {
                Terminate(new ErrorRecord(ex, ErrorIds.InvalidRequest, ErrorCategory.InvalidData, Path), PayoutBatchSummary.ExitInvalidInput);
                throw; // not reached
            }
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

            if (BatchCost.ShortOf(costs, _file!.FullPath) is string shortOf)
            {
                Terminate(new ErrorRecord(new InvalidOperationException(shortOf), ErrorIds.InsufficientBalance, ErrorCategory.LimitsExceeded, _file.FullPath), PayoutBatchSummary.ExitConfiguration);
            }

            WriteVerbose("Balance check: " + string.Join("; ", costs.Select(c => c.Describe() + $" ({c.Estimate})")) + ".");
        }
    }
}
