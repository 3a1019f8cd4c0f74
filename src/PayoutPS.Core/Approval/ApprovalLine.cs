namespace PayoutPS.Core.Approval
{
    /// <summary>
    /// One line of an approvals file: its approval (null when the line cannot be read) and what is wrong with it, as
    /// read (<see cref="ApprovalFile.Read"/>) or as a policy judged it (<see cref="ApprovalPolicy.Check"/>).
    /// </summary>
    public sealed class ApprovalLine
    {
        public ApprovalLine(int line, BatchApproval? approval, string? problem)
        {
            Line = line;
            Approval = approval;
            Problem = problem;
        }

        public int Line { get; }

        public BatchApproval? Approval { get; }

        public string? Problem { get; }

        public bool IsValid => Problem == null;

        /// <summary>"line 2 (CN=Bob)".</summary>
        public string Name => Approval == null ? $"line {Line}" : $"line {Line} ({Approval.Approver})";

        /// <summary>How the journal records an approval a run relied on.</summary>
        public string Record => $"{Approval!.Approver} ({Approval.Thumbprint}), signed {BatchApproval.Time(Approval.SignedUtc)}";
    }
}
