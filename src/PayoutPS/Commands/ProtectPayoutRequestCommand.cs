using System;
using System.Management.Automation;
using PayoutPS.Core;
using PayoutPS.Core.Keys;
using PayoutPS.Core.Signing;
using PayoutPS.Internal;
using PayoutPS.Models;

namespace PayoutPS.Commands
{
    /// <summary>Signs a request body without sending it, for debugging or for calling the API with other tools.</summary>
    [Cmdlet(VerbsSecurity.Protect, "PayoutRequest", DefaultParameterSetName = ContextSet, HelpUri = Links.Readme)]
    [OutputType(typeof(PayoutSignedRequest), typeof(string))]
    public sealed class ProtectPayoutRequestCommand : SigningCmdletBase
    {
        private RequestSigner? _signer;

        /// <summary>A hashtable, ordered dictionary, PSCustomObject or JSON string.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [Alias("Body", "Request")]
        public object? InputObject { get; set; }

        /// <summary>Added as merchantNo when the request has none (default: the credential's user name or the context's merchant).</summary>
        [Parameter]
        [ValidatePattern("^[0-9A-Za-z]{1,32}$")]
        public string? MerchantNo { get; set; }

        /// <summary>The full URL, carried into RestParameters so the result splats into Invoke-RestMethod.</summary>
        [Parameter]
        public Uri? Uri { get; set; }

        /// <summary>Emit only the signed JSON body.</summary>
        [Parameter]
        public SwitchParameter AsJson { get; set; }

        protected override void BeginProcessing()
        {
            _signer = LoadKey(
                signer => signer,
                (text, passphrase, scheme) => KeyLoader.LoadSigner(text, passphrase, scheme),
                (path, passphrase, scheme) => KeyLoader.LoadSignerFromFile(path, passphrase, scheme));
        }

        protected override void ProcessRecord()
        {
            SignedRequest signed;
            try
            {
                var fields = RequestFields.WithDefault(PSInput.ToFields(InputObject), "merchantNo", MerchantNo ?? ImpliedMerchantNo);
                signed = RequestSigning.Sign(fields, _signer!, ExcludeField);
            }
            catch (PayoutRequestException ex)
            {
                WriteError(new ErrorRecord(ex, ErrorIds.InvalidRequest, ErrorCategory.InvalidData, null)); // the body may hold account numbers
                return;
            }

            WriteVerbose($"Signed {signed.Fields.Count} fields with {signed.Algorithm}.");
            if (AsJson)
            {
                WriteObject(signed.Body);
            }
            else
            {
                WriteObject(new PayoutSignedRequest(signed, Uri?.AbsoluteUri));
            }
        }
    }
}
