using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using PayoutPS.Core.Approval;
using Xunit;

namespace PayoutPS.Core.Tests
{
    /// <summary>The approval rules in Core, with a fixed clock: what counts, what does not, and why.</summary>
    public sealed class ApprovalPolicyTests
    {
        private static readonly DateTime Now = new DateTime(2026, 12, 4, 12, 0, 0, DateTimeKind.Utc);
        private const string Hash = "ab12000000000000000000000000000000000000000000000000000000000000";

        private static X509Certificate2 Certificate(string name, DateTime? from = null, DateTime? to = null)
        {
            using var rsa = RSA.Create(2048);
            var request = new CertificateRequest($"CN={name}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            return request.CreateSelfSigned(from ?? Now.AddYears(-1), to ?? Now.AddYears(1));
        }

        private static readonly X509Certificate2 Alice = Certificate("Alice");
        private static readonly X509Certificate2 Bob = Certificate("Bob");

        private static ApprovalLine Signed(X509Certificate2 by, int line, Action<BatchApproval>? change = null, DateTime? signed = null, TimeSpan? validFor = null)
        {
            var approval = new BatchApproval
            {
                File = "payroll.csv", Sha256 = Hash, Rows = 3, Totals = "USD 36.00 sent in 3", Merchant = "800100", Environment = "Sandbox",
                SignedUtc = signed ?? Now.AddHours(-1), ExpiresUtc = (signed ?? Now.AddHours(-1)) + (validFor ?? TimeSpan.FromDays(7)), Comment = "",
            };
            change?.Invoke(approval);
            ApprovalSigner.Sign(approval, by);
            return new ApprovalLine(line, BatchApproval.Parse(approval.ToJsonLine()), null);
        }

        private static ApprovalVerdict Check(params ApprovalLine[] entries) =>
            new ApprovalPolicy { Required = 2, Trusted = new[] { Alice, Bob }, Merchant = "800100", Environment = "Sandbox", NowUtc = Now }.Check(entries, Hash, 3);

        [Fact]
        public void Two_distinct_trusted_approvers_satisfy_two()
        {
            var verdict = Check(Signed(Alice, 1), Signed(Bob, 2));
            Assert.True(verdict.Satisfied);
            Assert.Equal(new[] { "CN=Alice", "CN=Bob" }, verdict.Valid.Select(a => a.Approval!.Approver));
        }

        [Fact]
        public void The_same_approver_counts_once_even_under_a_renewed_certificate()
        {
            var renewed = Certificate("Alice");
            var verdict = new ApprovalPolicy { Required = 2, Trusted = new[] { Alice, renewed }, Merchant = "800100", Environment = "Sandbox", NowUtc = Now }
                .Check(new[] { Signed(Alice, 1), Signed(renewed, 2) }, Hash, 3);
            Assert.False(verdict.Satisfied);
            Assert.Equal("the same approver as line 1, counted once", verdict.Approvals[1].Problem);
        }

        [Theory]
        [InlineData("comment", "its signature does not verify")]
        [InlineData("rows", "it approved 4 row(s); the file has 3")]
        [InlineData("expires", "its signature does not verify")]
        public void A_field_changed_after_signing_is_caught(string field, string says)
        {
            var entry = Signed(Alice, 1);
            var approval = entry.Approval!;
            switch (field)
            {
                case "comment": approval.Comment = "edited"; break;
                case "rows": approval.Rows = 4; break;
                case "expires": approval.ExpiresUtc = approval.ExpiresUtc.AddDays(20); break;
            }

            Assert.StartsWith(says, Check(entry).Approvals[0].Problem);
        }

        [Fact]
        public void Time_limits_are_judged_on_the_policy_clock()
        {
            Assert.StartsWith("it expired at 2026-12-04T11:00:01Z", Check(Signed(Alice, 1, signed: Now.AddHours(-1), validFor: TimeSpan.FromSeconds(1))).Approvals[0].Problem);
            Assert.Null(Check(Signed(Alice, 1, signed: Now.AddMinutes(4))).Approvals[0].Problem); // an approver's clock a little ahead
            Assert.StartsWith("it was signed in the future", Check(Signed(Alice, 1, signed: Now.AddMinutes(6))).Approvals[0].Problem);
            Assert.StartsWith("it is valid for longer than 31 days", Check(Signed(Alice, 1, validFor: TimeSpan.FromDays(32))).Approvals[0].Problem);
        }

        [Fact]
        public void A_certificate_outside_its_validity_at_signing_is_refused()
        {
            var lapsed = Certificate("Lapsed", Now.AddYears(-3), Now.AddYears(-1));
            var verdict = new ApprovalPolicy { Trusted = new[] { lapsed }, NowUtc = Now }.Check(new[] { Signed(lapsed, 1) }, Hash, 3);
            Assert.StartsWith("its certificate was not valid when it signed", verdict.Approvals[0].Problem);
        }

        [Fact]
        public void A_line_that_cannot_be_read_is_named_and_counts_for_nothing()
        {
            Assert.Throws<FormatException>(() => BatchApproval.Parse("{\"format\":\"something else\"}"));
            Assert.Throws<FormatException>(() => BatchApproval.Parse("not json"));
            var verdict = Check(new ApprovalLine(1, null, "it is not a JSON approval"), Signed(Alice, 2));
            Assert.Equal("line 1: it is not a JSON approval", $"{verdict.Approvals[0].Name}: {verdict.Approvals[0].Problem}");
            Assert.Contains("line 1: it is not a JSON approval", verdict.Refusal("payroll.csv"));
        }

        [Fact]
        public void The_canonical_text_escapes_line_breaks_so_no_value_can_forge_a_field()
        {
            var approval = new BatchApproval { Comment = "ok\nmerchant: 999999\\", SignedUtc = Now, ExpiresUtc = Now };
            var lines = approval.CanonicalText().Split('\n');
            Assert.Equal(13, lines.Length); // 12 lines and the empty string after the last "\n"
            Assert.Equal("comment: ok\\nmerchant: 999999\\\\", lines[11]);
            Assert.Equal("signed: 2026-12-04T12:00:00Z", lines[9]);
        }

        [Fact]
        public void Without_a_trusted_set_or_merchant_those_are_not_judged()
        {
            var verdict = new ApprovalPolicy { Required = 1, NowUtc = Now }.Check(new[] { Signed(Certificate("Anyone"), 1, a => a.Merchant = "123") }, Hash, 3);
            Assert.True(verdict.Satisfied);
        }
    }
}
