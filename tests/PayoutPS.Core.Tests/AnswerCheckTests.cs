using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PayoutPS.Core.Api;
using PayoutPS.Core.Payouts;
using PayoutPS.Core.Signing;
using PayoutPS.Core.Transport;
using Xunit;

namespace PayoutPS.Core.Tests
{
    /// <summary>
    /// An answer is believed only when it matches its request: each answer shape a proxy, a gateway or a
    /// half-written response can produce, scripted at the HTTP edge; the client under test is the real one.
    /// </summary>
    public class AnswerCheckTests
    {
        private static readonly string Other = Envelopes.Payout.Replace("R-1", "R-OTHER").Replace("1774000000000000001", "1774000000000000777");

        // This request's payout in every field but the requestId, which it leaves out: nothing says whose answer it is.
        private static readonly string NoRequestId = Envelopes.Payout.Replace("\"requestId\":\"R-1\",", string.Empty);

        private static PayoutClient Client(ScriptedHandler handler) => handler.Client();

        private static RemittanceRequest Remittance() => new RemittanceRequest
        {
            RequestId = "R-1", BeneficiaryId = "1775000000000000001", SourceCurrency = "USD", TargetCurrency = "EUR", SendAmount = "100.00", Purpose = "PersonalRemittance",
        };

        private static Task<PayoutRecord> Send(ScriptedHandler handler) => Client(handler).CreatePayoutAsync(Remittance(), NullPayoutLog.Instance, CancellationToken.None);

        private static string Ok(string data) => "{\"respCode\":\"20000\",\"respMsg\":\"Success\",\"data\":" + data + "}";

        [Theory]
        [InlineData("a success naming another request's payout", "{\"respCode\":\"20000\",\"respMsg\":\"Success\",\"data\":OTHER}")]
        [InlineData("a 13003 naming another request's payout", "{\"respCode\":\"13003\",\"respMsg\":\"duplicate\",\"data\":OTHER}")]
        [InlineData("20000 without data", "{\"respCode\":\"20000\",\"respMsg\":\"Success\"}")]
        [InlineData("13003 without data", "{\"respCode\":\"13003\",\"respMsg\":\"duplicate\",\"data\":null}")]
        [InlineData("a body cut short", "{\"respCode\":\"20000\",\"respMsg\":\"Succ")]
        [InlineData("garbage", "<html>502 upstream</html>")]
        [InlineData("a lone surrogate in respMsg", "{\"respCode\":\"20000\",\"respMsg\":\"\\ud800\",\"data\":{}}")]
        [InlineData("a success whose payout names no requestId", "{\"respCode\":\"20000\",\"respMsg\":\"Success\",\"data\":NOID}")]
        [InlineData("a 13003 whose payout names no requestId", "{\"respCode\":\"13003\",\"respMsg\":\"duplicate\",\"data\":NOID}")]
        public async Task An_answer_that_cannot_be_believed_is_looked_up_and_in_doubt_when_the_service_does_not_show_the_payout(string shape, string answer)
        {
            var handler = new ScriptedHandler().ThenJson(answer.Replace("OTHER", Other).Replace("NOID", NoRequestId)).ThenJson(Envelopes.ListEmpty);

            var error = await Assert.ThrowsAsync<PayoutApiException>(() => Send(handler));

            Assert.True(error.Kind == PayoutErrorKind.InDoubt, $"{shape}: {error.Kind} {error.Message}");
            Assert.Equal(2, handler.Sent.Count);
            Assert.Contains("queryList", handler.Sent.Last().Path);
        }

        [Theory]
        [InlineData("{\"respCode\":\"20000\",\"respMsg\":\"Success\",\"data\":OTHER}", PayoutOutcome.Created)]
        [InlineData("{\"respCode\":\"20000\",\"respMsg\":\"Succ", PayoutOutcome.Recovered)]
        [InlineData("{\"respCode\":\"20000\",\"respMsg\":\"Success\"}", PayoutOutcome.Created)]
        public async Task An_answer_that_cannot_be_believed_is_settled_by_the_payout_the_service_holds_for_this_request(string answer, PayoutOutcome outcome)
        {
            var handler = new ScriptedHandler().ThenJson(answer.Replace("OTHER", Other)).ThenJson(Envelopes.ListWith);

            var payout = await Send(handler);

            Assert.Equal(("R-1", "1774000000000000001", outcome), (payout.RequestId, payout.PayoutId, payout.Outcome));
        }

        [Fact]
        public async Task A_success_with_the_same_amount_written_differently_and_currencies_in_lower_case_is_this_payout()
        {
            var handler = new ScriptedHandler().ThenJson(Ok(Envelopes.Payout.Replace("\"100.00\"", "\"100.0\"").Replace("\"USD\"", "\"usd\"")));

            var payout = await Send(handler);

            Assert.Equal(PayoutOutcome.Created, payout.Outcome);
            Assert.Single(handler.Sent);
        }

        [Fact]
        public async Task A_success_for_this_requestId_with_another_amount_is_looked_up_and_a_conflict_when_the_service_holds_that()
        {
            var wrong = Envelopes.Payout.Replace("\"100.00\"", "\"250.00\"");
            var handler = new ScriptedHandler().ThenJson(Ok(wrong))
                .ThenJson("{\"respCode\":\"20000\",\"data\":{\"records\":[" + wrong + "],\"total\":\"1\"}}");

            var error = await Assert.ThrowsAsync<PayoutApiException>(() => Send(handler));

            Assert.Equal(PayoutErrorKind.RequestIdConflict, error.Kind);
            Assert.Contains("NOT paid", error.Message);
        }

        [Fact]
        public async Task A_business_refusal_is_still_a_refusal()
        {
            var handler = new ScriptedHandler().ThenJson(Envelopes.Code("14001"));

            var error = await Assert.ThrowsAsync<PayoutApiException>(() => Send(handler));

            Assert.Equal(PayoutErrorKind.InsufficientFunds, error.Kind);
            Assert.Single(handler.Sent);
        }
    }
}
