using System;
using System.Collections.Generic;
using PayoutPS.Core.Payouts;

namespace PayoutPS.Core.Input
{
    /// <summary>
    /// Turns one payout as the operator wrote it (field name → value, from parameters or a CSV row) into a
    /// <see cref="RemittanceRequest"/>. Empty cells mean "not given". Every text is checked; nothing is
    /// dropped silently: an inline payee next to a BeneficiaryId is refused, not ignored.
    /// </summary>
    public static class PayoutInput
    {
        /// <summary>The fields that describe an inline payee; any of them means "this row pays an inline payee".</summary>
        public static readonly IReadOnlyList<string> PayeeFields = new[]
        {
            "PayeeType", "FirstName", "LastName", "CompanyName", "AccountNumber", "BankName", "SwiftCode", "BankCountry",
            "PaymentMethod", "Country", "State", "City", "AddressLine1", "PostalCode", "Email", "Phone", "WalletType", "WalletPhone", "PayeeDetail",
        };

        public static RemittanceRequest ToRemittance(IReadOnlyDictionary<string, object?> values)
        {
            var row = new Reader(values);
            var (send, receive) = Amounts(row);
            var source = row.Upper("SourceCurrency");
            var request = new RemittanceRequest
            {
                RequestId = row.Text("RequestId") ?? string.Empty,
                BeneficiaryId = row.Text("BeneficiaryId"),
                SourceCurrency = source ?? string.Empty,
                TargetCurrency = row.Upper("TargetCurrency") ?? source ?? string.Empty,
                SendAmount = send,
                ReceiveAmount = receive,
                Purpose = row.Text("Purpose"),
                Reference = row.Text("Reference"),
                FeeBearing = row.Upper("FeeBearing"),
                PayerId = row.Text("PayerId"),
                PayerDetail = row.Has("PayerDetail") ? ToObjects(DetailInput.Flat(values["PayerDetail"]!, "PayerDetail")) : null,
            };

            var payeeFields = new List<string>();
            foreach (var field in PayeeFields)
            {
                if (row.Has(field))
                {
                    payeeFields.Add(field);
                }
            }

            if (request.BeneficiaryId != null && payeeFields.Count > 0)
            {
                throw new PayoutRequestException(
                    $"BeneficiaryId pays an approved payee, but this payout also gives an inline payee ({string.Join(", ", payeeFields)}); " +
                    "give -BeneficiaryId or the inline payee, not both.", "BeneficiaryId");
            }

            if (request.BeneficiaryId == null)
            {
                request.Payee = ToPayee(values);
            }

            return request;
        }

        private static (string? Send, string? Receive) Amounts(Reader row)
        {
            var send = row.Text("SendAmount");
            var receive = row.Text("ReceiveAmount");
            var amount = row.Text("Amount");
            var flag = row.Upper("ChargeFlag");
            if (flag != null && flag != "N" && flag != "Y")
            {
                throw new PayoutRequestException($"ChargeFlag '{flag}' must be N (the amount leaves your balance) or Y (the amount arrives).", "ChargeFlag");
            }

            if (amount != null)
            {
                if (flag == null)
                {
                    throw new PayoutRequestException("Amount needs -ChargeFlag N or Y; or use -SendAmount (what leaves your balance) or -ReceiveAmount (what arrives).", "ChargeFlag");
                }

                if (send != null || receive != null)
                {
                    throw new PayoutRequestException("Amount with -ChargeFlag is another way to give SendAmount or ReceiveAmount; give only one amount.", "Amount");
                }

                return flag == "Y" ? (null, amount) : (amount, null);
            }

            if ((flag == "Y" && send != null && receive == null) || (flag == "N" && receive != null && send == null))
            {
                throw new PayoutRequestException(
                    $"ChargeFlag {flag} contradicts the amount given: N goes with SendAmount/sourceAmount, Y with ReceiveAmount/targetAmount.", "ChargeFlag");
            }

            return (send, receive);
        }

        /// <summary>The payee a row describes (inline in a payout, or to add as a beneficiary); checked later by <see cref="PayeeDetails.Check"/>.</summary>
        public static PayeeDetails ToPayee(IReadOnlyDictionary<string, object?> values)
        {
            var row = new Reader(values);
            var payee = new PayeeDetails
            {
                EntityType = EntityTypes.Code(row.Text("PayeeType") ?? "Individual"),
                PaymentMethod = row.Upper("PaymentMethod") ?? "BANK_TRANSFER",
                BankCountry = row.Upper("BankCountry"),
            };
            Put(payee.ReceiverInfo, "firstName", row.Text("FirstName"));
            Put(payee.ReceiverInfo, "lastName", row.Text("LastName"));
            Put(payee.ReceiverInfo, "companyName", row.Text("CompanyName"));
            ContactText.CheckEmail("Email", row.Text("Email"));
            ContactText.CheckPhone("Phone", row.Text("Phone"));
            ContactText.CheckPhone("WalletPhone", row.Text("WalletPhone"));
            Put(payee.ReceiverInfo, "email", row.Text("Email"));
            Put(payee.ReceiverInfo, "phone", row.Text("Phone"));
            Put(payee.Address, "countryCode", row.Upper("Country"));
            Put(payee.Address, "state", row.Text("State"));
            Put(payee.Address, "city", row.Text("City"));
            Put(payee.Address, "addressLine1", row.Text("AddressLine1"));
            Put(payee.Address, "postalCode", row.Text("PostalCode"));
            Put(payee.Account, "cardNumber", row.Text("AccountNumber"));
            Put(payee.Account, "bankName", row.Text("BankName"));
            Put(payee.Account, "swiftCode", row.Upper("SwiftCode"));
            Put(payee.Account, "walletType", row.Text("WalletType"));
            Put(payee.Account, "walletPhone", row.Text("WalletPhone"));
            if (row.Has("PayeeDetail"))
            {
                var parts = DetailInput.Payee(values["PayeeDetail"]!, "PayeeDetail");
                Merge(payee.ReceiverInfo, parts, "receiverInfo");
                Merge(payee.Address, parts, "address");
                Merge(payee.Account, parts, "accountInfomation");
            }

            return payee;
        }

        private static void Merge(IDictionary<string, string?> target, Dictionary<string, SortedDictionary<string, string>> parts, string part)
        {
            if (parts.TryGetValue(part, out var values))
            {
                foreach (var pair in values)
                {
                    target[pair.Key] = pair.Value;
                }
            }
        }

        private static void Put(IDictionary<string, string?> values, string name, string? value)
        {
            if (value != null)
            {
                values[name] = value;
            }
        }

        private static Dictionary<string, object?> ToObjects(SortedDictionary<string, string> values)
        {
            var result = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var pair in values)
            {
                result[pair.Key] = pair.Value;
            }

            return result;
        }

        /// <summary>Reads single values as trimmed, checked text; blank means absent.</summary>
        private sealed class Reader
        {
            private readonly IReadOnlyDictionary<string, object?> _values;

            public Reader(IReadOnlyDictionary<string, object?> values) => _values = values;

            public bool Has(string field) => _values.TryGetValue(field, out var value) && value != null && !(value is string text && string.IsNullOrWhiteSpace(text));

            public string? Text(string field)
            {
                if (!_values.TryGetValue(field, out var value))
                {
                    return null;
                }

                var text = InputValue.ToText(value, field);
                if (string.IsNullOrWhiteSpace(text))
                {
                    return null;
                }

                return InputValue.Clean(field, text!);
            }

            public string? Upper(string field) => Text(field)?.ToUpperInvariant();
        }
    }
}
