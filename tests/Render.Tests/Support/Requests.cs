using ArxivDigest.Contracts.V1;

namespace ArxivDigest.Render.Tests.Support;

/// <summary>Small hand-made requests for the cases the reference days do not cover.</summary>
public static class Requests
{
    public static RenderDigestRequest Day(string date, params ScoredPaper[] papers)
    {
        var request = new RenderDigestRequest
        {
            Date = date,
            TotalEntries = 600,
            Scanned = 500,
            UniquePapers = 400,
            SystemPrompt = "You screen papers.",
            UserPrompt = "## Topics\n\n1. Things\n\n## Papers\n\n[PAPERS]",
            Usage = new Usage { Model = "gpt-4o", PromptTokens = 1000, CachedPromptTokens = 200, CompletionTokens = 100, PromptCostUsd = 0.0022, CompletionCostUsd = 0.001, CostKnown = true, LlmCalls = 3, Judge = "llm" },
        };
        request.Papers.AddRange(papers);
        return request;
    }

    public static ScoredPaper Paper(string id, string title = "A title", int relevance = 9, int novelty = 8, string @abstract = "An abstract.", params string[] authors)
    {
        var paper = new Paper { ArxivId = id, Version = 1, Title = title, Abstract = @abstract, PrimaryCategory = "cs.LG" };
        paper.Authors.AddRange(authors.Length > 0 ? authors : ["A. Author"]);
        paper.Categories.Add("cs.LG");
        return new ScoredPaper
        {
            Paper = paper,
            Verdict = new PaperVerdict { ArxivId = id, Verdict = Verdict.Selected, Relevance = relevance, Novelty = novelty, Score = relevance + novelty, Comment = "Matches topic 1." },
        };
    }
}
