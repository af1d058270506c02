namespace ArxivDigest.Ingest.Arxiv;

/// <summary>
/// arXiv's announcement calendar (arxiv.org/help/availability): submissions close at 14:00
/// US Eastern time on weekdays and are announced at 20:00 the same evening, listed under the
/// next day's date; nothing is announced on Saturdays and Sundays. Holidays are not modelled:
/// on one, the feeds are simply empty.
/// </summary>
public static class ArxivSchedule
{
    private static readonly TimeZoneInfo Eastern = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private static readonly TimeSpan SubmissionCutoff = TimeSpan.FromHours(14);
    private static readonly TimeSpan AnnouncementTime = TimeSpan.FromHours(20);

    public static bool IsAnnouncementDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>The date of the newest announcement published at <paramref name="now"/>.</summary>
    public static DateOnly LatestAnnouncement(DateTimeOffset now)
    {
        var eastern = TimeZoneInfo.ConvertTime(now, Eastern);
        var day = DateOnly.FromDateTime(eastern.DateTime);

        // An evening mailing (Sunday to Thursday) is dated the next day.
        if (eastern.TimeOfDay >= AnnouncementTime && day.DayOfWeek is not (DayOfWeek.Friday or DayOfWeek.Saturday))
        {
            day = day.AddDays(1);
        }

        while (!IsAnnouncementDay(day))
        {
            day = day.AddDays(-1);
        }

        return day;
    }

    /// <summary>
    /// The UTC submission window announced on <paramref name="date"/>: from the cutoff two
    /// weekdays before to the cutoff on the weekday before (Wednesday's listing holds Monday
    /// 14:00 to Tuesday 14:00 Eastern).
    /// </summary>
    public static (DateTimeOffset From, DateTimeOffset To) SubmissionWindow(DateOnly date)
    {
        var closes = PreviousWeekday(date);
        var opens = PreviousWeekday(closes);
        return (CutoffUtc(opens), CutoffUtc(closes));
    }

    private static DateOnly PreviousWeekday(DateOnly date)
    {
        var day = date.AddDays(-1);
        while (!IsAnnouncementDay(day))
        {
            day = day.AddDays(-1);
        }

        return day;
    }

    private static DateTimeOffset CutoffUtc(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.FromTimeSpan(SubmissionCutoff), DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Eastern.GetUtcOffset(local)).ToUniversalTime();
    }
}
