extern alias IngestServer;

using ArxivDigest.Ingest.Tests.Support;
using ArxivDigest.TestSupport;
using IngestServer::ArxivDigest.Ingest.Announcements;
using IngestServer::ArxivDigest.Ingest.Arxiv;
using IngestServer::ArxivDigest.Ingest.Sources;
using Microsoft.Extensions.Hosting;

namespace ArxivDigest.Ingest.Tests.Announcements;

/// <summary>The real saved days, replayed as announced: counts as the reference digests report them.</summary>
public sealed class ReplayListingTests : IDisposable
{
    private readonly IHost host = IngestTestHost.Create(("Ingest:Source", "Replay"), ("Ingest:ReplayDirectory", Fixtures.ArxivFolder));

    [Theory]
    [InlineData("2025-06-02", 366, 465)]
    [InlineData("2025-06-03", 650, 816)]
    [InlineData("2025-06-04", 359, 452)]
    [InlineData("2025-06-05", 276, 345)]
    [InlineData("2025-06-06", 292, 357)]
    [InlineData("2025-06-09", 305, 381)]
    [InlineData("2025-06-10", 576, 728)]
    [InlineData("2025-07-22", 426, 542)]
    [InlineData("2026-03-11", 287, 341)]
    public async Task Every_saved_day_lists_its_unique_papers_and_the_scanned_count(string date, int unique, int scanned)
    {
        var day = await List(date, "cs.LG", "cs.AI");

        Assert.Equal(DateOnly.Parse(date), day.Date);
        Assert.Equal(unique, day.Papers.Count);
        Assert.Equal(unique, day.Papers.Select(p => p.ArxivId).Distinct().Count());
        Assert.Equal(scanned, day.Scanned);
        Assert.Equal(scanned, day.TotalEntries);
        Assert.False(day.NoAnnouncement);
        Assert.Equal("replay", day.Source);
    }

    [Fact]
    public async Task A_paper_new_in_one_category_and_cross_listed_in_another_appears_once_as_new()
    {
        var listed = ListingPaper.Load("2025-06-10").First(p => p.AnnounceTypes.GetValueOrDefault("cs.LG") == "cross" && p.AnnounceTypes.GetValueOrDefault("cs.AI") == "new");

        var day = await List("2025-06-10", "cs.LG", "cs.AI");

        var paper = Assert.Single(day.Papers, p => p.ArxivId == listed.Id);
        Assert.Equal(AnnounceKind.New, paper.AnnounceKind);
        Assert.Equal(listed.Categories.Where(ListingPaper.IsArxivCategory).Order(), paper.Categories.Order());
        Assert.Equal(listed.PrimaryCategory, paper.Categories[0]);
        Assert.Equal(listed.Comment ?? string.Empty, paper.Comments);
    }

    [Fact]
    public async Task Filters_keep_only_the_announce_types_asked_for()
    {
        var day = await List("2025-06-10", new HashSet<AnnounceKind> { AnnounceKind.New }, primaryOnly: false, "cs.LG", "cs.AI");

        Assert.Equal(196 + 77, day.Scanned);
        Assert.All(day.Papers, p => Assert.Equal(AnnounceKind.New, p.AnnounceKind));
        Assert.Equal(728, day.TotalEntries);
    }

    [Fact]
    public async Task Primary_only_keeps_papers_whose_primary_is_a_requested_category()
    {
        var all = await List("2025-06-10", "cs.LG", "cs.AI");
        var primary = await List("2025-06-10", Queries.NewAndCross, primaryOnly: true, "cs.LG", "cs.AI");

        Assert.All(primary.Papers, p => Assert.Contains(p.PrimaryCategory, new[] { "cs.LG", "cs.AI" }));
        Assert.Equal(all.Papers.Count(p => p.PrimaryCategory is "cs.LG" or "cs.AI"), primary.Papers.Count);
        Assert.True(primary.Papers.Count < all.Papers.Count);
    }

    [Fact]
    public async Task A_weekend_day_is_no_announcement_not_an_error()
    {
        var day = await List("2025-06-07", "cs.LG", "cs.AI");

        Assert.True(day.NoAnnouncement);
        Assert.Empty(day.Papers);
        Assert.Equal(new DateOnly(2025, 6, 7), day.Date);
    }

    [Fact]
    public async Task A_weekday_with_nothing_saved_names_the_folder_and_the_days_it_has()
    {
        var error = await Assert.ThrowsAsync<DayNotServedException>(() => List("2025-06-11", "cs.LG"));

        Assert.Contains(Fixtures.ArxivFolder, error.Message);
        Assert.Contains("2025-06-11", error.Message);
        Assert.Contains("2026-03-11", error.Message);
    }

    [Fact]
    public async Task Without_a_date_the_newest_saved_day_is_served()
    {
        var day = await host.Get<AnnouncementLister>().ListAsync(Queries.Day(null), default);

        Assert.Equal(new DateOnly(2026, 3, 11), day.Date);
        Assert.Equal(287, day.Papers.Count);
    }

    private Task<AnnouncementDay> List(string date, params string[] categories) => List(date, Queries.NewAndCross, false, categories);

    private Task<AnnouncementDay> List(string date, IReadOnlySet<AnnounceKind> kinds, bool primaryOnly, params string[] categories) =>
        host.Get<AnnouncementLister>().ListAsync(new AnnouncementQuery(categories, kinds, primaryOnly, DateOnly.Parse(date)), default);

    public void Dispose() => host.Dispose();
}
