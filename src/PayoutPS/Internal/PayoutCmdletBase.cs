using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using PayoutPS.Core.Transport;
using PayoutPS.Models;

namespace PayoutPS.Internal
{
    /// <summary>
    /// Shared by every cmdlet that talks to the service: resolves the context, runs the async work while
    /// writing its Verbose/Debug messages from the pipeline thread, and cancels in-flight HTTP on Ctrl+C.
    /// </summary>
    public abstract class PayoutCmdletBase : PSCmdlet, IDisposable
    {
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();

        /// <summary>The connection to use; defaults to the one Connect-PayoutEnvironment made in this runspace.</summary>
        [Parameter]
        [ContextTransformation]
        public PayoutContext? Context { get; set; }

        protected PayoutContext RequireContext()
        {
            var context = Context ?? SessionStore.Current;
            if (context == null)
            {
                ThrowTerminatingError(new ErrorRecord(
                    new InvalidOperationException("Not connected: run Connect-PayoutEnvironment first, or pass -Context."),
                    ErrorIds.NotConnected,
                    ErrorCategory.ConnectionError,
                    null));
            }

            return context!;
        }

        /// <summary>
        /// -Since and -Until as UTC, -Until defaulting to now (plus the current second, as the API takes whole
        /// seconds). A window that cannot hold anything is refused, naming both parameters, instead of listing nothing.
        /// </summary>
        protected (DateTime From, DateTime To) Window(DateTime since, DateTime? until)
        {
            var now = DateTime.UtcNow;
            var from = since.ToUniversalTime();
            var to = (until ?? now.AddSeconds(1)).ToUniversalTime();
            string? problem = null;
            if (from > now)
            {
                problem = $"-Since {from:yyyy-MM-dd HH:mm:ss} UTC is in the future (now is {now:yyyy-MM-dd HH:mm:ss} UTC): there is nothing to list yet. Give a -Since in the past.";
            }
            else if (from >= to)
            {
                problem = $"-Since {from:yyyy-MM-dd HH:mm:ss} UTC is not before -Until {to:yyyy-MM-dd HH:mm:ss} UTC; swap them, or give a later -Until.";
            }

            if (problem != null)
            {
                ThrowTerminatingError(new ErrorRecord(new ArgumentException(problem), ErrorIds.InvalidRequest, ErrorCategory.InvalidArgument, null));
            }

            return (from, to);
        }

