extern alias IngestServer;

using ArxivDigest.TestSupport;
using IngestServer::ArxivDigest.Ingest.Arxiv;
using Microsoft.Extensions.Logging.Abstractions;

namespace ArxivDigest.Ingest.Tests.Arxiv;

public sealed class AtomFeedParserTests
{
    private static readonly DateTimeOffset Published = new(2025, 6, 9, 15, 0, 0, TimeSpan.Zero);
    private readonly AtomFeedParser parser = new(NullLogger<AtomFeedParser>.Instance);

    [Fact]
    public void A_page_of_real_papers_reads_every_field_and_the_total()
    {
        var listed = ListingPaper.InCategory(ListingPaper.Load("2025-06-10"), "cs.LG");

        var page = parser.Parse(AtomFeedBuilder.Page(listed, 100, 50, Published), "cs.LG", "api");

        Assert.Equal(listed.Count, page.TotalResults);
        Assert.Equal(100, page.StartIndex);
        Assert.Equal(50, page.Entries.Count);
        foreach (var (paper, entry) in listed.Skip(100).Zip(page.Entries))
        {
            var item = entry.Item;
            Assert.Equal((paper.Id, paper.Title, paper.Abstract), (item.ArxivId, item.Title, item.Abstract));
            Assert.Equal(paper.Authors, item.Authors);
            Assert.Equal(paper.PrimaryCategory, item.PrimaryCategory);
            Assert.Equal(paper.PrimaryCategory, item.Categories[0]);
            Assert.Equal(paper.Comment ?? string.Empty, item.Comments);
            Assert.Equal(paper.PrimaryCategory == "cs.LG" ? AnnounceKind.New : AnnounceKind.Cross, item.AnnounceKind);
            Assert.Equal(Published, entry.Published);
        }
    }

    [Fact]
    public void An_api_error_document_fails_with_arxivs_message()
    {
        var error = Assert.Throws<FeedFormatException>(() =>
            parser.Parse(AtomFeedBuilder.Error("incorrect id format for 1234.12345"), "cs.LG", "http://export.arxiv.org/api/query?x"));

        Assert.Contains("incorrect id format for 1234.12345", error.Message);
        Assert.Contains("http://export.arxiv.org/api/query?x", error.Message);
    }

    [Fact]
    public void A_document_without_total_results_is_rejected()
    {
        var xml = AtomFeedBuilder.Page([], 0, 10, Published).Replace("totalResults", "totalResultz");

        var error = Assert.Throws<FeedFormatException>(() => parser.Parse(xml, "cs.LG", "api"));

        Assert.Contains("totalResults", error.Message);
    }

    [Fact]
    public void An_rss_document_is_not_taken_for_an_api_page()
    {
        var error = Assert.Throws<FeedFormatException>(() => parser.Parse(RssFeedBuilder.Build("cs.LG", new DateOnly(2025, 6, 10), []), "cs.LG", "api"));

        Assert.Contains("expected a <feed> document", error.Message);
    }
}
