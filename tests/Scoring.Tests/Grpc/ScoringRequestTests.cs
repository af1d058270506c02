using ArxivDigest.Contracts.V1;
using ArxivDigest.Scoring.Tests.Support;
using ArxivDigest.TestSupport;
using ArxivDigest.TestSupport.FakeOpenAi;
using Grpc.Core;

namespace ArxivDigest.Scoring.Tests.Grpc;

/// <summary>What callers of the public API may send, and what they get back when it is wrong.</summary>
public sealed class ScoringRequestTests() : ScoringTestBase(("Scoring:MaxPapersPerRequest", "50"))
{
    [Fact]
    public async Task An_empty_request_is_an_invalid_argument()
    {
        var error = await ScoreFails([]);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith("papers:", error.Status.Detail);
    }

    [Fact]
    public async Task An_oversized_request_is_refused_with_the_limit_named()
    {
        var error = await ScoreFails(ScoringApp.Day("2025-06-10", 51));

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Contains("51 papers, more than the 50", error.Status.Detail);
        Assert.Empty(Llm.Calls);
    }

    [Theory]
    [InlineData("", "Some title", "papers[1].arxiv_id")]
    [InlineData("2506.00001", "  ", "papers[1].title")]
    public async Task A_paper_without_id_or_title_is_named_by_its_position(string id, string title, string field)
    {
        var papers = ScoringApp.Day("2025-06-10", 3).Select(p => p.Clone()).ToList();
        papers[1].ArxivId = id;
        papers[1].Title = title;

        var error = await ScoreFails(papers);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith(field, error.Status.Detail);
        Assert.Empty(Llm.Calls);
    }

    [Fact]
    public async Task An_unknown_profile_is_an_invalid_argument_listing_the_known_ones()
    {
        var error = await ScoreFails(ScoringApp.Day("2025-06-10", 2), "nlp-only");

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("profile: 'nlp-only' is not a profile configured on this server (known: default)", error.Status.Detail);
    }

    [Fact]
    public async Task Duplicate_ids_are_scored_once_and_get_one_verdict()
    {
        var papers = ScoringApp.Day("2025-06-10", 4).ToList();
        var again = papers[0].Clone();
        again.ArxivId += "v1";
        papers.Add(again);

        var (verdicts, _) = await App.ScoreAsync(papers);

        Assert.Equal(4, verdicts.Count);
        Assert.Equal(4, Llm.Calls.Sum(c => c.Papers.Count));
    }

    [Fact]
    public async Task GetScores_returns_cached_verdicts_in_request_order_and_names_the_missing_ids()
    {
        var papers = ScoringApp.Day("2025-06-10", 6);
        var (scored, _) = await App.ScoreAsync(papers.Take(4));
        Llm.ResetCalls();
        var request = new GetScoresRequest();
        request.ArxivIds.AddRange([papers[3].ArxivId + "v1", papers[5].ArxivId, papers[0].ArxivId, papers[4].ArxivId]);

        var response = await App.Client.GetScoresAsync(request);

        Assert.Equal([papers[3].ArxivId, papers[0].ArxivId], response.Verdicts.Select(v => v.ArxivId));
        Assert.Equal([papers[5].ArxivId, papers[4].ArxivId], response.MissingIds);
        Assert.All(response.Verdicts, v => Assert.True(v.FromCache));
        Assert.Equal(scored.Single(v => v.ArxivId == papers[0].ArxivId).Relevance, response.Verdicts[1].Relevance);
        Assert.Empty(Llm.Calls);
    }

    [Fact]
    public async Task GetScores_checks_its_input()
    {
        var empty = await Assert.ThrowsAsync<RpcException>(() => App.Client.GetScoresAsync(new GetScoresRequest()).ResponseAsync);
        var unknown = await Assert.ThrowsAsync<RpcException>(() => App.Client.GetScoresAsync(new GetScoresRequest { Profile = "x", ArxivIds = { "2506.00001" } }).ResponseAsync);
        var blank = await Assert.ThrowsAsync<RpcException>(() => App.Client.GetScoresAsync(new GetScoresRequest { ArxivIds = { "2506.00001", " " } }).ResponseAsync);

        Assert.Equal((StatusCode.InvalidArgument, "arxiv_ids: at least one arXiv id is required"), (empty.StatusCode, empty.Status.Detail));
        Assert.Equal(StatusCode.InvalidArgument, unknown.StatusCode);
        Assert.StartsWith("arxiv_ids[1]", blank.Status.Detail);
    }

