namespace PayoutPS.Core.Signing
{
    internal static class Hex
    {
        private const string LowerDigits = "0123456789abcdef";

        public static string ToLower(byte[] bytes)
        {
            var chars = new char[bytes.Length * 2];
            for (var i = 0; i < bytes.Length; i++)
            {
                chars[2 * i] = LowerDigits[bytes[i] >> 4];
                chars[(2 * i) + 1] = LowerDigits[bytes[i] & 0xF];
            }

            return new string(chars);
        }

        public static bool IsHex(string text)
        {
            foreach (var c in text)
            {
                var isHex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
                if (!isHex)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
