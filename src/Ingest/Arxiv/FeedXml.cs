using System.Xml;
using System.Xml.Linq;

namespace ArxivDigest.Ingest.Arxiv;

/// <summary>Loads feed XML safely and turns every way it can be broken into a <see cref="FeedFormatException"/>.</summary>
internal static class FeedXml
{
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    public static XDocument Load(string xml, string feed, string expectedRoot)
    {
        if (string.IsNullOrWhiteSpace(xml))
        {
            throw new FeedFormatException(feed, "the response is empty");
        }

        var head = xml.AsSpan(0, Math.Min(xml.Length, 512)).TrimStart();
        if (head.StartsWith("<!DOCTYPE html", StringComparison.OrdinalIgnoreCase)
            || head.StartsWith("<html", StringComparison.OrdinalIgnoreCase))
        {
            throw new FeedFormatException(feed, $"the response is an HTML page, not a feed ({Describe(xml)})");
        }

        XDocument document;
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), Settings);
            document = XDocument.Load(reader, LoadOptions.None);
        }
        catch (XmlException ex)
        {
            throw new FeedFormatException(feed, $"malformed or truncated XML at line {ex.LineNumber}, position {ex.LinePosition}: {ex.Message}", ex);
        }

        var root = document.Root!;
        if (root.Name.LocalName.Equals("html", StringComparison.OrdinalIgnoreCase))
        {
            throw new FeedFormatException(feed, $"the response is an HTML page, not a feed ({Describe(xml)})");
        }

        if (root.Name.LocalName != expectedRoot)
        {
            throw new FeedFormatException(feed, $"expected a <{expectedRoot}> document but the root element is <{root.Name.LocalName}>");
        }

        return document;
    }

    // The page's <title> says more than anything else about what went wrong upstream.
    private static string Describe(string html)
    {
        var start = html.IndexOf("<title>", StringComparison.OrdinalIgnoreCase);
        var end = start < 0 ? -1 : html.IndexOf("</title>", start, StringComparison.OrdinalIgnoreCase);
        return end > start
            ? $"title: \"{FeedText.Clean(html[(start + 7)..end])}\""
            : $"{html.Length} characters";
    }
}
