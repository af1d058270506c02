extern alias IngestServer;

using ArxivDigest.TestSupport;
using IngestServer::ArxivDigest.Ingest.Arxiv;
using Microsoft.Extensions.Logging.Abstractions;

namespace ArxivDigest.Ingest.Tests.Arxiv;

public sealed class RssFeedParserTests
{
    private static readonly DateOnly June10 = new(2025, 6, 10);
    private readonly RssFeedParser parser = new(NullLogger<RssFeedParser>.Instance);

    [Fact]
    public void A_real_days_feed_has_the_announce_types_arxiv_listed()
    {
        var feed = parser.Parse(RssFeedBuilder.FromDay("2025-06-10", "cs.LG"), "cs.LG", "rss/cs.LG");

        Assert.Equal(June10, feed.AnnouncedOn);
        Assert.Equal(357, feed.TotalEntries);
        Assert.Equal(0, feed.SkippedItems);
        Assert.Equal(196, feed.Items.Count(i => i.AnnounceKind == AnnounceKind.New));
        Assert.Equal(161, feed.Items.Count(i => i.AnnounceKind == AnnounceKind.Cross));
    }

    [Fact]
    public void Titles_authors_and_abstracts_come_through_exactly()
    {
        var listed = ListingPaper.InCategory(ListingPaper.Load("2025-06-10"), "cs.AI");
        var feed = parser.Parse(RssFeedBuilder.FromDay("2025-06-10", "cs.AI"), "cs.AI", "rss/cs.AI");

        Assert.Equal(listed.Count, feed.Items.Count);
        foreach (var (paper, item) in listed.Zip(feed.Items))
        {
            Assert.Equal(paper.Id, item.ArxivId);
            Assert.Equal(1, item.Version);
            Assert.Equal(paper.Title, item.Title);
            Assert.Equal(paper.Authors, item.Authors);
            Assert.Equal(paper.Abstract, item.Abstract);
            Assert.Equal(paper.Categories.Where(ListingPaper.IsArxivCategory).Order(), item.Categories.Order());
        }
    }

    [Fact]
    public void Class_descriptions_mixed_into_the_categories_are_dropped()
    {
        var feed = Parse(new RssFeedBuilder.Item("2506.00008v1", "Classes", "A. Author", "Text.", ["cs.LG", "Human-Centered Computing --> HCI", "68T05", "cond-mat.stat-mech"], "new"));

        Assert.Equal(["cs.LG", "cond-mat.stat-mech"], feed.Items[0].Categories);
    }

    [Fact]
    public void A_new_submission_has_the_feed_category_as_primary_and_a_cross_list_its_first_category()
    {
        var feed = Parse(
            new RssFeedBuilder.Item("2506.00001v1", "Cross listed", "A. Author", "Text.", ["stat.ML", "cs.LG"], "cross"),
            new RssFeedBuilder.Item("2506.00002v1", "New here", "B. Author", "Text.", ["cs.AI", "cs.LG"], "new"));

        Assert.Equal("stat.ML", feed.Items[0].PrimaryCategory);
        Assert.Equal("cs.LG", feed.Items[1].PrimaryCategory);
        Assert.Equal(["cs.LG", "cs.AI"], feed.Items[1].Categories);
    }

    [Fact]
    public void Tex_accents_and_html_entities_in_author_names_become_letters()
    {
        var feed = Parse(new RssFeedBuilder.Item(
            "2506.00003v1", "Accents", @"Milica Ga\v{s}i\'c, J\""org M\""uller, Fran&#231;ois Chollet, Andr\'{e} Martins, \L{}ukasz Kaiser and Bj&ouml;rn Ommer",
            "Text.", ["cs.LG"], "new"));

        Assert.Equal(["Milica Gašić", "Jörg Müller", "François Chollet", "André Martins", "Łukasz Kaiser", "Björn Ommer"], feed.Items[0].Authors);
    }

