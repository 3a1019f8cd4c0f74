using System;
using PayoutPS.Core.Payouts;

namespace PayoutPS.Core.Batch
{
    /// <summary>How a <see cref="BatchRunner"/> treats its rows, beyond what the <see cref="BatchRun"/> decides.</summary>
    public sealed class BatchRunnerOptions
    {
        /// <summary>-ValidateOnly: every row is checked and keyed, none is sent.</summary>
        public bool CheckOnly { get; set; }

        /// <summary>How many rows the input has when known (a file), so a run that stops can say how many it never tried.</summary>
        public int? ExpectedRows { get; set; }

        /// <summary>The input file, named when it holds no rows; null for piped rows.</summary>
        public string? InputName { get; set; }

        /// <summary>A check of each row with the service before it is admitted (-CheckCorridor); throws to refuse the row.</summary>
        public Action<RemittanceRequest>? CheckRow { get; set; }

        /// <summary>How long requests still out after a stop are given to answer: the transport's timeout and a little more.</summary>
        public TimeSpan StopGrace { get; set; } = TimeSpan.FromSeconds(35);
    }
}
