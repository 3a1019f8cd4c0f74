using System.Runtime.CompilerServices;

namespace PayoutPS.Core.Signing
{
    /// <summary>Constant-time comparison, so a verifier does not leak how many leading characters matched.</summary>
    internal static class FixedTime
    {
        [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.NoOptimization)]
        public static bool Equal(string a, string b)
        {
            if (a.Length != b.Length)
            {
                return false;
            }

            var difference = 0;
            for (var i = 0; i < a.Length; i++)
            {
                difference |= a[i] ^ b[i];
            }

            return difference == 0;
        }
    }
}
