namespace PayoutPS.Core.Batch
{
    /// <summary>Where a row's RequestId comes from when the row has none.</summary>
    public enum RequestIdSource
    {
        /// <summary>Refused: without a journal a rerun would not find the payout.</summary>
        Required,

        /// <summary>
        /// Derived from the batch's seed (the merchant and -BatchId, else the journal's own id), the content and its
        /// occurrence: a rerun finds the same ids (with -BatchId, any journal on any machine does).
        /// </summary>
        Derived,

        /// <summary>Random (-GenerateRequestId): the caller must keep them.</summary>
        Random,

        /// <summary>A placeholder: the run only checks rows (-ValidateOnly, -WhatIf); the run that sends keys them.</summary>
        Placeholder,
    }
}
