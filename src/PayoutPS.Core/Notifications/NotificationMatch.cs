using System;
using System.Globalization;
using System.IO;
using System.Text.RegularExpressions;
using PayoutPS.Core.Batch;
using PayoutPS.Core.Payouts;

namespace PayoutPS.Core.Notifications
{
    /// <summary>
    /// A valid signature proves who sent a notification, not which row it is about: the provider's canonical
    /// string has no separators, so "INV-4" + "2.50" signs the same as "INV-42" + ".50". Before a notification
    /// touches a journal's row, its fields must have their documented shape and agree with what the journal
    /// recorded for that row.
    /// </summary>
    public static class NotificationMatch
    {
        private static readonly Regex Amount = new Regex(@"^(0|[1-9][0-9]{0,15})(\.[0-9]{1,3})?$", RegexOptions.CultureInvariant);
        private static readonly Regex PayoutId = new Regex("^[0-9]{19}$", RegexOptions.CultureInvariant);
        private static readonly Regex Currency = new Regex("^[A-Z]{3}$", RegexOptions.CultureInvariant);

        /// <summary>Null when <paramref name="notification"/> may update its row of the journal at <paramref name="journalPath"/>; otherwise why not.</summary>
        public static string? Problem(PayoutNotification notification, string journalPath, string merchant)
        {
            var shape = ShapeProblem(notification);
            if (shape != null)
            {
                return shape;
            }

            if (!File.Exists(journalPath))
            {
                return $"journal {journalPath} does not exist (a mistyped -Journal?)";
            }

            var row = Find(journalPath, notification.RequestId!, out var header);
            if (!string.Equals(header.Merchant, merchant, StringComparison.Ordinal))
            {
                return $"journal {journalPath} belongs to merchant {header.Merchant}, not {merchant}";
            }

            if (row == null)
            {
                return $"requestId {notification.RequestId} is not a row of journal {journalPath}";
            }

            if (row.PayoutId != null && row.PayoutId != notification.PayoutId)
            {
                return $"the journal recorded row {row.Row} (requestId {row.RequestId}) as payout {row.PayoutId}, not {notification.PayoutId}";
            }

            var mismatch = Disagree("sourceAmount", notification.SourceAmount, notification.SourceCurrency, row.SourceAmount, row.SourceCurrency)
                           ?? Disagree("targetAmount", notification.TargetAmount, notification.TargetCurrency, row.TargetAmount, row.TargetCurrency);
            if (mismatch == null && !MoneyText.Same(notification.SourceAmount, notification.SourceCurrency, row.Amount, row.Currency)
                && !MoneyText.Same(notification.TargetAmount, notification.TargetCurrency, row.Amount, row.Currency)
                && (notification.SourceAmount != null || notification.TargetAmount != null))
            {
                mismatch = $"neither its sourceAmount nor its targetAmount is the {row.Amount} {row.Currency} row {row.Row} was sent with";
            }

            return mismatch == null ? null : $"{mismatch} (row {row.Row}, requestId {row.RequestId})";
        }

        private static string? ShapeProblem(PayoutNotification n)
        {
            if (n.RequestId == null || n.RequestId.Length > 32 || n.RequestId.Trim() != n.RequestId)
            {
                return $"requestId '{n.RequestId}' is not a requestId (at most 32 characters, no spaces at either end)";
            }

            if (n.PayoutId == null || !PayoutId.IsMatch(n.PayoutId))
            {
                return $"payoutId '{n.PayoutId}' is not a payout id (19 digits)";
            }

            foreach (var (name, value) in new[] { ("sourceAmount", n.SourceAmount), ("targetAmount", n.TargetAmount), ("fee", n.Fee) })
            {
                if (value != null && !Amount.IsMatch(value))
                {
                    return $"{name} '{value}' is not an amount in canonical form (digits, at most one '.', no leading zeros)";
                }
            }

            foreach (var (name, value) in new[] { ("sourceCurrency", n.SourceCurrency), ("targetCurrency", n.TargetCurrency) })
            {
                if (value != null && !Currency.IsMatch(value))
                {
                    return $"{name} '{value}' is not an ISO 4217 currency code";
                }
            }

            return null;
        }

        /// <summary>The row filed under <paramref name="requestId"/>, as the journal last recorded it; null when none.</summary>
        private static BatchRowState? Find(string journalPath, string requestId, out JournalHeader header)
        {
            var rows = JournalRows.Open(journalPath, requestId); // one row's records, not the whole batch read back
            header = rows.Header;
            foreach (var row in rows.Rows())
            {
                if (string.Equals(row.RequestId, requestId, StringComparison.Ordinal) && row.Outcome != RowOutcome.Invalid && row.Outcome != RowOutcome.Held)
                {
                    return row;
                }
            }

            return null;
        }

        private static string? Disagree(string name, string? amount, string? currency, string? recordedAmount, string? recordedCurrency)
        {
            if (amount == null || recordedAmount == null)
            {
                return null;
            }

            return MoneyText.Same(amount, currency, recordedAmount, recordedCurrency) ? null : $"{name} {amount} {currency} differs from the journal's {recordedAmount} {recordedCurrency}";
        }
    }
}
