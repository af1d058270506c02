using System.Xml.Linq;
using Microsoft.Extensions.Logging;

namespace ArxivDigest.Ingest.Arxiv;

/// <summary>
/// Parses one category's RSS 2.0 feed from rss.arxiv.org. A broken feed throws
/// <see cref="FeedFormatException"/>; a single unusable item is skipped, logged and counted.
/// </summary>
public sealed partial class RssFeedParser(ILogger<RssFeedParser> logger)
{
    private static readonly XNamespace ArxivNs = "http://arxiv.org/schemas/atom";
    private static readonly XNamespace DcNs = "http://purl.org/dc/elements/1.1/";

    public CategoryFeed Parse(string xml, string category, string feed)
    {
        var document = FeedXml.Load(xml, feed, "rss");
        var channel = document.Root!.Element("channel")
            ?? throw new FeedFormatException(feed, "the <rss> document has no <channel>");

        DateOnly? announcedOn = FeedText.TryParseFeedDate((string?)channel.Element("pubDate"), out var date)
            ? date
            : null;

        var entries = channel.Elements("item").ToList();
        var items = new List<FeedItem>(entries.Count);
        var skipped = 0;
        for (var index = 0; index < entries.Count; index++)
        {
            if (TryReadItem(entries[index], category, out var item, out var problem))
            {
                items.Add(item);
            }
            else
            {
                skipped++;
                LogSkippedItem(feed, index + 1, problem);
            }
        }

        if (entries.Count > 0 && announcedOn is null)
        {
            throw new FeedFormatException(feed, "the channel has items but no readable <pubDate>, so the announcement date is unknown");
        }

        return new CategoryFeed(category, announcedOn, items, entries.Count, skipped);
    }

    private static bool TryReadItem(XElement element, string category, out FeedItem item, out string problem)
    {
        item = null!;
        var description = (string?)element.Element("description") ?? string.Empty;
        if (!ArxivId.TryParse((string?)element.Element("guid"), out var id, out var version)
            && !ArxivId.TryParse((string?)element.Element("link"), out id, out version))
        {
            problem = "no arXiv id in <guid> or <link>";
            return false;
        }

        var title = FeedText.Clean((string?)element.Element("title"));
        if (title.Length == 0)
        {
            problem = $"{id} has no title";
            return false;
        }

        var typeText = (string?)element.Element(ArxivNs + "announce_type") ?? AnnounceTypeFromDescription(description);
        if (!AnnounceKinds.TryParse(typeText, out var kind))
        {
            problem = $"{id} has an unknown announce type '{typeText}'";
            return false;
        }

        var categories = element.Elements("category")
            .Select(c => FeedText.Clean(c.Value))
            .Where(FeedText.IsCategoryCode)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (categories.Count == 0)
        {
            categories.Add(category);
        }

        // The feed does not mark the primary: a new submission's primary is the feed's category;
        // otherwise arXiv lists the primary first.
        var primary = kind is AnnounceKind.New or AnnounceKind.Replace ? category : categories[0];
        if (primary != categories[0])
        {
            categories.Remove(primary);
            categories.Insert(0, primary);
        }

        item = new FeedItem(
            id,
            version == 0 ? 1 : version,
            title,
            FeedText.SplitAuthors((string?)element.Element(DcNs + "creator")),
            AbstractFromDescription(description),
            categories,
            primary,
            kind,
            Comments: string.Empty);
        problem = string.Empty;
        return true;
    }

    // "arXiv:2506.01158v1 Announce Type: new \nAbstract: ..."
    private static string AbstractFromDescription(string description)
    {
        var marker = description.IndexOf("Abstract:", StringComparison.Ordinal);
        return FeedText.Clean(marker < 0 ? description : description[(marker + "Abstract:".Length)..]);
    }

    private static string? AnnounceTypeFromDescription(string description)
    {
        const string Marker = "Announce Type:";
        var start = description.IndexOf(Marker, StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        var rest = description.AsSpan(start + Marker.Length).TrimStart();
        var end = rest.IndexOfAny(' ', '\n', '\r');
        return (end < 0 ? rest : rest[..end]).ToString();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped item {Index} of feed {Feed}: {Problem}")]
    private partial void LogSkippedItem(string feed, int index, string problem);
}
