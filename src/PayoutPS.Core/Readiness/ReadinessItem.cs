namespace PayoutPS.Core.Readiness
{
    public enum ReadinessStatus
    {
        Pass,
        Fail,

        /// <summary>Not checked here, with the reason in Detail (say, a scenario that would move real money).</summary>
        Skipped,
    }

    /// <summary>One line of the provider's pre-launch checklist, with what was seen and how to fix a failure.</summary>
    public sealed class ReadinessItem
    {
        public ReadinessItem(string check, ReadinessStatus status, string detail, string? fix = null)
        {
            Check = check;
            Status = status;
            Detail = detail;
            Fix = fix;
        }

        /// <summary>The checklist item (named Check, since an array's .Item is PowerShell's indexer).</summary>
        public string Check { get; }

        public ReadinessStatus Status { get; }

        public bool Passed => Status == ReadinessStatus.Pass;

        public string Detail { get; }

        public string? Fix { get; }
    }
}
