using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ArxivDigest.Render.Digests;
using ArxivDigest.ServiceDefaults.Text;

namespace ArxivDigest.Render.Json;

/// <summary>
/// The day as a versioned JSON document (<c>"schema": "arxivdigest.digest", "version": 1</c>), which
/// other tools and the archive index read. Field names are snake_case, as in the gRPC contracts;
/// author names have their TeX turned into Unicode. New fields may be added within a version;
/// none is renamed or removed without raising it.
/// </summary>
public static class DigestJsonWriter
{
    public const string Schema = "arxivdigest.digest";
    public const int Version = 1;

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(DigestDay day)
    {
        var run = day.Run;
        var document = new JsonObject
        {
            ["schema"] = Schema,
            ["version"] = Version,
            ["date"] = day.DateText,
            ["no_announcement"] = day.NoAnnouncement,
            ["run"] = new JsonObject
            {
                ["judge"] = run.Judge,
                ["model"] = run.Model,
                ["prompt_tokens"] = run.PromptTokens,
                ["cached_prompt_tokens"] = run.CachedPromptTokens,
                ["completion_tokens"] = run.CompletionTokens,
                ["cost_known"] = run.TotalCostUsd is not null,
                ["prompt_cost_usd"] = run.PromptCostUsd,
                ["completion_cost_usd"] = run.CompletionCostUsd,
                ["total_cost_usd"] = run.TotalCostUsd,
                ["llm_calls"] = run.LlmCalls,
                ["cache_hits"] = run.CacheHits,
            },
            ["counts"] = new JsonObject
            {
                ["total_entries"] = day.TotalEntries,
                ["scanned"] = day.Scanned,
                ["unique"] = day.UniquePapers,
                ["selected"] = day.Papers.Count,
            },
            ["papers"] = new JsonArray(day.Papers.Select((p, i) => (JsonNode)Paper(p, i + 1)).ToArray()),
            ["prompts"] = new JsonObject { ["system"] = day.SystemPrompt, ["user"] = day.UserPrompt },
        };
        return document.ToJsonString(Options);
    }

    private static JsonObject Paper(DigestPaper paper, int rank) => new()
    {
        ["rank"] = rank,
        ["arxiv_id"] = paper.Id,
        ["version"] = paper.Version,
        ["title"] = paper.Title,
        ["authors"] = new JsonArray(paper.Authors.Select(a => (JsonNode)TexText.ToUnicode(a)).ToArray()),
        ["abstract"] = paper.Abstract,
        ["categories"] = new JsonArray(paper.Categories.Select(c => (JsonNode)c).ToArray()),
        ["primary_category"] = paper.PrimaryCategory,
        ["arxiv_comments"] = paper.ArxivComments,
        ["abs_url"] = paper.AbsUrl,
        ["pdf_url"] = paper.PdfUrl,
        ["verdict"] = new JsonObject
        {
            ["kind"] = paper.Verdict.AuthorMatch ? "author_match" : "selected",
            ["relevance"] = paper.Verdict.Relevance,
            ["novelty"] = paper.Verdict.Novelty,
            ["score"] = paper.Verdict.Score,
            ["comment"] = paper.Verdict.Comment,
            ["from_cache"] = paper.Verdict.FromCache,
        },
    };
}
