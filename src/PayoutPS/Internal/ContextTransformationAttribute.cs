using System;
using System.Management.Automation;
using PayoutPS.Models;

namespace PayoutPS.Internal
{
    /// <summary>
    /// -Context accepts a live context only. One passed to Start-Job arrives in another process as a deserialized
    /// copy without its key or connection: say so, and what works, instead of PowerShell's conversion error.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property)]
    public sealed class ContextTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            if (value is PayoutContext || value == null)
            {
                return value;
            }

            if (inputData is PSObject copy && copy.TypeNames.Contains("Deserialized." + typeof(PayoutContext).FullName))
            {
                throw new ArgumentTransformationMetadataException(
                    "This context is a copy that crossed into another process (Start-Job, Invoke-Command), without its key or connection. " +
                    "Connect-PayoutEnvironment inside the job, or use Start-ThreadJob or ForEach-Object -Parallel, which share the live context.");
            }

            throw new ArgumentTransformationMetadataException($"-Context takes what Connect-PayoutEnvironment returned, not a {value.GetType().Name}.");
        }
    }
}
