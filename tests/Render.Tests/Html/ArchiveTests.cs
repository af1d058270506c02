using ArxivDigest.Contracts.V1;
using ArxivDigest.Render.Tests.Support;

namespace ArxivDigest.Render.Tests.Html;

/// <summary>The archive index and month pages, rebuilt as days are rendered in any order.</summary>
public sealed class ArchiveTests : IAsyncLifetime
{
    private RenderApp app = null!;

    public Task InitializeAsync()
    {
        app = new RenderApp();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_index_lists_every_day_newest_first_with_counts_and_cost_and_latest_stays_the_newest()
    {
        await app.Client.RenderDigestAsync(ReferenceDigest.Request("2025-06-10"));
        await app.Client.RenderDigestAsync(new RenderDigestRequest { Date = "2025-06-07", NoAnnouncement = true, Usage = new Usage() });
        await app.Client.RenderDigestAsync(ReferenceDigest.Request("2025-06-05"));
        await app.Client.RenderDigestAsync(Requests.Day("2025-07-01", Requests.Paper("2507.00001")));
        await app.Client.RenderDigestAsync(Requests.Day("2025-06-30", Requests.Paper("2506.99999")));

        var index = File.ReadAllText(app.Output("html", "index.html"));
        var order = new[] { "2025-07-01", "2025-06-30", "2025-06-10", "2025-06-07", "2025-06-05" }.Select(d => index.IndexOf($"href=\"{d}.html\"", StringComparison.Ordinal)).ToList();
        Assert.All(order, position => Assert.True(position > 0));
        Assert.Equal(order.Order(), order);
        Assert.Contains("<td class=\"num\">46</td><td class=\"num\">46</td><td class=\"num\">728</td><td class=\"num\">$0.24</td>", index);
        Assert.Contains("no announcement", index);
        Assert.Contains("href=\"2025-07.html\">July 2025</a> · <a href=\"2025-06.html\">June 2025</a>", index);

        var june = File.ReadAllText(app.Output("html", "2025-06.html"));
        Assert.Contains("2025-06-05.html", june);
        Assert.DoesNotContain("2025-07-01.html", june);
        Assert.StartsWith("# Personalized Daily ArXiv Papers 2025-07-01", File.ReadAllText(app.Output("latest.md")));
    }

    public async Task DisposeAsync() => await app.DisposeAsync();
}