        /// <summary>Runs <paramref name="operation"/> and returns its result; Ctrl+C stops it promptly.</summary>
        protected T Await<T>(Func<IPayoutLog, CancellationToken, Task<T>> operation)
        {
            var log = NewLog();
            var task = Task.Run(() => operation(log, _stop.Token));
            // Wait on the handle, not Task.Wait, which would throw an AggregateException instead of the real error.
            while (!((IAsyncResult)task).AsyncWaitHandle.WaitOne(100))
            {
                Drain(log);
            }

            Drain(log);
            try
            {
                return task.GetAwaiter().GetResult();
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
        }

        /// <summary>
        /// A log that collects only what this invocation shows: without -Debug nobody reads the redacted bodies,
        /// and redacting each one cost more than parsing it (a 100,000-payout listing spent 40 % of its time there).
        /// </summary>
        private protected QueuedLog NewLog() => new QueuedLog(debug: Wants("Debug", "DebugPreference"), verbose: Wants("Verbose", "VerbosePreference"));

        /// <summary>The switch when given, else whether the caller's preference variable shows the stream.</summary>
        private bool Wants(string switchName, string preferenceVariable)
        {
            if (MyInvocation.BoundParameters.TryGetValue(switchName, out var bound))
            {
                return ((SwitchParameter)bound).IsPresent;
            }

            return LanguagePrimitives.TryConvertTo(GetVariableValue(preferenceVariable), out ActionPreference preference) && preference != ActionPreference.SilentlyContinue;
        }

        /// <summary>
        /// Every item of a paged list (spec §3.4: size, current, total), page after page until the total is
        /// reached or a page comes back empty. Enumerate it on the pipeline thread, as the pages are awaited there.
        /// </summary>
        protected IEnumerable<T> AllPages<T>(int pageSize, Func<int, IPayoutLog, CancellationToken, Task<(IReadOnlyList<T> Items, int Total)>> page)
        {
            for (var current = 1; ; current++)
            {
                var number = current;
                var (items, total) = Await((log, token) => page(number, log, token));
                foreach (var item in items)
                {
                    yield return item;
                }

                if (items.Count == 0 || current * pageSize >= total)
                {
                    yield break;
                }
            }
        }

        /// <summary>True unless -WhatIf; -Force (or -Confirm:$false) runs without any prompt.</summary>
        protected bool Approve(bool force, string target, string action)
        {
            var whatIf = MyInvocation.BoundParameters.TryGetValue("WhatIf", out var value) && ((SwitchParameter)value).IsPresent;
            if (whatIf || (force && IsWhatIfPreferenceSet()))
            {
                ShouldProcess(target, action);
                return false;
            }

            if (force)
            {
                return true;
            }

            try
            {
                return ShouldProcess(target, action);
            }
            catch (PSInvalidOperationException ex) when (IsNonInteractive(ex))
            {
                // The host's own "NonInteractive mode" text would end an unattended run with no word of the fix.
                ThrowTerminatingError(new ErrorRecord(
                    new InvalidOperationException($"{MyInvocation.MyCommand.Name} needs confirmation ({action}), and this session cannot ask: it is non-interactive. " +
                                                  "Add -Force (or -Confirm:$false) to run unattended. Nothing was sent.", ex),
                    ErrorIds.ConfirmationRequired, ErrorCategory.PermissionDenied, null));
                return false;
            }
        }

        private static bool IsNonInteractive(Exception ex) => ex.Message.IndexOf("NonInteractive", StringComparison.OrdinalIgnoreCase) >= 0;

        protected void Sleep(TimeSpan duration)
        {
            if (_stop.Token.WaitHandle.WaitOne(duration))
            {
                throw new PipelineStoppedException();
            }
        }

        protected override void StopProcessing() => _stop.Cancel();

        public void Dispose()
        {
            DisposeResources();
            _stop.Dispose();
            GC.SuppressFinalize(this);
        }

        /// <summary>Releases what a cmdlet holds beyond its pipeline run; called also after Ctrl+C, when EndProcessing is not.</summary>
        protected virtual void DisposeResources()
        {
        }

        /// <summary>-WhatIf, or $WhatIfPreference: nothing may be sent or written.</summary>
        /// <summary>-ErrorAction, else $ErrorActionPreference as the caller's scope sees it (a local copy holds plain text).</summary>
        private protected ActionPreference ErrorAction()
        {
            var value = MyInvocation.BoundParameters.TryGetValue("ErrorAction", out var bound) ? bound : GetVariableValue("ErrorActionPreference");
            return LanguagePrimitives.TryConvertTo(value, out ActionPreference preference) ? preference : ActionPreference.Continue;
        }

        protected bool IsWhatIf() =>
            (MyInvocation.BoundParameters.TryGetValue("WhatIf", out var value) && ((SwitchParameter)value).IsPresent) || IsWhatIfPreferenceSet();

        private bool IsWhatIfPreferenceSet()
        {
            var preference = SessionState.PSVariable.GetValue("WhatIfPreference");
            return preference is SwitchParameter s ? s.IsPresent : preference is bool b && b;
        }

        private void Drain(QueuedLog log)
        {
            while (log.Messages.TryDequeue(out var message))
            {
                if (message.IsDebug)
                {
                    WriteDebug(message.Message);
                }
                else
                {
                    WriteVerbose(message.Message);
                }
            }
        }
    }
}
