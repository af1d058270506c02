using System.Globalization;
using ArxivDigest.Contracts.V1;
using ArxivDigest.Render.Archive;
using ArxivDigest.Render.Digests;
using ArxivDigest.Render.Html;
using ArxivDigest.Render.Json;
using ArxivDigest.Render.Markdown;
using ArxivDigest.ServiceDefaults;
using Grpc.Core;

namespace ArxivDigest.Render.Grpc;

/// <summary>The RenderService gRPC endpoint: validates the day, renders it three ways, writes the files.</summary>
public sealed class RenderGrpcService(DigestArchive archive) : RenderService.RenderServiceBase
{
    public override async Task<RenderDigestResponse> RenderDigest(RenderDigestRequest request, ServerCallContext context)
    {
        var day = ToModel(request);
        var markdown = DigestMarkdownWriter.Write(day);
        var json = DigestJsonWriter.Write(day);
        var html = DigestHtmlWriter.Write(day);
        var written = await archive.WriteAsync(day, markdown, json, html, context.CancellationToken);

        var response = new RenderDigestResponse { Markdown = markdown, Json = json, Html = html };
        response.WrittenPaths.AddRange(written);
        return response;
    }

    private static DigestDay ToModel(RenderDigestRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.Date))
        {
            RpcErrors.InvalidArgument("date", "is required (YYYY-MM-DD)");
        }

        if (!DateOnly.TryParseExact(request.Date.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            RpcErrors.InvalidArgument("date", $"'{request.Date}' is not a date in the form YYYY-MM-DD");
        }

        var usage = request.Usage ?? new Usage();
        var judge = string.IsNullOrWhiteSpace(usage.Judge) ? "llm" : usage.Judge.Trim();
        if (!request.NoAnnouncement && request.Scanned > 0 && judge != "local"
            && usage.PromptTokens + usage.CompletionTokens == 0 && usage.CacheHits == 0)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition,
                $"usage: {request.Scanned} papers were scanned but the LLM judge reports no tokens and no cached verdicts; "
                + "scoring did not run, so this digest would be empty for the wrong reason. Fix the scoring run (or set usage.judge to \"local\" if the local judge was used)."));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var papers = new List<DigestPaper>(request.Papers.Count);
        for (var i = 0; i < request.Papers.Count; i++)
        {
            papers.Add(ToModel(request.Papers[i], $"papers[{i}]", seen));
        }

        var run = new RunFigures(
            judge,
            string.IsNullOrWhiteSpace(usage.Model) ? (judge == "local" ? "local judge" : "unknown model") : usage.Model,
            usage.PromptTokens, usage.CachedPromptTokens, usage.CompletionTokens,
            usage.CostKnown ? (decimal)usage.PromptCostUsd : null,
            usage.CostKnown ? (decimal)usage.CompletionCostUsd : null,
            usage.LlmCalls, usage.CacheHits);

        return new DigestDay(date, DigestDay.InDigestOrder(papers), run, request.TotalEntries, request.Scanned,
            request.UniquePapers > 0 ? request.UniquePapers : papers.Count, request.NoAnnouncement, request.SystemPrompt, request.UserPrompt);
    }

    private static DigestPaper ToModel(ScoredPaper scored, string field, HashSet<string> seen)
    {
        var paper = scored.Paper ?? RpcErrors.InvalidArgument<Paper>($"{field}.paper", "is missing");
        var verdict = scored.Verdict ?? RpcErrors.InvalidArgument<PaperVerdict>($"{field}.verdict", "is missing");
        if (string.IsNullOrWhiteSpace(paper.ArxivId))
        {
            RpcErrors.InvalidArgument($"{field}.paper.arxiv_id", "is empty");
        }

        if (string.IsNullOrWhiteSpace(paper.Title))
        {
            RpcErrors.InvalidArgument($"{field}.paper.title", $"paper {paper.ArxivId} has no title");
        }

        if (!seen.Add(paper.ArxivId.Trim()))
        {
            RpcErrors.InvalidArgument($"{field}.paper.arxiv_id", $"{paper.ArxivId} appears more than once");
        }

        var authorMatch = verdict.Verdict == Verdict.AuthorMatch;
        if (!authorMatch && verdict.Verdict != Verdict.Selected)
        {
            RpcErrors.InvalidArgument($"{field}.verdict.verdict", $"{verdict.Verdict} for {paper.ArxivId}: only SELECTED and AUTHOR_MATCH papers belong in a digest");
        }

        // The local judge leaves novelty at 0 (not judged); an LLM verdict has both scores 1-10.
        var lowest = authorMatch ? 0 : 1;
        if (verdict.Relevance < lowest || verdict.Relevance > 10)
        {
            RpcErrors.InvalidArgument($"{field}.verdict.relevance", $"{verdict.Relevance} for {paper.ArxivId} is outside {lowest}-10");
        }

        if (verdict.Novelty is < 0 or > 10)
        {
            RpcErrors.InvalidArgument($"{field}.verdict.novelty", $"{verdict.Novelty} for {paper.ArxivId} is outside 0-10");
        }

        return new DigestPaper(paper.ArxivId.Trim(), Math.Max(1, paper.Version), paper.Title, paper.Authors, paper.Abstract,
            paper.Categories, paper.PrimaryCategory, paper.Comments,
            new DigestVerdict(authorMatch, verdict.Relevance, verdict.Novelty, verdict.Score, verdict.Comment, verdict.FromCache));
    }
}
