extern alias IngestServer;

using ArxivDigest.Ingest.Tests.Support;
using ArxivDigest.TestSupport;
using IngestServer::ArxivDigest.Ingest.Announcements;
using IngestServer::ArxivDigest.Ingest.Arxiv;

namespace ArxivDigest.Ingest.Tests.Sources;

public sealed class ReplayFolderTests : IDisposable
{
    private readonly TempFolder folder = new();

    [Fact]
    public async Task Saved_rss_feeds_replay_the_same_day_as_the_listing()
    {
        foreach (var category in new[] { "cs.LG", "cs.AI" })
        {
            await File.WriteAllTextAsync(folder.File($"rss-{category}-2025-06-10.xml"), RssFeedBuilder.FromDay("2025-06-10", category));
        }

        var fromRss = await ListAsync(folder.Path);
        var fromListing = await ListAsync(Fixtures.ArxivFolder);

        Assert.Equal(fromListing.Papers.Select(p => p.ArxivId), fromRss.Papers.Select(p => p.ArxivId));
        Assert.Equal((576, 728, 728), (fromRss.Papers.Count, fromRss.Scanned, fromRss.TotalEntries));
    }

    [Fact]
    public async Task Bad_listing_lines_are_skipped_and_counted_and_the_rest_is_kept()
    {
        var lines = File.ReadAllLines(Fixtures.Listing("2025-06-10")).Take(20).ToList();
        lines.Insert(3, "{ this is not json");
        lines.Insert(7, """{"id": "2506.99999", "title": "", "authors": [], "abstract": "x", "categories": ["cs.LG"], "primary_category": "cs.LG", "announce_types": {"cs.LG": "new"}}""");
        lines.Insert(9, """{"id": "2506.99998", "title": "Odd", "authors": [], "abstract": "x", "categories": ["cs.LG"], "primary_category": "cs.LG", "announce_types": {"cs.LG": "sideways"}}""");
        await File.WriteAllLinesAsync(folder.File("listing-cs.LG-2025-06-10.jsonl"), lines);
        var expected = ListingPaper.InCategory(ListingPaper.Load("2025-06-10").Take(20), "cs.LG").Count;

        var day = await ListAsync(folder.Path, "cs.LG");

        Assert.Equal(expected, day.Papers.Count);
        Assert.Equal(3, day.SkippedItems);
        Assert.Equal(expected + 3, day.TotalEntries);
    }

    [Fact]
    public async Task A_truncated_saved_feed_fails_naming_the_file()
    {
        var xml = RssFeedBuilder.FromDay("2025-06-10", "cs.LG");
        var path = folder.File("rss-cs.LG-2025-06-10.xml");
        await File.WriteAllTextAsync(path, xml[..(xml.Length / 3)]);

        var error = await Assert.ThrowsAsync<FeedFormatException>(() => ListAsync(folder.Path, "cs.LG"));

        Assert.Contains(path, error.Message);
    }

    private static async Task<AnnouncementDay> ListAsync(string replayFolder, params string[] categories)
    {
        using var host = IngestTestHost.Create(("Ingest:Source", "Replay"), ("Ingest:ReplayDirectory", replayFolder));
        return await host.Get<AnnouncementLister>().ListAsync(
            Queries.Day(new DateOnly(2025, 6, 10), categories), default);
    }

    public void Dispose() => folder.Dispose();
}
