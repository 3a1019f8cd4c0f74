using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;
using PayoutPS.Core.Payouts;

namespace PayoutPS.Internal
{
    /// <summary>Tab completion for -Purpose with the names users can type instead of codes.</summary>
    public sealed class PurposeCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            for (var i = 0; i < Purposes.Names.Count; i++)
            {
                var name = Purposes.Names[i];
                if (name.StartsWith(wordToComplete ?? string.Empty, System.StringComparison.OrdinalIgnoreCase))
                {
                    yield return new CompletionResult(name, name, CompletionResultType.ParameterValue, $"{name} (code {i})");
                }
            }
        }
    }
}
