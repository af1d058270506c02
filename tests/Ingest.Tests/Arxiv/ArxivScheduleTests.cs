extern alias IngestServer;

using IngestServer::ArxivDigest.Ingest.Arxiv;

namespace ArxivDigest.Ingest.Tests.Arxiv;

public sealed class ArxivScheduleTests
{
    [Theory]
    // Wednesday's listing: Monday 14:00 to Tuesday 14:00 Eastern (EDT, UTC-4).
    [InlineData("2025-06-04", "2025-06-02T18:00:00Z", "2025-06-03T18:00:00Z")]
    // Monday's listing: Thursday 14:00 to Friday 14:00.
    [InlineData("2025-06-09", "2025-06-05T18:00:00Z", "2025-06-06T18:00:00Z")]
    // Tuesday's listing spans the weekend; in winter Eastern is UTC-5.
    [InlineData("2026-01-13", "2026-01-09T19:00:00Z", "2026-01-12T19:00:00Z")]
    public void The_submission_window_ends_at_the_previous_weekdays_cutoff(string date, string from, string to)
    {
        var (start, end) = ArxivSchedule.SubmissionWindow(DateOnly.Parse(date));

        Assert.Equal(DateTimeOffset.Parse(from), start);
        Assert.Equal(DateTimeOffset.Parse(to), end);
    }

    [Theory]
    // Tuesday 21:00 EDT: the evening mailing is out and is dated Wednesday.
    [InlineData("2025-06-11T01:00:00Z", "2025-06-11")]
    // Tuesday 15:00 EDT: still Tuesday's listing.
    [InlineData("2025-06-10T19:00:00Z", "2025-06-10")]
    // Saturday: Friday's listing is the latest.
    [InlineData("2025-06-07T16:00:00Z", "2025-06-06")]
    // Sunday 21:00 EDT: Monday's listing is out.
    [InlineData("2025-06-09T01:00:00Z", "2025-06-09")]
    public void The_latest_announcement_follows_the_evening_mailing(string now, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), ArxivSchedule.LatestAnnouncement(DateTimeOffset.Parse(now)));
}
