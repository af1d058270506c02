using Microsoft.Extensions.Options;

namespace ArxivDigest.Ingest;

/// <summary>Says at start where announcements will come from, so a replayed day is never taken for a live one.</summary>
public sealed partial class IngestStartupLog(IOptions<IngestOptions> options, ILogger<IngestStartupLog> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        switch (settings.Source)
        {
            case IngestSourceKind.Replay:
                LogReplay(Path.GetFullPath(settings.ReplayDirectory!));
                break;
            case IngestSourceKind.Api:
                LogLive("the arXiv API", settings.ApiBaseUrl);
                break;
            default:
                LogLive("arXiv's RSS feeds", settings.RssBaseUrl);
                break;
        }

        if (!string.IsNullOrWhiteSpace(settings.ArchiveDirectory))
        {
            LogArchive(Path.GetFullPath(settings.ArchiveDirectory));
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ingest replays saved days from {Folder} instead of the live arXiv feed (Ingest:Source=Replay); no network is used")]
    private partial void LogReplay(string folder);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ingest reads {Source} at {Url}")]
    private partial void LogLive(string source, string url);

    [LoggerMessage(Level = LogLevel.Information, Message = "Every raw feed fetched is archived in {Folder}")]
    private partial void LogArchive(string folder);
}
