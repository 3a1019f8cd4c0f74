using System.Collections.Generic;
using System.IO;
using PayoutPS.Core.Keys;
using PayoutPS.Core.Notifications;
using PayoutPS.Core.Signing;
using Xunit;

namespace PayoutPS.Core.Tests
{
    /// <summary>The notifications log beside a journal, on a real file.</summary>
    public sealed class NotificationLogTests : JournalFiles
    {
        private const string Secret = "00112233445566778899aabbccddeeff";

        private static PayoutNotification Notification(string requestId, string status)
        {
            var body = RequestSigning.Sign(RequestFields.FromPairs(new Dictionary<string, object?>
            {
                ["merchantNo"] = "800100", ["payoutId"] = "1774000000000000001", ["requestId"] = requestId, ["payoutStatus"] = status,
            }), new Sha256SecretSigner(Secret)).Body;
            var notification = PayoutNotification.Check(body, KeyLoader.LoadVerifier(Secret), "800100");
            Assert.True(notification.IsValid, notification.Problem);
            return notification;
        }

        [Fact]
        public void A_torn_last_line_is_cut_before_the_next_record_so_nothing_is_lost_and_the_log_stays_readable()
        {
            Assert.Equal("Applied", NotificationLog.Record(JournalPath, Notification("R-1", "P")));
            File.AppendAllText(NotificationLog.PathFor(JournalPath), "{\"type\":\"notification\",\"requestId\":\"R-"); // a crash mid-write

            Assert.Equal("Applied", NotificationLog.Record(JournalPath, Notification("R-2", "S")));

            var statuses = NotificationLog.Read(JournalPath);
            Assert.Equal("P", statuses["R-1"].Status);
            Assert.Equal("S", statuses["R-2"].Status);
        }

        [Fact]
        public void Records_appended_by_another_receiver_are_seen_and_a_final_status_never_moves_back()
        {
            Assert.Equal("Applied", NotificationLog.Record(JournalPath, Notification("R-1", "P")));
            // Another process appends a final status; this one must see it without rereading from the start.
            File.AppendAllText(NotificationLog.PathFor(JournalPath), "{\"type\":\"notification\",\"requestId\":\"R-1\",\"payoutId\":\"1774000000000000001\",\"status\":\"S\"}\n");

            Assert.Equal("Late", NotificationLog.Record(JournalPath, Notification("R-1", "P")));
            Assert.Equal("Repeat", NotificationLog.Record(JournalPath, Notification("R-1", "S")));
            Assert.Equal("S", NotificationLog.Read(JournalPath)["R-1"].Status);
        }
    }
}
