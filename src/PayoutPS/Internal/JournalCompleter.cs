using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace PayoutPS.Internal
{
    /// <summary>
    /// Tab completion for -Journal: PowerShell's own file completion (the current location, drives, ~, quoting),
    /// narrowed to *.journal files and the folders to look in.
    /// </summary>
    public sealed class JournalCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
            CompletionCompleters.CompleteFilename(wordToComplete ?? string.Empty)
                .Where(r => r.ResultType == CompletionResultType.ProviderContainer || r.ListItemText.EndsWith(".journal", StringComparison.OrdinalIgnoreCase))
                .ToList();
    }
}
