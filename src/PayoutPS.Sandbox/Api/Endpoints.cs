using System;
using System.Collections.Generic;
using PayoutPS.Sandbox.State;

namespace PayoutPS.Sandbox.Api
{
    /// <summary>Every provider path (spec §3) and the alias spellings of newer provider pages, to its handler.</summary>
    internal static class Endpoints
    {
        public static readonly IReadOnlyDictionary<string, Func<ApiRequest, SandboxState, ApiResult>> ByPath =
            new Dictionary<string, Func<ApiRequest, SandboxState, ApiResult>>(StringComparer.Ordinal)
            {
                ["/api/v1/acct/queryPaymentMethods"] = AccountEndpoints.PaymentMethods,
                ["/api/v1/acct/queryPaymentMethod"] = AccountEndpoints.PaymentMethods,
                ["/api/v1/acct/queryPaymentFeild"] = AccountEndpoints.PaymentFields,
                ["/api/v1/acct/queryAcctCurrency"] = AccountEndpoints.Balances,
                ["/api/v1/acct/queryCurrency"] = AccountEndpoints.Balances,
                ["/api/v1/acct/queryAcctDetail"] = AccountEndpoints.Ledger,
                ["/api/v1/acct/queryAccountDetail"] = AccountEndpoints.Ledger,
                ["/api/v1/acct/queryExchangeRate"] = AccountEndpoints.ExchangeRate,
                ["/api/v1/beneficiary/add"] = BeneficiaryEndpoints.Add,
                ["/api/v1/beneficiary/edit"] = BeneficiaryEndpoints.Edit,
                ["/api/v1/beneficiary/queryDetail"] = BeneficiaryEndpoints.Detail,
                ["/api/v1/beneficiary/queryList"] = BeneficiaryEndpoints.List,
                ["/api/v1/txn/remittance"] = TransactionEndpoints.RemitToPayee,
                ["/api/v2/txn/remittance"] = TransactionEndpoints.RemitInline,
                ["/api/v1/txn/queryList"] = TransactionEndpoints.List,
            };
    }
}
