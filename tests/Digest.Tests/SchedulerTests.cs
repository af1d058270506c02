using ArxivDigest.Digest.Running;

namespace ArxivDigest.Digest.Tests;

public sealed class SchedulerTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    [Theory]
    // Tuesday 06:00 New York (10:00Z): today at 07:30.
    [InlineData("2025-06-10T10:00:00Z", "2025-06-10T07:30:00-04:00")]
    // Tuesday 08:00 New York: tomorrow.
    [InlineData("2025-06-10T12:00:00Z", "2025-06-11T07:30:00-04:00")]
    // Friday evening: Monday, skipping the weekend.
    [InlineData("2025-06-13T23:00:00Z", "2025-06-16T07:30:00-04:00")]
    // Across the change to winter time: the wall-clock time stays 07:30.
    [InlineData("2025-11-01T12:00:00Z", "2025-11-03T07:30:00-05:00")]
    public void The_next_run_is_the_next_weekday_at_the_local_time(string now, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected), DigestScheduler.NextRun(DateTimeOffset.Parse(now), new TimeOnly(7, 30), NewYork));
}
