using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PayoutPS.Core;
using PayoutPS.Core.Account;
using PayoutPS.Core.Batch;
using PayoutPS.Core.Input;
using PayoutPS.Internal;

namespace PayoutPS.Commands
{
    /// <summary>
    /// Pre-flight: what a batch will take from each source currency's balance, against what is available now,
    /// before the first row leaves. Reads a file (-Path, New-Payout's reading rules) or piped rows, asks for the
    /// balances and one quote per currency pair, and sends no payout.
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Measure, "PayoutBatch", DefaultParameterSetName = PipelineSet, HelpUri = Links.Readme)]
    [OutputType(typeof(PayoutBatchCost))]
    public sealed class MeasurePayoutBatchCommand : PayoutCmdletBase
    {
        private const string PipelineSet = "Pipeline";
        private const string PathSet = "Path";
        private static readonly IReadOnlyDictionary<string, object?> NoCommandLine = new Dictionary<string, object?>();
        private RowMapper? _mapper;
        private BatchCost? _cost;
        private int _rows;

        /// <summary>The CSV file, read as New-Payout -Path reads it.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet)]
        public string Path { get; set; } = string.Empty;

        /// <summary>The file's encoding when it is not UTF-8, such as 1252.</summary>
        [Parameter(ParameterSetName = PathSet)]
        public string? Encoding { get; set; }

        [Parameter(ParameterSetName = PathSet)]
        public char Delimiter { get; set; } = ',';

        /// <summary>Rows as New-Payout takes them (Import-Csv output, hashtables, objects).</summary>
        [Parameter(ValueFromPipeline = true, ParameterSetName = PipelineSet)]
        public PSObject? InputObject { get; set; }

        /// <summary>The fee estimated for rows given as a receive amount, as a share of the converted amount (0.02 = 2 %).</summary>
        [Parameter]
        [ValidateRange(0.0, 1.0)]
        public decimal FeeRate { get; set; } = BatchCost.DefaultFeeRate;

        /// <summary>Columns of your own that are close to a payout field's name.</summary>
        [Parameter]
        public string[]? IgnoreColumn { get; set; }

        protected override void BeginProcessing()
        {
            _mapper = new RowMapper(typeof(NewPayoutCommand), IgnoreColumn);
            _cost = new BatchCost(FeeRate);
        }

        protected override void ProcessRecord()
        {
            if (InputObject == null)
            {
                return;
            }

            _rows++;
            try
            {
                BatchCosting.Add(_cost!, _rows, _mapper!.Map(InputObject, NoCommandLine, new List<string>()));
            }
            catch (PayoutRequestException ex)
            {
                _cost!.Unprice(_rows, ex.Message);
            }
        }

        protected override void EndProcessing()
        {
            if (ParameterSetName == PathSet)
            {
                _cost = ReadFile();
            }

            var context = RequireContext();
            var cost = _cost!;
            var costs = Await((log, token) => cost.PriceAsync(new AccountApi(context.Client.Transport), log, token));
            foreach (var (row, reason) in cost.Unpriced)
            {
                WriteWarning($"Row {row} is not in the totals: {reason}. New-Payout would refuse it.");
            }

            foreach (var pair in cost.UnpricedPairs)
            {
                WriteWarning($"No rate for {pair}; rows of that pair are not in the totals (UnpricedRows).");
            }

            foreach (var currency in costs)
            {
                if (currency.Shortfall > 0)
                {
                    WriteWarning($"The batch needs more than the balance holds: {currency.Describe()}.");
                }

                WriteObject(currency);
            }
        }

        private BatchCost ReadFile()
        {
            var full = Path;
            try
            {
                full = InputFile.Resolve(SessionState.Path, Path); // one file, as New-Payout -Path reads it
                var cost = new BatchCost(FeeRate);
                InputFile.Read(full, Encoding, Delimiter, _mapper!, NoCommandLine, cost).Source.Dispose(); // a wrong encoding or shape is refused, as New-Payout would
                return cost;
            }
            catch (System.Exception ex) when (ex is PayoutRequestException || ex is System.IO.IOException || ex is System.ArgumentException || ex is System.NotSupportedException)
            {
                ThrowTerminatingError(new ErrorRecord(ex, ErrorIds.InvalidRequest, ErrorCategory.InvalidData, full));
                throw; // not reached
            }
        }
    }
}
