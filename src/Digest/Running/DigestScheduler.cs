using Microsoft.Extensions.Options;

namespace ArxivDigest.Digest.Running;

/// <summary>
/// In serve mode: runs at start (unless turned off), then every day at Digest:DailyAt in
/// Digest:TimeZone, skipping Saturdays and Sundays, when arXiv announces nothing.
/// </summary>
public sealed partial class DigestScheduler(RunGate gate, IOptions<DigestOptions> options, TimeProvider time, ILogger<DigestScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (settings.RunAtStart)
        {
            await gate.TryRunAsync(stoppingToken);
        }

        if (string.IsNullOrEmpty(settings.DailyAt))
        {
            return;
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(settings.TimeZone);
        var at = TimeOnly.ParseExact(settings.DailyAt, "HH:mm");
        while (!stoppingToken.IsCancellationRequested)
        {
            var next = NextRun(time.GetUtcNow(), at, zone);
            LogNextRun(next, settings.TimeZone);
            await Task.Delay(next - time.GetUtcNow(), time, stoppingToken);
            await gate.TryRunAsync(stoppingToken);
        }
    }

    /// <summary>The next weekday at <paramref name="at"/> in <paramref name="zone"/>, after <paramref name="now"/>.</summary>
    public static DateTimeOffset NextRun(DateTimeOffset now, TimeOnly at, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var day = DateOnly.FromDateTime(local.DateTime);
        for (var i = 0; i < 8; i++, day = day.AddDays(1))
        {
            if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                continue;
            }

            var wall = day.ToDateTime(at);
            var candidate = new DateTimeOffset(wall, zone.GetUtcOffset(wall));
            if (candidate > now)
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("No weekday in the next eight days.");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Next scheduled digest run at {Next} ({TimeZone})")]
    private partial void LogNextRun(DateTimeOffset next, string timeZone);
}
