namespace PayoutPS.Internal
{
    /// <summary>Where the module's documentation lives (Get-Help -Online opens it): the README, as the module manifest's ProjectUri.</summary>
    internal static class Links
    {
        public const string Readme = "https://github.com/PayoutPS/PayoutPS#readme";
    }
}
