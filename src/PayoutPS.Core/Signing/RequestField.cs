namespace PayoutPS.Core.Signing
{
    /// <summary>One top-level request field, with its value exactly as it is sent and signed.</summary>
    public readonly struct RequestField
    {
        public RequestField(string name, string? value)
        {
            Name = name;
            Value = value;
        }

        public string Name { get; }

        /// <summary>The wire text; null means "absent" and is neither signed nor sent.</summary>
        public string? Value { get; }
    }
}