    [Fact]
    public void Old_style_ids_and_versions_are_read()
    {
        var feed = Parse(
            new RssFeedBuilder.Item("math/0601001v2", "Old style", "A. Author", "Text.", ["math.GT", "cs.LG"], "replace-cross"),
            new RssFeedBuilder.Item("hep-th/9901001v1", "Older", "B. Author", "Text.", ["hep-th", "cs.LG"], "cross"));

        Assert.Equal(("math/0601001", 2, AnnounceKind.ReplaceCross), (feed.Items[0].ArxivId, feed.Items[0].Version, feed.Items[0].AnnounceKind));
        Assert.Equal(("hep-th/9901001", 1), (feed.Items[1].ArxivId, feed.Items[1].Version));
    }

    [Fact]
    public void An_item_without_id_or_title_or_with_an_unknown_type_is_skipped_and_counted()
    {
        var xml = RssFeedBuilder.Build("cs.LG", June10,
        [
            new("2506.00004v1", "Kept", "A. Author", "Text.", ["cs.LG"], "new"),
            new("2506.00005v1", "   ", "B. Author", "Text.", ["cs.LG"], "new"),
            new("2506.00006v1", "Odd type", "C. Author", "Text.", ["cs.LG"], "withdrawn"),
        ]);
        xml = xml.Replace("oai:arXiv.org:2506.00004v1", "oai:arXiv.org:unknown").Replace("https://arxiv.org/abs/2506.00004", "https://arxiv.org/list/new");
        xml = xml.Replace("</channel>", "<item><title>Also kept</title><guid>oai:arXiv.org:2506.00007v1</guid><arxiv:announce_type>new</arxiv:announce_type></item></channel>");

        var feed = parser.Parse(xml, "cs.LG", "rss/cs.LG");

        Assert.Equal(4, feed.TotalEntries);
        Assert.Equal(3, feed.SkippedItems);
        Assert.Equal("2506.00007", Assert.Single(feed.Items).ArxivId);
    }

    [Fact]
    public void A_weekend_feed_is_empty_but_dated()
    {
        var feed = parser.Parse(RssFeedBuilder.Build("cs.LG", new DateOnly(2025, 6, 7), []), "cs.LG", "rss/cs.LG");

        Assert.True(feed.IsEmpty);
        Assert.Equal(new DateOnly(2025, 6, 7), feed.AnnouncedOn);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("<rss><channel><item><title>Open", "malformed or truncated XML")]
    [InlineData("<!DOCTYPE html><html><head><title>503 Service Unavailable</title></head><body>down</body></html>", "HTML page, not a feed (title: \"503 Service Unavailable\")")]
    [InlineData("<feed xmlns=\"http://www.w3.org/2005/Atom\"/>", "root element is <feed>")]
    [InlineData("<rss version=\"2.0\"/>", "no <channel>")]
    public void A_broken_feed_fails_with_the_feed_and_the_problem_named(string xml, string problem)
    {
        var error = Assert.Throws<FeedFormatException>(() => parser.Parse(xml, "cs.LG", "https://rss.arxiv.org/rss/cs.LG"));

        Assert.Contains("https://rss.arxiv.org/rss/cs.LG", error.Message);
        Assert.Contains(problem, error.Message);
    }

    [Fact]
    public void A_truncated_real_feed_fails_rather_than_returning_part_of_the_day()
    {
        var xml = RssFeedBuilder.FromDay("2025-06-10", "cs.LG");

        var error = Assert.Throws<FeedFormatException>(() => parser.Parse(xml[..(xml.Length / 2)], "cs.LG", "rss/cs.LG"));

        Assert.Contains("truncated", error.Message);
    }

    private CategoryFeed Parse(params RssFeedBuilder.Item[] items) =>
        parser.Parse(RssFeedBuilder.Build("cs.LG", June10, items), "cs.LG", "rss/cs.LG");
}
