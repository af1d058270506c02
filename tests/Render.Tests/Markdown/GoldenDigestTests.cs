using System.Globalization;
using ArxivDigest.Render.Tests.Support;

namespace ArxivDigest.Render.Tests.Markdown;

/// <summary>
/// Each reference day, rendered from its selected papers and figures, matches the reference
/// digest line for line. The one difference allowed is deliberate: costs print with two
/// decimals ($0.10 where the reference printed $0.1). (The other, the order of the user prompt's
/// parts, does not show here: the prompt shown is the one given, and the test gives the reference's.)
/// </summary>
public sealed class GoldenDigestTests : IAsyncLifetime
{
    private RenderApp app = null!;

    public Task InitializeAsync()
    {
        app = new RenderApp();
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData("2025-06-05")]
    [InlineData("2025-06-10")]
    public async Task The_reference_digest_is_reproduced_line_for_line(string date)
    {
        var expected = File.ReadAllText(ReferenceDigest.MarkdownPath(date)).Split('\n');

        var actual = (await app.Client.RenderDigestAsync(ReferenceDigest.Request(date))).Markdown.Split('\n');

        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            if (expected[i].StartsWith("| **Cost**", StringComparison.Ordinal))
            {
                var reference = ReferenceDigest.Cells(expected[i]);
                var ours = ReferenceDigest.Cells(actual[i]);
                Assert.Equal(reference[0], ours[0]);
                Assert.Equal(reference.Skip(1).Select(c => ReferenceDigest.Money(c).ToString("$0.00", CultureInfo.InvariantCulture)), ours.Skip(1));
                continue;
            }

            Assert.True(expected[i] == actual[i], $"line {i + 1} differs:\nreference: {expected[i]}\nours:      {actual[i]}");
        }
    }

    [Fact]
    public async Task Papers_are_ordered_author_matches_first_then_by_score_then_relevance_stably()
    {
        var request = ReferenceDigest.Request("2025-06-10");
        var shuffled = request.Papers.Reverse().ToList();
        request.Papers.Clear();
        request.Papers.AddRange(shuffled);

        var response = await app.Client.RenderDigestAsync(request);

        var order = response.Markdown.Split('\n').Where(l => l.StartsWith("**ArXiv ID:** ", StringComparison.Ordinal)).Select(l => l[14..]).ToList();
        var ranked = shuffled.OrderByDescending(p => p.Verdict.Verdict == Contracts.V1.Verdict.AuthorMatch)
            .ThenByDescending(p => p.Verdict.Score).ThenByDescending(p => p.Verdict.Relevance).Select(p => p.Paper.ArxivId);
        Assert.Equal(ranked, order);
        Assert.Equal(["2506.06941", "2506.07751"], order.Take(2));
    }

    public async Task DisposeAsync() => await app.DisposeAsync();
}
