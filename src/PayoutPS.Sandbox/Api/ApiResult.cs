namespace PayoutPS.Sandbox.Api
{
    /// <summary>Response codes of spec §6 ([SANDBOX] table).</summary>
    internal static class RespCodes
    {
        public const string Success = "20000";
        public const string SystemError = "11001";
        public const string MerchantUnknown = "12004";
        public const string InvalidParameter = "13001";
        public const string SignatureFailed = "13002";
        public const string DuplicateRequest = "13003";
        public const string InsufficientBalance = "14001";
        public const string PayeeNotApproved = "14002";
        public const string DuplicatePayee = "14003";
        public const string NotFound = "14004";
    }

    /// <summary>The envelope every endpoint answers with: respCode, respMsg, data.</summary>
    internal sealed class ApiResult
    {
        private ApiResult(string respCode, string respMsg, object? data)
        {
            RespCode = respCode;
            RespMsg = respMsg;
            Data = data;
        }

        public string RespCode { get; }

        public string RespMsg { get; }

        public object? Data { get; }

        public static ApiResult Ok(object? data) => new ApiResult(RespCodes.Success, "Success", data);

        public static ApiResult Fail(string respCode, string respMsg, object? data = null) => new ApiResult(respCode, respMsg, data);

        public static ApiResult Invalid(string respMsg) => new ApiResult(RespCodes.InvalidParameter, respMsg, null);
    }
}
