using System.Text.Json;
using ArxivDigest.Contracts.V1;
using ArxivDigest.Render.Tests.Support;
using Grpc.Core;

namespace ArxivDigest.Render.Tests.Grpc;

/// <summary>RenderDigest over gRPC: the files it owns, the JSON document, days with nothing, and bad requests.</summary>
public sealed class RenderDigestTests : IAsyncLifetime
{
    private RenderApp app = null!;

    public Task InitializeAsync()
    {
        app = new RenderApp();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_day_is_written_as_markdown_json_and_html_with_the_archive_pages()
    {
        var response = await app.Client.RenderDigestAsync(ReferenceDigest.Request("2025-06-10"));

        string[] expected =
        [
            app.Output("md", "2025-06", "2025-06-10-output.md"),
            app.Output("json", "2025-06", "2025-06-10-output.json"),
            app.Output("html", "2025-06-10.html"),
            app.Output("latest.md"),
            app.Output("html", "2025-06.html"),
            app.Output("html", "index.html"),
        ];
        Assert.Equal(expected, response.WrittenPaths);
        Assert.Equal(response.Markdown, File.ReadAllText(expected[0]));
        Assert.Equal(response.Json, File.ReadAllText(expected[1]));
        Assert.Equal(response.Html, File.ReadAllText(expected[2]));
        Assert.Equal(response.Markdown, File.ReadAllText(expected[3]));
        Assert.Empty(Directory.EnumerateFiles(app.OutputRoot, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task The_json_document_is_versioned_and_carries_the_run_and_every_paper()
    {
        var response = await app.Client.RenderDigestAsync(ReferenceDigest.Request("2025-06-10"));

        using var json = JsonDocument.Parse(response.Json);
        var root = json.RootElement;
        Assert.Equal(("arxivdigest.digest", 1, "2025-06-10"), (root.GetProperty("schema").GetString(), root.GetProperty("version").GetInt32(), root.GetProperty("date").GetString()));
        var run = root.GetProperty("run");
        Assert.Equal(("gpt-4o", 63623, 7844, 0.24m), (run.GetProperty("model").GetString(), run.GetProperty("prompt_tokens").GetInt64(), run.GetProperty("completion_tokens").GetInt64(), Math.Round(run.GetProperty("total_cost_usd").GetDecimal(), 2)));
        var counts = root.GetProperty("counts");
        Assert.Equal((1230, 728, 46), (counts.GetProperty("total_entries").GetInt32(), counts.GetProperty("scanned").GetInt32(), counts.GetProperty("selected").GetInt32()));
        var papers = root.GetProperty("papers").EnumerateArray().ToList();
        Assert.Equal(46, papers.Count);
        Assert.Equal("author_match", papers[0].GetProperty("verdict").GetProperty("kind").GetString());
        var third = papers[2];
        Assert.Equal(("2506.06489", 10, 9, "https://arxiv.org/pdf/2506.06489"), (third.GetProperty("arxiv_id").GetString(), third.GetProperty("verdict").GetProperty("relevance").GetInt32(), third.GetProperty("verdict").GetProperty("novelty").GetInt32(), third.GetProperty("pdf_url").GetString()));
        var chebnet = papers.Single(p => p.GetProperty("title").GetString()!.StartsWith("Return of ChebNet"));
        Assert.Contains("Álvaro Arroyo", chebnet.GetProperty("authors").EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public async Task A_day_without_an_announcement_says_so_and_is_not_an_empty_digest()
    {
        var request = new RenderDigestRequest { Date = "2025-06-07", NoAnnouncement = true, Usage = new Usage() };

        var response = await app.Client.RenderDigestAsync(request);

        Assert.Contains("arXiv announced nothing on 2025-06-07", response.Markdown);
        Assert.DoesNotContain("Total relevant papers", response.Markdown);
        Assert.Contains("id=\"no-announcement\"", response.Html);
        Assert.True(JsonDocument.Parse(response.Json).RootElement.GetProperty("no_announcement").GetBoolean());
    }

    [Fact]
    public async Task A_day_where_nothing_passed_the_cutoffs_says_so_with_the_counts()
    {
        var response = await app.Client.RenderDigestAsync(Requests.Day("2025-06-11"));

        Assert.Contains("Total relevant papers: 0", response.Markdown);
        Assert.Contains("No paper passed the cutoffs today: 500 scanned, 400 distinct papers judged, none selected.", response.Markdown);
        Assert.Contains("id=\"none-selected\"", response.Html);
    }

    [Fact]
    public async Task Zero_llm_usage_on_a_scanned_day_is_refused_as_an_upstream_failure()
    {
        var request = Requests.Day("2025-06-11");
        request.Usage = new Usage { Model = "gpt-4o", Judge = "llm" };

        var error = await Assert.ThrowsAsync<RpcException>(() => app.Client.RenderDigestAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains("500 papers were scanned but the LLM judge reports no tokens", error.Status.Detail);
        Assert.False(Directory.Exists(app.Output("md")));
    }

    [Theory]
    [InlineData("local", 0)]
    [InlineData("llm", 576)]
    public async Task Zero_tokens_are_fine_for_the_local_judge_or_a_run_served_from_the_cache(string judge, int cacheHits)
    {
        var request = Requests.Day("2025-06-11", Requests.Paper("2506.00001", novelty: judge == "local" ? 0 : 8));
        request.Usage = new Usage { Model = "gpt-4o", Judge = judge, CacheHits = cacheHits, CostKnown = true };

        var response = await app.Client.RenderDigestAsync(request);

        Assert.Contains("Total relevant papers: 1", response.Markdown);
    }

    [Fact]
    public async Task An_unknown_price_prints_as_unknown_not_as_zero()
    {
        var request = Requests.Day("2025-06-11", Requests.Paper("2506.00001"));
        request.Usage.CostKnown = false;
        request.Usage.Model = "my-llama";

        var response = await app.Client.RenderDigestAsync(request);

        var costRow = response.Markdown.Split('\n').Single(l => l.StartsWith("| **Cost**", StringComparison.Ordinal));
        Assert.Equal(["**Cost**", "unknown", "unknown", "unknown"], ReferenceDigest.Cells(costRow));
        Assert.Equal(JsonValueKind.Null, JsonDocument.Parse(response.Json).RootElement.GetProperty("run").GetProperty("total_cost_usd").ValueKind);
    }

    [Theory]
    [InlineData("date", "", null)]
    [InlineData("date", "June 10", null)]
    [InlineData("papers[1].paper.arxiv_id", null, "no-id")]
    [InlineData("papers[1].paper.title", null, "no-title")]
    [InlineData("papers[1].paper.arxiv_id", null, "duplicate")]
    [InlineData("papers[1].verdict.relevance", null, "relevance-11")]
    [InlineData("papers[1].verdict.novelty", null, "novelty-negative")]
    [InlineData("papers[1].verdict.verdict", null, "rejected")]
    public async Task Bad_requests_are_invalid_arguments_naming_the_field_and_write_nothing(string field, string? date, string? flaw)
    {
        var request = Requests.Day("2025-06-11", Requests.Paper("2506.00001"), Requests.Paper("2506.00002"));
        if (date is not null)
        {
            request.Date = date;
        }

        var second = request.Papers[1];
        switch (flaw)
        {
            case "no-id": second.Paper.ArxivId = ""; break;
            case "no-title": second.Paper.Title = " "; break;
            case "duplicate": second.Paper.ArxivId = "2506.00001"; break;
            case "relevance-11": second.Verdict.Relevance = 11; break;
            case "novelty-negative": second.Verdict.Novelty = -1; break;
            case "rejected": second.Verdict.Verdict = Verdict.RejectedByScore; break;
        }

        var error = await Assert.ThrowsAsync<RpcException>(() => app.Client.RenderDigestAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith(field + ":", error.Status.Detail);
        Assert.Empty(Directory.EnumerateFileSystemEntries(app.OutputRoot));
    }

    public async Task DisposeAsync() => await app.DisposeAsync();
}
