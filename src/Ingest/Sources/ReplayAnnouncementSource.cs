using System.Text.Json;
using ArxivDigest.Ingest.Arxiv;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ArxivDigest.Ingest.Sources;

/// <summary>
/// Serves days from Ingest:ReplayDirectory with no network: raw RSS or API feeds saved by the
/// archive, or day listings such as the real days in shared/fixtures/arxiv.
/// </summary>
public sealed partial class ReplayAnnouncementSource(
    RssFeedParser rssParser,
    AtomFeedParser atomParser,
    IOptions<IngestOptions> options,
    ILogger<ReplayAnnouncementSource> logger) : IAnnouncementSource
{
    public string Name => "replay";

    public DateOnly? LatestDate(IReadOnlyCollection<string> categories)
    {
        var folder = OpenFolder();
        return folder.LatestDate(categories)
            ?? throw new DayNotServedException(
                $"The replay folder {folder.Folder} has no day that covers {string.Join(", ", categories)}. "
                + "Name a folder holding rss-<category>-<date>.xml or listing-<categories>-<date>.jsonl files.");
    }

    public async Task<CategoryFeed> FetchAsync(string category, DateOnly? date, CancellationToken cancellationToken)
    {
        var folder = OpenFolder();
        var day = date ?? LatestDate([category])!.Value;
        using var activity = IngestTelemetry.Source.StartActivity("ingest.fetch");
        activity?.SetTag("arxiv.category", category);
        activity?.SetTag("ingest.source", Name);
        activity?.SetTag("ingest.date", day.ToString("yyyy-MM-dd"));

        var files = folder.FilesFor(category, day);
        if (files.Count == 0)
        {
            if (!ArxivSchedule.IsAnnouncementDay(day))
            {
                return new CategoryFeed(category, day, [], 0, 0);
            }

            var saved = folder.DatesFor(category).Take(10).Select(d => d.ToString("yyyy-MM-dd")).ToList();
            throw new DayNotServedException(
                $"The replay folder {folder.Folder} has no saved feed for {category} on {day:yyyy-MM-dd}. "
                + (saved.Count > 0 ? $"Saved days for {category}: {string.Join(", ", saved)}." : $"It holds nothing for {category}."));
        }

        var first = files[0];
        activity?.SetTag("ingest.replay_file", first.Path);
        switch (first.Kind)
        {
            case "rss":
            {
                var xml = await File.ReadAllTextAsync(first.Path, cancellationToken);
                return FeedTelemetry.Parse(() => rssParser.Parse(xml, category, first.Path), Name, category);
            }

            case "api":
            {
                var pages = new List<ApiPage>();
                foreach (var file in files.Where(f => f.Kind == "api"))
                {
                    pages.Add(atomParser.Parse(await File.ReadAllTextAsync(file.Path, cancellationToken), category, file.Path));
                }

                return FeedTelemetry.Record(
                    new CategoryFeed(category, day, pages.SelectMany(p => p.Entries.Select(e => e.Item)).ToList(),
                        pages.Sum(p => p.EntryCount), pages.Sum(p => p.SkippedItems)),
                    Name);
            }

            default:
            {
                var lines = await File.ReadAllLinesAsync(first.Path, cancellationToken);
                return FeedTelemetry.Parse(() => ReadListing(lines, first.Path, category, day), Name, category);
            }
        }
    }

    private CategoryFeed ReadListing(string[] lines, string path, string category, DateOnly day)
    {
        var items = new List<FeedItem>();
        var entries = 0;
        var skipped = 0;
        for (var index = 0; index < lines.Length; index++)
        {
            if (string.IsNullOrWhiteSpace(lines[index]))
            {
                continue;
            }

            ListingRecord? record;
            try
            {
                record = JsonSerializer.Deserialize<ListingRecord>(lines[index]);
            }
            catch (JsonException ex)
            {
                entries++;
                skipped++;
                LogSkippedLine(path, index + 1, $"not a JSON object: {ex.Message}");
                continue;
            }

            if (record?.AnnounceTypes is not { } types || !types.TryGetValue(category, out var typeText))
            {
                continue;
            }

            entries++;
            if (TryReadRecord(record, category, typeText, out var item, out var problem))
            {
                items.Add(item);
            }
            else
            {
                skipped++;
                LogSkippedLine(path, index + 1, problem);
            }
        }

        return new CategoryFeed(category, day, items, entries, skipped);
    }

    private static bool TryReadRecord(ListingRecord record, string category, string typeText, out FeedItem item, out string problem)
    {
        item = null!;
        if (!ArxivId.TryParse(record.Id, out var id, out var version))
        {
            problem = $"no arXiv id ('{record.Id}')";
            return false;
        }

        var title = FeedText.Clean(record.Title);
        if (title.Length == 0)
        {
            problem = $"{id} has no title";
            return false;
        }

        if (!AnnounceKinds.TryParse(typeText, out var kind))
        {
            problem = $"{id} has an unknown announce type '{typeText}' for {category}";
            return false;
        }

        var categories = (record.Categories ?? []).Where(FeedText.IsCategoryCode).Distinct().ToList();
        var primary = string.IsNullOrWhiteSpace(record.PrimaryCategory) ? categories.FirstOrDefault() ?? category : record.PrimaryCategory;
        categories.Remove(primary);
        categories.Insert(0, primary);

        item = new FeedItem(
            id,
            version == 0 ? 1 : version,
            title,
            (record.Authors ?? []).Select(FeedText.CleanAuthor).Where(a => a.Length > 0).ToList(),
            FeedText.Clean(record.Abstract),
            categories,
            primary,
            kind,
            FeedText.Clean(record.Comment));
        problem = string.Empty;
        return true;
    }

    private ReplayFolder OpenFolder()
    {
        var directory = options.Value.ReplayDirectory;
        if (string.IsNullOrWhiteSpace(directory) || !Directory.Exists(directory))
        {
            throw new DayNotServedException($"The replay folder '{directory}' does not exist (Ingest__ReplayDirectory).");
        }

        return new ReplayFolder(directory);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped line {Line} of listing {Path}: {Problem}")]
    private partial void LogSkippedLine(string path, int line, string problem);
}
