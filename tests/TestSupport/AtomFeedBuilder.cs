using System.Xml.Linq;

namespace ArxivDigest.TestSupport;

/// <summary>Builds pages in the arXiv API's real Atom format from a saved day's papers.</summary>
public static class AtomFeedBuilder
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Arxiv = "http://arxiv.org/schemas/atom";
    private static readonly XNamespace OpenSearch = "http://a9.com/-/spec/opensearch/1.1/";

    public static string Page(IReadOnlyList<ListingPaper> all, int start, int pageSize, DateTimeOffset published)
    {
        var feed = new XElement(Atom + "feed",
            new XAttribute(XNamespace.Xmlns + "opensearch", OpenSearch),
            new XAttribute(XNamespace.Xmlns + "arxiv", Arxiv),
            new XElement(Atom + "id", "https://arxiv.org/api/test"),
            new XElement(Atom + "title", "arXiv Query"),
            new XElement(Atom + "updated", published.ToString("yyyy-MM-ddTHH:mm:ssZ")),
            new XElement(OpenSearch + "itemsPerPage", pageSize),
            new XElement(OpenSearch + "totalResults", all.Count),
            new XElement(OpenSearch + "startIndex", start));

        foreach (var paper in all.Skip(start).Take(pageSize))
        {
            var entry = new XElement(Atom + "entry",
                new XElement(Atom + "id", $"http://arxiv.org/abs/{paper.Id}v1"),
                new XElement(Atom + "title", paper.Title),
                new XElement(Atom + "updated", published.ToString("yyyy-MM-ddTHH:mm:ssZ")),
                new XElement(Atom + "link", new XAttribute("href", $"https://arxiv.org/abs/{paper.Id}v1"), new XAttribute("rel", "alternate"), new XAttribute("type", "text/html")),
                new XElement(Atom + "summary", paper.Abstract),
                paper.Authors.Select(a => new XElement(Atom + "author", new XElement(Atom + "name", a))),
                new XElement(Arxiv + "primary_category", new XAttribute("term", paper.PrimaryCategory)),
                paper.Categories.Select(c => new XElement(Atom + "category", new XAttribute("term", c), new XAttribute("scheme", "http://arxiv.org/schemas/atom"))),
                new XElement(Atom + "published", published.ToString("yyyy-MM-ddTHH:mm:ssZ")));
            if (paper.Comment is { Length: > 0 } comment)
            {
                entry.Add(new XElement(Arxiv + "comment", comment));
            }

            feed.Add(entry);
        }

        return new XDocument(new XDeclaration("1.0", "UTF-8", null), feed).ToString();
    }

    /// <summary>The document the API returns for a malformed query.</summary>
    public static string Error(string message) =>
        new XDocument(new XElement(Atom + "feed",
            new XAttribute(XNamespace.Xmlns + "opensearch", OpenSearch),
            new XElement(Atom + "id", "http://arxiv.org/api/errors"),
            new XElement(OpenSearch + "totalResults", 1),
            new XElement(Atom + "entry",
                new XElement(Atom + "id", "http://arxiv.org/api/errors#incorrect_id_format"),
                new XElement(Atom + "title", "Error"),
                new XElement(Atom + "summary", message)))).ToString();
}
