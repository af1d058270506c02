using System.Globalization;
using System.Xml.Linq;
using Microsoft.Extensions.Logging;

namespace ArxivDigest.Ingest.Arxiv;

/// <summary>
/// Parses a page of the arXiv API (export.arxiv.org/api/query), an Atom document. An API error
/// (reported by arXiv as an entry whose id is under /api/errors) throws <see cref="FeedFormatException"/>.
/// </summary>
public sealed partial class AtomFeedParser(ILogger<AtomFeedParser> logger)
{
    private static readonly XNamespace AtomNs = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace ArxivNs = "http://arxiv.org/schemas/atom";
    private static readonly XNamespace OpenSearchNs = "http://a9.com/-/spec/opensearch/1.1/";

    public ApiPage Parse(string xml, string category, string feed)
    {
        var root = FeedXml.Load(xml, feed, "feed").Root!;
        var entries = root.Elements(AtomNs + "entry").ToList();

        var error = entries.FirstOrDefault(e => ((string?)e.Element(AtomNs + "id"))?.Contains("/api/errors", StringComparison.Ordinal) == true);
        if (error is not null)
        {
            throw new FeedFormatException(feed, $"the arXiv API reported an error: {FeedText.Clean((string?)error.Element(AtomNs + "summary"))}");
        }

        if (!int.TryParse((string?)root.Element(OpenSearchNs + "totalResults"), out var total))
        {
            throw new FeedFormatException(feed, "the Atom document has no <opensearch:totalResults>");
        }

        _ = int.TryParse((string?)root.Element(OpenSearchNs + "startIndex"), out var start);

        var parsed = new List<ApiEntry>(entries.Count);
        var skipped = 0;
        for (var index = 0; index < entries.Count; index++)
        {
            if (TryReadEntry(entries[index], category, out var entry, out var problem))
            {
                parsed.Add(entry);
            }
            else
            {
                skipped++;
                LogSkippedEntry(feed, start + index + 1, problem);
            }
        }

        return new ApiPage(total, start, parsed, entries.Count, skipped);
    }

    private static bool TryReadEntry(XElement entry, string category, out ApiEntry parsed, out string problem)
    {
        parsed = null!;
        if (!ArxivId.TryParse((string?)entry.Element(AtomNs + "id"), out var id, out var version))
        {
            problem = "no arXiv id in <id>";
            return false;
        }

        var title = FeedText.Clean((string?)entry.Element(AtomNs + "title"));
        if (title.Length == 0)
        {
            problem = $"{id} has no title";
            return false;
        }

        if (!DateTimeOffset.TryParse((string?)entry.Element(AtomNs + "published"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var published))
        {
            problem = $"{id} has no readable <published> date";
            return false;
        }

        var categories = entry.Elements(AtomNs + "category")
            .Select(c => (string?)c.Attribute("term") ?? string.Empty)
            .Where(FeedText.IsCategoryCode)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var primary = (string?)entry.Element(ArxivNs + "primary_category")?.Attribute("term")
            ?? categories.FirstOrDefault()
            ?? category;
        categories.Remove(primary);
        categories.Insert(0, primary);

        version = version == 0 ? 1 : version;
        var item = new FeedItem(
            id,
            version,
            title,
            entry.Elements(AtomNs + "author").Select(a => FeedText.CleanAuthor((string?)a.Element(AtomNs + "name"))).Where(a => a.Length > 0).ToList(),
            FeedText.Clean((string?)entry.Element(AtomNs + "summary")),
            categories,
            primary,
            AnnounceKinds.Infer(category, primary, version),
            FeedText.Clean((string?)entry.Element(ArxivNs + "comment")));
        parsed = new ApiEntry(item, published);
        problem = string.Empty;
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped entry {Index} of API feed {Feed}: {Problem}")]
    private partial void LogSkippedEntry(string feed, int index, string problem);
}