    [Fact]
    public async Task DescribeProfile_shows_the_prompts_as_sent_with_the_papers_replaced()
    {
        var description = await App.Client.DescribeProfileAsync(new DescribeProfileRequest());
        await App.ScoreAsync(ScoringApp.Day("2025-06-10", 2));

        var sent = Assert.Single(Llm.Calls);
        Assert.Equal(("default", "gpt-4o", 8, 7, "llm"), (description.Name, description.Model, description.RelevanceCutoff, description.NoveltyCutoff, description.Judge));
        Assert.Equal(sent.SystemPrompt, description.SystemPrompt);
        Assert.EndsWith("[PAPERS]", description.UserPrompt);
        Assert.StartsWith(description.UserPrompt[..^"[PAPERS]".Length], sent.UserPrompt);
        var unknown = await Assert.ThrowsAsync<RpcException>(() => App.Client.DescribeProfileAsync(new DescribeProfileRequest { Profile = "nope" }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, unknown.StatusCode);
    }

    [Fact]
    public async Task With_the_llm_judge_asked_for_and_no_api_key_scoring_is_refused_clearly_and_nothing_is_sent()
    {
        await using var keyless = new ScoringApp(Llm, Redis.ConnectionString, Profiles.Path, ("OPENAI_API_KEY", ""), ("Scoring:Judge", "llm"));
        var request = new ScorePapersRequest();
        request.Papers.AddRange(ScoringApp.Day("2025-06-10", 2));

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            using var call = keyless.Client.ScorePapers(request);
            await call.ResponseStream.MoveNext(CancellationToken.None);
        });

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains("OPENAI_API_KEY is not set", error.Status.Detail);
        Assert.Empty(Llm.Calls);
    }

    [Fact]
    public async Task Without_an_api_key_the_local_judge_scores_every_paper_with_no_llm_call()
    {
        await using var keyless = new ScoringApp(Llm, Redis.ConnectionString, Profiles.Path, ("OPENAI_API_KEY", ""));
        var papers = ScoringApp.Day("2025-06-10", 50).Select(p => p.Clone()).ToList();
        papers[7].Abstract = string.Empty;

        var (verdicts, usage) = await keyless.ScoreAsync(papers);

        Assert.Empty(Llm.Calls);
        Assert.Equal(("local", 0L, 0, true), (usage.Judge, usage.PromptTokens, usage.LlmCalls, usage.CostKnown));
        Assert.Contains("all-MiniLM-L6-v2", usage.Model);
        Assert.Equal(50, verdicts.Count);
        Assert.All(verdicts, v =>
        {
            Assert.InRange(v.Relevance, 1, 10);
            Assert.Equal(0, v.Novelty);
            Assert.StartsWith("Closest topic: ", v.Comment);
        });
        Assert.Equal(4, verdicts.Count(v => v.Verdict == Verdict.Selected));
        Assert.All(verdicts.Where(v => v.Verdict == Verdict.Selected), v => Assert.True(v.Relevance >= 8));
        var ranked = verdicts.OrderByDescending(v => v.Score).ToList();
        Assert.All(ranked.Take(4), v => Assert.Equal(Verdict.Selected, v.Verdict));
        Assert.Contains(keyless.Logs.Lines, l => l.Contains("Scoring uses the LOCAL judge"));
    }

    [Fact]
    public async Task With_structured_outputs_off_no_schema_is_sent_and_plain_json_lines_are_read()
    {
        await using var plain = new ScoringApp(Llm, Redis.ConnectionString, Profiles.Path, ("Scoring:StructuredOutputs", "false"));
        Llm.Script = _ => new FakeReply.Answer((_, lines) => lines, Messy: true);

        var (verdicts, _) = await plain.ScoreAsync(ScoringApp.Day("2025-06-06", 5));

        Assert.False(Assert.Single(Llm.Calls).StructuredOutput);
        Assert.DoesNotContain(verdicts, v => v.Verdict == Verdict.Failed);
    }

    private async Task<RpcException> ScoreFails(IEnumerable<Paper> papers, string profile = "")
    {
        var request = new ScorePapersRequest { Profile = profile };
        request.Papers.AddRange(papers);
        return await Assert.ThrowsAsync<RpcException>(async () =>
        {
            using var call = App.Client.ScorePapers(request);
            await call.ResponseStream.MoveNext(CancellationToken.None);
        });
    }
}
