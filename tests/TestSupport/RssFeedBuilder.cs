using System.Globalization;
using System.Xml.Linq;

namespace ArxivDigest.TestSupport;

/// <summary>
/// Builds a feed in rss.arxiv.org's real format (RSS 2.0 with the arxiv and dc namespaces) from a
/// saved day's papers, so that the parser is tested on real titles, authors and abstracts.
/// </summary>
public static class RssFeedBuilder
{
    private static readonly XNamespace Arxiv = "http://arxiv.org/schemas/atom";
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    /// <summary>One feed item; <paramref name="Creators"/> is the raw dc:creator text.</summary>
    public sealed record Item(string IdWithVersion, string Title, string Creators, string Abstract, IReadOnlyList<string> Categories, string AnnounceType);

    public static Item FromListing(ListingPaper paper, string category) =>
        new(paper.Id + "v1", paper.Title, string.Join(", ", paper.Authors), paper.Abstract, paper.Categories, paper.AnnounceTypes[category]);

    public static string Build(string category, DateOnly announced, IEnumerable<Item> items)
    {
        var pubDate = announced.ToDateTime(TimeOnly.MinValue).ToString("ddd, dd MMM yyyy", CultureInfo.InvariantCulture) + " 00:00:00 -0400";
        var channel = new XElement("channel",
            new XElement("title", $"{category} updates on arXiv.org"),
            new XElement("link", $"http://rss.arxiv.org/rss/{category}"),
            new XElement("description", $"{category} updates on the arXiv.org e-print archive."),
            new XElement(Atom + "link", new XAttribute("href", $"http://rss.arxiv.org/rss/{category}"), new XAttribute("rel", "self"), new XAttribute("type", "application/rss+xml")),
            new XElement("docs", "http://www.rssboard.org/rss-specification"),
            new XElement("language", "en-us"),
            new XElement("lastBuildDate", pubDate),
            new XElement("managingEditor", "rss-help@arxiv.org"),
            new XElement("pubDate", pubDate),
            new XElement("skipDays", new XElement("day", "Saturday"), new XElement("day", "Sunday")));

        foreach (var item in items)
        {
            var id = item.IdWithVersion;
            channel.Add(new XElement("item",
                new XElement("title", item.Title),
                new XElement("link", $"https://arxiv.org/abs/{StripVersion(id)}"),
                new XElement("description", $"arXiv:{id} Announce Type: {item.AnnounceType} \nAbstract: {item.Abstract}"),
                new XElement("guid", new XAttribute("isPermaLink", "false"), $"oai:arXiv.org:{id}"),
                item.Categories.Select(c => new XElement("category", c)),
                new XElement(Arxiv + "announce_type", item.AnnounceType),
                new XElement(Dc + "rights", "http://creativecommons.org/licenses/by/4.0/"),
                new XElement(Dc + "creator", item.Creators)));
        }

        var rss = new XElement("rss",
            new XAttribute("version", "2.0"),
            new XAttribute(XNamespace.Xmlns + "arxiv", Arxiv),
            new XAttribute(XNamespace.Xmlns + "dc", Dc),
            new XAttribute(XNamespace.Xmlns + "atom", Atom),
            new XAttribute(XNamespace.Xmlns + "content", "http://purl.org/rss/1.0/modules/content/"),
            channel);
        return new XDocument(new XDeclaration("1.0", "UTF-8", null), rss).ToString();
    }

    /// <summary>The feed of one category on a saved real day.</summary>
    public static string FromDay(string date, string category)
    {
        var papers = ListingPaper.InCategory(ListingPaper.Load(date), category);
        return Build(category, DateOnly.Parse(date, CultureInfo.InvariantCulture), papers.Select(p => FromListing(p, category)));
    }

    private static string StripVersion(string id)
    {
        var v = id.LastIndexOf('v');
        return v > 0 && char.IsDigit(id[^1]) ? id[..v] : id;
    }
}
