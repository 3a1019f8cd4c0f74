using System;
using System.Globalization;
using System.Management.Automation;
using System.Reflection;

namespace PayoutPS.Internal
{
    /// <summary>
    /// Keeps amounts exact at binding time: strings pass through for the culture-safe check, integers and
    /// decimals become invariant text, and binary floating point is refused (a computed 0.1 + 0.2 never
    /// becomes money). A number typed on the command line (-SendAmount 100.00) keeps the text as typed.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property)]
    public sealed class AmountTransformationAttribute : ArgumentTransformationAttribute
    {
        // PowerShell keeps the source text of a numeric literal given as a command argument; it is not public.
        private static readonly PropertyInfo? TokenText = typeof(PSObject).GetProperty("TokenText", BindingFlags.Instance | BindingFlags.NonPublic);

        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            if (inputData is PSObject literal && TokenText?.GetValue(literal) is string typed)
            {
                return typed;
            }

            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            switch (value)
            {
                case null:
                case string _:
                    return value;
                case double _:
                case float _:
                    throw new ArgumentTransformationMetadataException(
                        $"{Convert.ToString(value, CultureInfo.InvariantCulture)} is a floating-point number, which cannot hold money exactly; pass the amount as a string such as '12.50'.");
                case decimal amount:
                    return amount.ToString(CultureInfo.InvariantCulture);
                case int _:
                case long _:
                case short _:
                case byte _:
                    return Convert.ToString(value, CultureInfo.InvariantCulture);
                default:
                    throw new ArgumentTransformationMetadataException($"An amount must be text such as '12.50', not a {value.GetType().Name}.");
            }
        }
    }
}
