using System;
using System.Text.Json;
using PayoutPS.Core.Api;
using PayoutPS.Core.Redaction;

namespace PayoutPS.Core.Account
{
    /// <summary>
    /// A payee as the service keeps it (#8, #9). The account number is masked; the service's JSON, redacted, is
    /// on <see cref="Raw"/>. Only a PASS payee can be paid; its id pipes into New-Payout -BeneficiaryId.
    /// </summary>
    public sealed class Beneficiary
    {
        public string? BeneficiaryId { get; private set; }

        /// <summary>WAITING, PROCESS, REJECT, PASS, FAIL, UNNECESSARY, PENDING_UPDATE or DISABLE.</summary>
        public string? Status { get; private set; }

        public bool CanBePaid => Status == "PASS";

        /// <summary>The review status in words (spec §3.2): only Approved (PASS) can be paid.</summary>
        public string? StatusName => Status == null ? null : StatusNames.TryGetValue(Status, out var name) ? name : Status;

        private static readonly System.Collections.Generic.Dictionary<string, string> StatusNames = new System.Collections.Generic.Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["WAITING"] = "Waiting", ["PROCESS"] = "In review", ["REJECT"] = "Rejected", ["PASS"] = "Approved", ["FAIL"] = "Failed review",
            ["UNNECESSARY"] = "No review needed", ["PENDING_UPDATE"] = "Needs update", ["DISABLE"] = "Disabled",
        };

        /// <summary>Individual or Business.</summary>
        public string? PayeeType { get; private set; }

        public string? Name { get; private set; }

        /// <summary>The last four characters only.</summary>
        public string? Account { get; private set; }

        public string? PaymentMethod { get; private set; }

        public string? PayoutCurrency { get; private set; }

        public string? BankCountry { get; private set; }

        public DateTime? CreateTime { get; private set; }

        public DateTime? UpdateTime { get; private set; }

        /// <summary>Set when an add met an existing payee with the same account (14003): this is that payee.</summary>
        public bool WasDuplicate { get; internal set; }

        public string Raw { get; private set; } = "{}";

        internal static Beneficiary From(JsonElement item)
        {
            var entity = ApiEnvelope.Text(item, "entityType");
            var account = Nested(item, "accountInfomation", "cardNumber");
            return new Beneficiary
            {
                BeneficiaryId = ApiEnvelope.Text(item, "beneficiaryId"),
                Status = ApiEnvelope.Text(item, "payeeStatus"),
                PayeeType = entity == "0" ? "Business" : entity == "1" ? "Individual" : entity,
                Name = ApiEnvelope.Text(item, "payeeName") ?? NameOf(item, entity),
                Account = account == null ? null : Redactor.MaskAccount(account),
                PaymentMethod = ApiEnvelope.Text(item, "paymentMethod"),
                PayoutCurrency = ApiEnvelope.Text(item, "payoutCurrency"),
                BankCountry = ApiEnvelope.Text(item, "bankCountry"),
                CreateTime = Money.Time(ApiEnvelope.Text(item, "createTime")),
                UpdateTime = Money.Time(ApiEnvelope.Text(item, "updateTime")),
                Raw = Redactor.RedactBody(item.GetRawText()),
            };
        }

        private static string? NameOf(JsonElement item, string? entity) => entity == "0"
            ? Nested(item, "receiverInfo", "companyName")
            : (Nested(item, "receiverInfo", "firstName") + " " + Nested(item, "receiverInfo", "lastName")).Trim();

        /// <summary>A field of a nested object the API sends as JSON text (or, leniently, as an object).</summary>
        private static string? Nested(JsonElement item, string parent, string name)
        {
            if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty(parent, out var value))
            {
                return null;
            }

            if (value.ValueKind == JsonValueKind.String)
            {
                try
                {
                    using (var document = JsonDocument.Parse(value.GetString() ?? "{}"))
                    {
                        return ApiEnvelope.Text(document.RootElement, name);
                    }
                }
                catch (JsonException)
                {
                    return null;
                }
            }

            return ApiEnvelope.Text(value, name);
        }
    }
}
