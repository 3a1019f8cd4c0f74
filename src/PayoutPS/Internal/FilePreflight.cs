using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using PayoutPS.Core;
using PayoutPS.Core.Batch;

namespace PayoutPS.Internal
{
    /// <summary>
    /// New-Payout -Path before its first payout: the file read as a whole and fingerprinted (a wrong encoding or shape
    /// sends nothing), and a new batch started only when every currency's balance covers it, by Measure-PayoutBatch's
    /// figures: a payroll paid until the money runs out is the worst ending. Refusals are <see cref="RunRefusedException"/>s.
    /// </summary>
    internal static class FilePreflight
    {
        /// <summary>The file read and fingerprinted, its rows counted; totalled into <paramref name="cost"/> in the same pass when given.</summary>
        /// <param name="sends">A run that pays: a pain.001 is then checked row by row first, and paid whole or not at all (checking alone reports every row anyway).</param>
        public static InputFile Open(PSCmdlet cmdlet, string? path, string? encoding, char delimiter, RowMapper mapper,
            IReadOnlyDictionary<string, object?> commandLine, BatchCost? cost, bool sends, out int rows)
        {
            try
            {
                var file = InputFile.Open(InputFile.Resolve(cmdlet.SessionState.Path, path), encoding, delimiter, mapper, commandLine, cost, out rows);
                cmdlet.WriteVerbose($"{file.FullPath}: {rows} row(s), {file.Source.BlankLines} blank line(s) skipped.");
                if (sends)
                {
                    RefuseInvalidPain001(file, mapper, rows);
                }

                return file;
            }
            catch (Exception ex) when (ex is PayoutRequestException || ex is IOException || ex is ArgumentException || ex is NotSupportedException)
            {
                throw new RunRefusedException(new ErrorRecord(ex, ErrorIds.InvalidRequest, ErrorCategory.InvalidData, path), PayoutBatchSummary.ExitInvalidInput);
            }
        }

        /// <summary>An ERP's pain.001 is paid whole or not at all: every transaction is checked by the row rules before the first is sent (exit 2).</summary>
        private static void RefuseInvalidPain001(InputFile file, RowMapper mapper, int rows)
        {
            if (!(file.Source is Core.Iso20022.Pain001File))
            {
                return;
            }

            if (FileRowCheck.Refusal(file, mapper, rows, "transaction") is string refused)
            {
                file.Dispose();
                throw new RunRefusedException(new ErrorRecord(new PayoutRequestException(
                    $"{file.FullPath} cannot be paid as it is: {refused}. " +
                    "Nothing was sent: an ERP file is paid whole or not at all; fix it at its source and export it again.", "Path"), ErrorIds.InvalidRequest, ErrorCategory.InvalidData, file.FullPath), PayoutBatchSummary.ExitInvalidInput);
            }
        }

        /// <summary>Warns of pairs without a rate, and refuses (exit 3) a file that some currency's balance does not cover.</summary>
        public static void CheckBalance(Cmdlet cmdlet, BatchCost cost, IReadOnlyList<PayoutBatchCost> costs, string file)
        {
            foreach (var pair in cost.UnpricedPairs)
            {
                cmdlet.WriteWarning($"No rate for {pair}; the rows of that pair are not in the balance check (Measure-PayoutBatch shows them as UnpricedRows).");
            }

            if (BatchCost.ShortOf(costs, file) is string shortOf)
            {
                throw new RunRefusedException(new ErrorRecord(new InvalidOperationException(shortOf), ErrorIds.InsufficientBalance, ErrorCategory.LimitsExceeded, file),
                    PayoutBatchSummary.ExitConfiguration);
            }

            cmdlet.WriteVerbose("Balance check: " + string.Join("; ", costs.Select(c => c.Describe() + $" ({c.Estimate})")) + ".");
        }
    }
}
