using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using ArxivDigest.Contracts.V1;
using ArxivDigest.TestSupport;

namespace ArxivDigest.Render.Tests.Support;

/// <summary>
/// A reference digest (shared/fixtures/digests) turned back into the request that would render
/// it: the header's figures and prompts from the Markdown, the selected papers from the matching
/// digest-selected JSON, in that file's order.
/// </summary>
public static partial class ReferenceDigest
{
    [GeneratedRegex(@"\*\[(?<model>[^\]]+)\]\*")]
    private static partial Regex ModelCell();

    public static string MarkdownPath(string date) => Path.Combine(Fixtures.DigestsFolder, $"{date}-output.md");

    public static RenderDigestRequest Request(string date)
    {
        var lines = File.ReadAllText(MarkdownPath(date)).Split('\n');
        var tokens = Cells(lines[4]);
        var costs = Cells(lines[5]);
        var request = new RenderDigestRequest
        {
            Date = date,
            TotalEntries = Number(lines, "Total arXiv papers: "),
            Scanned = Number(lines, "Total scanned papers: "),
            SystemPrompt = Quoted(lines, "## System Prompt", "## User Prompt"),
            UserPrompt = Quoted(lines, "## User Prompt", null),
            Usage = new Usage
            {
                Model = ModelCell().Match(lines[2]).Groups["model"].Value,
                PromptTokens = long.Parse(tokens[1], CultureInfo.InvariantCulture),
                CompletionTokens = long.Parse(tokens[2], CultureInfo.InvariantCulture),
                PromptCostUsd = Money(costs[1]),
                CompletionCostUsd = Money(costs[2]),
                CostKnown = true,
                LlmCalls = 1,
                Judge = "llm",
            },
        };

        using var selected = JsonDocument.Parse(File.ReadAllText(Path.Combine(Fixtures.ArxivFolder, $"digest-selected-{date}.json")));
        foreach (var entry in selected.RootElement.EnumerateObject())
        {
            request.Papers.Add(ToScored(entry.Value));
        }

        return request;
    }

    /// <summary>The cells of a Markdown table row, trimmed.</summary>
    public static string[] Cells(string row) => row.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray();

    public static double Money(string cell) => double.Parse(cell.TrimStart('$'), CultureInfo.InvariantCulture);

    private static ScoredPaper ToScored(JsonElement value)
    {
        var paper = new Paper
        {
            ArxivId = value.GetProperty("arxiv_id").GetString()!,
            Version = 1,
            Title = value.GetProperty("title").GetString()!,
            Abstract = value.GetProperty("abstract").GetString()!,
        };
        paper.Authors.AddRange(value.GetProperty("authors").EnumerateArray().Select(a => a.GetString()!));
        var comment = value.GetProperty("COMMENT").GetString()!;
        var authorMatch = comment == "Author match";
        var verdict = new PaperVerdict
        {
            ArxivId = paper.ArxivId,
            Verdict = authorMatch ? Verdict.AuthorMatch : Verdict.Selected,
            Relevance = authorMatch ? 0 : value.GetProperty("RELEVANCE").GetInt32(),
            Novelty = authorMatch ? 0 : value.GetProperty("NOVELTY").GetInt32(),
            Score = value.GetProperty("SCORE").GetDouble(),
            Comment = comment,
        };
        return new ScoredPaper { Paper = paper, Verdict = verdict };
    }

    private static int Number(string[] lines, string prefix) =>
        int.Parse(lines.First(l => l.StartsWith(prefix, StringComparison.Ordinal))[prefix.Length..], CultureInfo.InvariantCulture);

    private static string Quoted(string[] lines, string from, string? to)
    {
        var start = Array.IndexOf(lines, from) + 1;
        var end = to is null ? lines.Length : Array.IndexOf(lines, to);
        return string.Join("\n", lines[start..end].Where(l => l.StartsWith('>')).Select(l => l.Length > 2 ? l[2..] : string.Empty));
    }
}
