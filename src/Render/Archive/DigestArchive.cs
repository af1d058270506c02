using System.Globalization;
using ArxivDigest.Render.Digests;
using ArxivDigest.Render.Html;
using ArxivDigest.Render.Json;
using Microsoft.Extensions.Options;

namespace ArxivDigest.Render.Archive;

/// <summary>
/// Owns the output folder: writes a day's files and rebuilds the archive pages, every file
/// written to a temporary name and renamed into place, so a crash never leaves half a digest.
/// Layout: md/YYYY-MM/DATE-output.md, json/YYYY-MM/DATE-output.json, html/DATE.html,
/// html/YYYY-MM.html, html/index.html, latest.md.
/// </summary>
public sealed partial class DigestArchive(IOptions<RenderOptions> options, ILogger<DigestArchive> logger)
{
    // One day is written at a time, so the index always reflects every finished day.
    private readonly SemaphoreSlim writing = new(1, 1);

    public string Root => Path.GetFullPath(options.Value.OutputRoot);

    public async Task<IReadOnlyList<string>> WriteAsync(DigestDay day, string markdown, string json, string html, CancellationToken cancellationToken)
    {
        var month = day.Date.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        await writing.WaitAsync(cancellationToken);
        try
        {
            var written = new List<string>
            {
                await WriteFileAsync(Path.Combine(Root, "md", month, $"{day.DateText}-output.md"), markdown, cancellationToken),
                await WriteFileAsync(Path.Combine(Root, "json", month, $"{day.DateText}-output.json"), json, cancellationToken),
                await WriteFileAsync(Path.Combine(Root, "html", $"{day.DateText}.html"), html, cancellationToken),
            };

            var days = ReadSummaries();
            if (days.Count > 0 && days.Max(d => d.Date) == day.Date)
            {
                written.Add(await WriteFileAsync(Path.Combine(Root, "latest.md"), markdown, cancellationToken));
            }

            var thisMonth = new DateOnly(day.Date.Year, day.Date.Month, 1);
            written.Add(await WriteFileAsync(Path.Combine(Root, "html", $"{month}.html"), ArchiveHtmlWriter.WriteMonth(thisMonth, days), cancellationToken));
            written.Add(await WriteFileAsync(Path.Combine(Root, "html", "index.html"), ArchiveHtmlWriter.WriteIndex(days), cancellationToken));
            LogWritten(day.DateText, Root);
            return written;
        }
        finally
        {
            writing.Release();
        }
    }

    private List<DigestSummary> ReadSummaries()
    {
        var folder = Path.Combine(Root, "json");
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var days = new List<DigestSummary>();
        foreach (var file in Directory.EnumerateFiles(folder, "*-output.json", SearchOption.AllDirectories))
        {
            if (DigestSummary.TryRead(File.ReadAllText(file)) is { } summary)
            {
                days.Add(summary);
            }
            else
            {
                LogUnreadable(file);
            }
        }

        return days;
    }

    private static async Task<string> WriteFileAsync(string path, string text, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        await File.WriteAllTextAsync(temp, text, cancellationToken);
        File.Move(temp, path, overwrite: true);
        return path;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Digest of {Date} written under {Root}")]
    private partial void LogWritten(string date, string root);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped {File} in the archive index: not a readable digest document")]
    private partial void LogUnreadable(string file);
}
