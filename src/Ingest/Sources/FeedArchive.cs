using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ArxivDigest.Ingest.Sources;

/// <summary>
/// Keeps every raw feed fetched when Ingest:ArchiveDirectory is set, named
/// <c>{source}-{category}-{yyyy-MM-dd}.xml</c> (API pages add <c>-p{n}</c>), so that the replay
/// source can serve the day later: RSS cannot go back in time.
/// </summary>
public sealed partial class FeedArchive(IOptions<IngestOptions> options, ILogger<FeedArchive> logger)
{
    public static string FileName(string source, string category, DateOnly date, int? page = null) =>
        page is null
            ? $"{source}-{category}-{date:yyyy-MM-dd}.xml"
            : $"{source}-{category}-{date:yyyy-MM-dd}-p{page}.xml";

    public async Task SaveAsync(string fileName, string text, CancellationToken cancellationToken)
    {
        var folder = options.Value.ArchiveDirectory;
        if (string.IsNullOrWhiteSpace(folder))
        {
            return;
        }

        // Temp file + rename, so a crash never leaves a half-written feed for a later replay.
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, fileName);
        var temp = path + ".tmp";
        await File.WriteAllTextAsync(temp, text, cancellationToken);
        File.Move(temp, path, overwrite: true);
        LogArchived(path);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Archived raw feed to {Path}")]
    private partial void LogArchived(string path);
}
