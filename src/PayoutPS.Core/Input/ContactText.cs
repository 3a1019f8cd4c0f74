using System.Linq;

namespace PayoutPS.Core.Input
{
    /// <summary>
    /// An e-mail address or a phone number as a payee's contact: refused when it cannot be one (two addresses in one
    /// field, no domain, letters in a number), since the bank would reject the payout later, or reach no one.
    /// </summary>
    public static class ContactText
    {
        /// <summary>Throws <see cref="PayoutRequestException"/> naming <paramref name="field"/> when <paramref name="value"/> is given and is no e-mail address.</summary>
        public static void CheckEmail(string field, string? value)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return;
            }

            var text = value!.Trim();
            var at = text.IndexOf('@');
            var domain = at < 0 ? string.Empty : text.Substring(at + 1);
            if (at <= 0 || text.LastIndexOf('@') != at || domain.IndexOf('.') <= 0 || domain.EndsWith(".", System.StringComparison.Ordinal) || text.Any(c => char.IsWhiteSpace(c) || c == ',' || c == ';' || c == '<' || c == '>'))
            {
                throw new PayoutRequestException($"{field} '{value}' is not one e-mail address (name@example.com); give a single address, or leave {field} empty.", field);
            }
        }

        /// <summary>Throws <see cref="PayoutRequestException"/> naming <paramref name="field"/> when <paramref name="value"/> is given and is no phone number.</summary>
        public static void CheckPhone(string field, string? value)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return;
            }

            var text = value!.Trim();
            var digits = text.Count(char.IsDigit);
            var allowed = text.Select((c, i) => (c >= '0' && c <= '9') || c == ' ' || c == '-' || c == '.' || c == '(' || c == ')' || (c == '+' && i == 0)).All(ok => ok);
            if (!allowed || digits < 5 || digits > 15)
            {
                throw new PayoutRequestException($"{field} '{value}' is not a phone number: 5 to 15 digits, with an optional + and country code first, such as +49 30 1234567.", field);
            }
        }
    }
}
