using System.Globalization;
using System.Text.RegularExpressions;

namespace ArxivDigest.Ingest.Sources;

/// <summary>
/// What a replay folder holds: raw feeds saved by the archive (<c>rss-{category}-{date}.xml</c>,
/// <c>api-{category}-{date}-p{n}.xml</c>) and day listings (<c>listing-{cat}+{cat}-{date}.jsonl</c>),
/// indexed by category and date.
/// </summary>
public sealed partial class ReplayFolder
{
    [GeneratedRegex(@"^(?<source>rss|api)-(?<category>.+)-(?<date>\d{4}-\d{2}-\d{2})(?:-p(?<page>\d+))?\.xml$", RegexOptions.CultureInvariant)]
    private static partial Regex FeedFilePattern();

    [GeneratedRegex(@"^listing-(?<categories>.+)-(?<date>\d{4}-\d{2}-\d{2})\.jsonl$", RegexOptions.CultureInvariant)]
    private static partial Regex ListingFilePattern();

    private readonly List<ReplayFile> files = [];

    public ReplayFolder(string folder)
    {
        Folder = Path.GetFullPath(folder);
        foreach (var path in Directory.EnumerateFiles(Folder))
        {
            var name = Path.GetFileName(path);
            if (FeedFilePattern().Match(name) is { Success: true } feed)
            {
                var page = feed.Groups["page"].Success ? int.Parse(feed.Groups["page"].Value, CultureInfo.InvariantCulture) : 1;
                if (TryParseDate(feed, out var date))
                {
                    files.Add(new ReplayFile(path, feed.Groups["source"].Value, [feed.Groups["category"].Value], date, page));
                }
            }
            else if (ListingFilePattern().Match(name) is { Success: true } listing)
            {
                var categories = listing.Groups["categories"].Value.Split('+', StringSplitOptions.RemoveEmptyEntries);
                if (TryParseDate(listing, out var date))
                {
                    files.Add(new ReplayFile(path, "listing", categories, date, 1));
                }
            }
        }
    }

    public string Folder { get; }

    /// <summary>The files that hold <paramref name="category"/> on <paramref name="date"/>, raw feeds before listings.</summary>
    public IReadOnlyList<ReplayFile> FilesFor(string category, DateOnly date) =>
        files.Where(f => f.Date == date && f.Categories.Contains(category))
            .OrderBy(f => f.Kind switch { "rss" => 0, "api" => 1, _ => 2 })
            .ThenBy(f => f.Page)
            .ToList();

    /// <summary>The newest date on which every one of <paramref name="categories"/> has a file.</summary>
    public DateOnly? LatestDate(IReadOnlyCollection<string> categories) =>
        files.Select(f => f.Date)
            .Distinct()
            .Where(date => categories.All(c => FilesFor(c, date).Count > 0))
            .OrderDescending()
            .Cast<DateOnly?>()
            .FirstOrDefault();

    public IReadOnlyList<DateOnly> DatesFor(string category) =>
        files.Where(f => f.Categories.Contains(category)).Select(f => f.Date).Distinct().OrderDescending().ToList();

    private static bool TryParseDate(Match match, out DateOnly date) =>
        DateOnly.TryParseExact(match.Groups["date"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}

