using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ArxivDigest.Render.Digests;

namespace ArxivDigest.Render.Markdown;

/// <summary>
/// The digest in the reference's Markdown format, line for line: title, token/cost table, totals,
/// table of contents, one section per paper, and the prompts quoted. Text is kept as received
/// (the reference's readers expect arXiv's own TeX and math), with only what would break the
/// document's structure neutralized: line breaks inside a field, raw HTML tags, and unbalanced
/// brackets in link text. Costs print with two decimals.
/// </summary>
public static partial class DigestMarkdownWriter
{
    [GeneratedRegex(@"<(?=[A-Za-z/!?])", RegexOptions.CultureInvariant)]
    private static partial Regex TagStart();

    [GeneratedRegex(@"\s*[\r\n]+\s*", RegexOptions.CultureInvariant)]
    private static partial Regex LineBreaks();

    public static string Write(DigestDay day)
    {
        var md = new StringBuilder();
        md.Append("# Personalized Daily ArXiv Papers ").Append(day.DateText).Append("\n\n");
        if (day.NoAnnouncement)
        {
            md.Append("arXiv announced nothing on ").Append(day.DateText)
                .Append(" (a weekend or a holiday), so there is no digest for this day.\n");
            return md.ToString();
        }

        AppendUsageTable(md, day.Run);
        md.Append("\nTotal arXiv papers: ").Append(day.TotalEntries).Append("\n\n")
            .Append("Total scanned papers: ").Append(day.Scanned).Append("\n\n")
            .Append("Total relevant papers: ").Append(day.Papers.Count).Append("\n\n");

        if (day.Papers.Count == 0)
        {
            md.Append("No paper passed the cutoffs today: ").Append(day.Scanned).Append(" scanned, ")
                .Append(day.UniquePapers).Append(" distinct papers judged, none selected.\n\n");
        }
        else
        {
            AppendContents(md, day.Papers);
            for (var i = 0; i < day.Papers.Count; i++)
            {
                AppendSection(md, i + 1, day.Papers[i]);
            }
        }

        // The local judge sends no prompt; its section shows the criteria it compared papers with.
        var local = day.Run.Judge == "local";
        md.Append(local ? "# Paper Selection Criteria\n\n## How These Papers Were Judged\n\n" : "# Paper Selection Prompt\n\n## System Prompt\n\n");
        AppendQuoted(md, day.SystemPrompt);
        md.Append(local ? "\n\n## Criteria\n\n" : "\n\n## User Prompt\n\n");
        AppendQuoted(md, day.UserPrompt);
        return md.ToString();
    }

    // Laid out as the reference's table: each column as wide as its longest cell plus two,
    // text left in its cell, alignment row centered.
    private static void AppendUsageTable(StringBuilder md, RunFigures run)
    {
        string[][] rows =
        [
            [$"*[{run.Model}]*", "Prompt", "Completion", "Total"],
            ["**Token**", Count(run.PromptTokens), Count(run.CompletionTokens), Count(run.TotalTokens)],
            ["**Cost**", Money(run.PromptCostUsd), Money(run.CompletionCostUsd), Money(run.TotalCostUsd)],
        ];
        var widths = Enumerable.Range(0, 4).Select(c => rows.Max(r => r[c].Length) + 2).ToArray();
        AppendRow(md, rows[0], widths);
        md.Append('|').AppendJoin('|', widths.Select(w => ":" + new string('-', w) + ":")).Append("|\n");
        AppendRow(md, rows[1], widths);
        AppendRow(md, rows[2], widths);
    }

    private static void AppendRow(StringBuilder md, string[] cells, int[] widths)
    {
        md.Append('|');
        for (var c = 0; c < cells.Length; c++)
        {
            md.Append(' ').Append(cells[c].PadRight(widths[c])).Append(" |");
        }

        md.Append('\n');
    }

    private static void AppendContents(StringBuilder md, IReadOnlyList<DigestPaper> papers)
    {
        md.Append("**Table of contents with paper titles:**\n\n");
        for (var i = 0; i < papers.Count; i++)
        {
            md.Append(i + 1).Append(". [").Append(LinkText(papers[i].Title)).Append("](#user-content-link").Append(i + 1).Append(")\n")
                .Append("**Authors:** ").Append(Inline(string.Join(", ", papers[i].Authors))).Append("\n\n");
        }

        md.Append("---\n\n");
    }

    private static void AppendSection(StringBuilder md, int n, DigestPaper paper)
    {
        md.Append("## ").Append(n).Append(". [").Append(LinkText(paper.Title)).Append("](").Append(paper.AbsUrl)
            .Append(") <a id=\"link").Append(n).Append("\"></a>\n\n")
            .Append("**ArXiv ID:** ").Append(paper.Id).Append("\n\n")
            .Append("**Authors:** ").Append(Inline(string.Join(", ", paper.Authors))).Append("\n\n")
            .Append("**Abstract:** ").Append(Inline(paper.Abstract)).Append("\n\n")
            .Append("**Comment:** ").Append(Inline(paper.Verdict.Comment)).Append("\n\n");

        // An author match has no scores; the reference leaves one empty line in their place.
        if (paper.Verdict.AuthorMatch)
        {
            md.Append('\n');
        }
        else
        {
            md.Append("**Relevance:** ").Append(paper.Verdict.Relevance).Append('\n')
                .Append("**Novelty:** ").Append(paper.Verdict.Novelty).Append('\n');
        }

        md.Append("\n---\n\n");
    }

    private static void AppendQuoted(StringBuilder md, string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        md.AppendJoin('\n', lines.Select(line => "> " + line));
    }

    // One field stays on its line, and nothing in it opens an HTML tag.
    private static string Inline(string text) => TagStart().Replace(LineBreaks().Replace(text, " "), "&lt;");

    // Balanced brackets are fine inside link text ("$C[0, 1]$"); unbalanced ones would end it.
    private static string LinkText(string title)
    {
        var text = Inline(title);
        var depth = 0;
        foreach (var c in text)
        {
            depth += c == '[' ? 1 : c == ']' ? -1 : 0;
            if (depth < 0)
            {
                break;
            }
        }

        return depth == 0 ? text : text.Replace("[", "\\[", StringComparison.Ordinal).Replace("]", "\\]", StringComparison.Ordinal);
    }

    private static string Count(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Money(decimal? value) =>
        value is { } usd ? "$" + Math.Round(usd, 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.InvariantCulture) : "unknown";
}
