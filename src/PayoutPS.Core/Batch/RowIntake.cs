using System;
using System.Collections.Generic;
using PayoutPS.Core.Api;
using PayoutPS.Core.Input;
using PayoutPS.Core.Payouts;

namespace PayoutPS.Core.Batch
{
    /// <summary>
    /// One row into a <see cref="BatchRunner"/>: read, checked, keyed and admitted by the <see cref="BatchRun"/>. A row
    /// not to be sent (already paid, repeated, refused, held, deferred) is counted, journaled and reported here.
    /// </summary>
    internal sealed class RowIntake
    {
        private readonly BatchRun _run;
        private readonly IBatchSink _sink;
        private readonly Action<RemittanceRequest>? _checkRow;

        public RowIntake(BatchRun run, IBatchSink sink, Action<RemittanceRequest>? checkRow)
        {
            _run = run;
            _sink = sink;
            _checkRow = checkRow;
        }

        /// <summary>A piped row that repeated the header: the run ends with it once the rows before it finished.</summary>
        public BatchProblem? HeaderRow { get; private set; }

        private PayoutBatchSummary Summary => _run.Summary;

        /// <summary>Maps, checks and keys one row and asks the batch what to do with it; null when it is not to be sent (already reported).</summary>
        public BatchRow? TryAdmit(int row, Func<Dictionary<string, object?>> read, Func<string?> writtenRequestId)
        {
            string? requestId = null;
            try
            {
                var values = read();
                var hasId = values.TryGetValue("RequestId", out var given) && !string.IsNullOrWhiteSpace(InputValue.ToText(given, "RequestId")); // 42 is the RequestId "42"
                if (!hasId)
                {
                    values["RequestId"] = "pending"; // checked with a placeholder; the batch keys the row from its content
                }

                var remittance = PayoutInput.ToRemittance(values);
                var fields = remittance.ToFields(); // the whole row is checked before anything is asked or sent
                _checkRow?.Invoke(remittance);
                var admission = _run.Admit(row, remittance, fields, hasId);
                requestId = admission.RequestId;
                WarnMixedScripts(row, values, requestId);
                return Act(admission);
            }
            catch (PayoutApiException ex)
            {
                // The corridor or the duplicate guard's listing could not be read: this row is not sent.
                Summary.Add(RowOutcome.Unavailable, requestId);
                var written = requestId ?? writtenRequestId();
                _sink.Problem(new BatchProblem(BatchProblemKind.Service, ex, _sink.RowLabel(row, written), (object?)written ?? "(row " + row + ")"));
                return null;
            }
            catch (HeaderRowException ex)
            {
                // A header read as a row: the rows after it mean something else than they say, so none of them is sent;
                // the rows before it finish, and the run ends with this error (exit 2) once they have.
                HeaderRow = new BatchProblem(BatchProblemKind.Invalid, ex, _sink.RowLabel(row, null), null);
                _run.Refuse(row, null, HeaderRow.Message);
                return null;
            }
            catch (PayoutRequestException ex)
            {
                // Named by the RequestId as written, even when the row could not be read far enough to key it.
                Refuse(BatchProblemKind.Invalid, ex, row, requestId, requestId ?? writtenRequestId());
                return null;
            }
        }

        /// <summary>Does what the batch decided for a row: the row to send, or null when it was answered here (already paid, refused, held…).</summary>
        public BatchRow? Act(Admission admission)
        {
            var row = admission.Row.Row;
            var requestId = admission.RequestId;
            switch (admission.Kind)
            {
                case AdmissionKind.Send:
                    return admission.Row;
                case AdmissionKind.AlreadyPaid:
                    var paid = admission.Paid!;
                    Summary.Add(RowOutcome.Journaled, paid.RequestId, paid.SourceAmount, paid.SourceCurrency, paid.Fee, paid.Status);
                    _sink.Paid(admission.Row, paid);
                    break;
                case AdmissionKind.Repeated:
                    Summary.Add(RowOutcome.Repeated, requestId);
                    _sink.Warning($"{_sink.RowLabel(row, requestId)}: {admission.Message}");
                    break;
                case AdmissionKind.Refused:
                    var kind = admission.Reason == AdmissionReason.ChangedSinceJournal ? BatchProblemKind.ChangedSinceJournal : BatchProblemKind.RequestIdReused;
                    Refuse(kind, new PayoutRequestException(admission.Message!, "RequestId"), row, requestId, requestId);
                    break;
                case AdmissionKind.Held:
                    var held = new BatchProblem(
                        admission.Reason == AdmissionReason.AmbiguousOccurrence ? BatchProblemKind.AmbiguousRow : BatchProblemKind.DuplicateSuspected,
                        new PayoutRequestException(admission.Message!, "RequestId"), _sink.RowLabel(row, requestId), requestId);
                    _run.Hold(admission, held.Message);
                    _sink.Problem(held);
                    break;
                case AdmissionKind.Deferred:
                    _sink.Verbose(admission.Reason == AdmissionReason.AmbiguousOccurrence
                        ? $"{_sink.RowLabel(row, requestId)} is one of identical rows the journal recorded partly paid: it waits for the end of the input, which tells whether each is the row it was."
                        : $"{_sink.RowLabel(row, requestId)} pays the same payee in the same currency as a paid journal row this input has not reached yet: it waits for the end of the input, which tells whether that row was edited.");
                    break;
            }

            return null;
        }

        /// <summary>A row that cannot be sent as written: counted and journaled, and reported.</summary>
        private void Refuse(BatchProblemKind kind, PayoutRequestException ex, int row, string? requestId, string? labelId)
        {
            var problem = new BatchProblem(kind, ex, _sink.RowLabel(row, labelId), (object?)requestId ?? "(row " + row + ")");
            _run.Refuse(row, requestId, problem.Message);
            _sink.Problem(problem);
        }

        private static readonly string[] NameFields = { "FirstName", "LastName", "CompanyName" };

        /// <summary>A payee name with a look-alike letter of another script is sent, and said (see <see cref="NameScripts"/>).</summary>
        private void WarnMixedScripts(int row, IReadOnlyDictionary<string, object?> values, string requestId)
        {
            foreach (var field in NameFields)
            {
                if (values.TryGetValue(field, out var value) && NameScripts.Mixed(field, value as string) is string warning)
                {
                    _sink.Warning($"{_sink.RowLabel(row, requestId)}: {warning}");
                }
            }
        }
    }
}
