using System.Management.Automation;
using PayoutPS.Core;
using PayoutPS.Core.Keys;
using PayoutPS.Core.Signing;
using PayoutPS.Internal;
using PayoutPS.Models;

namespace PayoutPS.Commands
{
    /// <summary>Checks the sign of a received callback or a captured request and says why it fails.</summary>
    [Cmdlet(VerbsDiagnostic.Test, "PayoutSignature", DefaultParameterSetName = ContextSet, HelpUri = Links.Readme)]
    [OutputType(typeof(PayoutSignatureResult), typeof(bool))]
    public sealed class TestPayoutSignatureCommand : SigningCmdletBase
    {
        private ISignatureVerifier? _verifier;

        /// <summary>The signed body: JSON text, a hashtable or a PSCustomObject.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [Alias("InputObject")]
        public object? Body { get; set; }

        /// <summary>Emit only $true or $false.</summary>
        [Parameter]
        public SwitchParameter Quiet { get; set; }

        /// <summary>Check with the provider's public key instead: it signs RSA merchants' notifications.</summary>
        [Parameter]
        public string? ProviderKeyPath { get; set; }

        protected override void BeginProcessing()
        {
            if (ProviderKeyPath != null)
            {
                _verifier = LoadProviderKey(ProviderKeyPath);
                return;
            }

            _verifier = LoadKey<ISignatureVerifier>(
                signer => signer,
                (text, passphrase, scheme) => KeyLoader.LoadVerifier(text, passphrase, scheme),
                (path, passphrase, scheme) => KeyLoader.LoadVerifierFromFile(path, passphrase, scheme));
        }

        protected override void ProcessRecord()
        {
            SignatureCheckResult result;
            try
            {
                result = SignatureCheck.Verify(PSInput.ToFields(Body), _verifier!, ExcludeField);
            }
            catch (PayoutRequestException ex)
            {
                WriteError(new ErrorRecord(ex, ErrorIds.InvalidRequest, ErrorCategory.InvalidData, null)); // the body may hold account numbers
                return;
            }

            WriteVerbose(result.Reason);
            WriteObject(Quiet ? (object)result.IsValid : new PayoutSignatureResult(result, _verifier!));
        }
    }
}
