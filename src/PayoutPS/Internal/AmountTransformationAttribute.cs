using System;
using System.Management.Automation;
using PayoutPS.Core;
using PayoutPS.Core.Input;

namespace PayoutPS.Internal
{
    /// <summary>
    /// Keeps amounts exact at binding time: strings pass through for the culture-safe check, integers and
    /// decimals become invariant text, and a double becomes its shortest round-trip text. So a typed 12.5 is
    /// "12.5" (sent as 12.50), while a computed 0.1 + 0.2 is "0.30000000000000004", which the currency's
    /// decimal rule refuses: binary floating point never silently becomes money.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property)]
    public sealed class AmountTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            try
            {
                return InputValue.ToText(inputData is PSObject wrapped ? wrapped.BaseObject : inputData, "The amount");
            }
            catch (PayoutRequestException ex)
            {
                throw new ArgumentTransformationMetadataException(ex.Message);
            }
        }
    }
}
