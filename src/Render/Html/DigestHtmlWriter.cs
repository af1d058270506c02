using System.Globalization;
using System.Text;
using ArxivDigest.Render.Digests;
using ArxivDigest.ServiceDefaults.Text;
using Markdig;
using static ArxivDigest.Render.Html.HtmlPage;

namespace ArxivDigest.Render.Html;

/// <summary>
/// One day's page: the run's figures, a table of contents, and each paper with links to its
/// abstract page and PDF, authors (TeX turned into Unicode, long lists folded), relevance and
/// novelty as bars, the judge's comment and the abstract. Abstracts and comments go through
/// Markdig with raw HTML disabled and $...$ math kept as readable text.
/// </summary>
public static class DigestHtmlWriter
{
    private const int AuthorsShown = 12;

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseMathematics().DisableHtml().Build();

    public static string Write(DigestDay day)
    {
        var body = new StringBuilder();
        body.Append("<header>\n<nav class=\"crumbs\"><a href=\"index.html\">Archive</a> · <a href=\"")
            .Append(day.Date.ToString("yyyy-MM", CultureInfo.InvariantCulture)).Append(".html\">")
            .Append(day.Date.ToString("MMMM yyyy", CultureInfo.InvariantCulture)).Append("</a></nav>\n")
            .Append("<h1>Personalized Daily ArXiv Papers <time datetime=\"").Append(day.DateText).Append("\">").Append(day.DateText).Append("</time></h1>\n");

        if (day.NoAnnouncement)
        {
            body.Append("</header>\n<main>\n<p class=\"notice\" id=\"no-announcement\">arXiv announced nothing on ").Append(day.DateText)
                .Append(" (a weekend or a holiday), so there is no digest for this day.</p>\n</main>\n");
            return Wrap($"ArXiv digest {day.DateText}: no announcement", body.ToString());
        }

        AppendFigures(body, day);
        body.Append("</header>\n<main>\n");
        if (day.Papers.Count == 0)
        {
            body.Append("<p class=\"notice\" id=\"none-selected\">No paper passed the cutoffs today: ").Append(day.Scanned)
                .Append(" scanned, ").Append(day.UniquePapers).Append(" distinct papers judged, none selected.</p>\n");
        }
        else
        {
            AppendContents(body, day.Papers);
            for (var i = 0; i < day.Papers.Count; i++)
            {
                AppendPaper(body, i + 1, day.Papers[i]);
            }
        }

        var local = day.Run.Judge == "local";
        body.Append(local
                ? "<details class=\"prompts\"><summary>Criteria the local judge compared papers with</summary>\n<h2>How these papers were judged</h2>\n<pre class=\"prompt\">"
                : "<details class=\"prompts\"><summary>Prompts sent to the judge</summary>\n<h2>System prompt</h2>\n<pre class=\"prompt\">")
            .Append(Encode(day.SystemPrompt)).Append(local ? "</pre>\n<h2>Criteria</h2>\n<pre class=\"prompt\">" : "</pre>\n<h2>User prompt</h2>\n<pre class=\"prompt\">")
            .Append(Encode(day.UserPrompt)).Append("</pre>\n</details>\n</main>\n");
        return Wrap($"ArXiv digest {day.DateText}", body.ToString());
    }

    private static void AppendFigures(StringBuilder body, DigestDay day)
    {
        var run = day.Run;
        var judge = run.Judge == "local" ? "local judge (no LLM)" : run.Model;
        (string Label, string Value)[] figures =
        [
            ("Judge", judge),
            ("Selected", $"{day.Papers.Count} of {day.UniquePapers}"),
            ("Scanned", day.Scanned.ToString(CultureInfo.InvariantCulture)),
            ("Announced", day.TotalEntries.ToString(CultureInfo.InvariantCulture)),
            ("Tokens", $"{run.PromptTokens:N0} in ({run.CachedPromptTokens:N0} cached) · {run.CompletionTokens:N0} out"),
            ("Cost", run.TotalCostUsd is { } cost ? cost.ToString("$0.00", CultureInfo.InvariantCulture) : "unknown"),
        ];
        body.Append("<dl class=\"figures\">\n");
        foreach (var (label, value) in figures)
        {
            body.Append("<div><dt>").Append(label).Append("</dt><dd>").Append(Encode(value)).Append("</dd></div>\n");
        }

        body.Append("</dl>\n");
    }

    private static void AppendContents(StringBuilder body, IReadOnlyList<DigestPaper> papers)
    {
        body.Append("<nav aria-label=\"Contents\"><h2>Contents</h2>\n<ol class=\"toc\">\n");
        for (var i = 0; i < papers.Count; i++)
        {
            body.Append("<li><a href=\"#paper-").Append(i + 1).Append("\">").Append(Encode(papers[i].Title)).Append("</a> <span class=\"score\">")
                .Append(papers[i].Verdict.AuthorMatch ? "author match" : $"{papers[i].Verdict.Relevance} + {papers[i].Verdict.Novelty}").Append("</span></li>\n");
        }

        body.Append("</ol></nav>\n");
    }

    private static void AppendPaper(StringBuilder body, int n, DigestPaper paper)
    {
        body.Append("<article class=\"paper\" id=\"paper-").Append(n).Append("\">\n<h2>").Append(n).Append(". <a href=\"").Append(paper.AbsUrl).Append("\">")
            .Append(Encode(paper.Title)).Append("</a></h2>\n<p class=\"meta\"><a href=\"").Append(paper.AbsUrl).Append("\">arXiv:").Append(Encode(paper.Id))
            .Append("</a> · <a class=\"pdf\" href=\"").Append(paper.PdfUrl).Append("\">PDF</a>");
        if (paper.PrimaryCategory.Length > 0)
        {
            body.Append(" · ").Append(Encode(string.Join(", ", paper.Categories)));
        }

        body.Append("</p>\n");
        AppendAuthors(body, paper.Authors.Select(TexText.ToUnicode).ToList());

        body.Append("<div class=\"verdict\">");
        if (paper.Verdict.AuthorMatch)
        {
            body.Append("<span class=\"badge\">Author match</span>");
        }
        else
        {
            AppendMeter(body, "Relevance", paper.Verdict.Relevance);
            AppendMeter(body, "Novelty", paper.Verdict.Novelty);
        }

        body.Append("</div>\n<div class=\"comment\">").Append(Markdig.Markdown.ToHtml(paper.Verdict.Comment, Pipeline)).Append("</div>\n")
            .Append("<div class=\"abstract\">").Append(Markdig.Markdown.ToHtml(paper.Abstract, Pipeline)).Append("</div>\n</article>\n");
    }

    private static void AppendAuthors(StringBuilder body, IReadOnlyList<string> authors)
    {
        if (authors.Count <= AuthorsShown)
        {
            body.Append("<p class=\"authors\">").Append(Encode(string.Join(", ", authors))).Append("</p>\n");
            return;
        }

        body.Append("<details class=\"authors\"><summary>").Append(Encode(string.Join(", ", authors.Take(AuthorsShown))))
            .Append(" and ").Append(authors.Count - AuthorsShown).Append(" more</summary>")
            .Append(Encode(string.Join(", ", authors))).Append("</details>\n");
    }

    private static void AppendMeter(StringBuilder body, string label, int value) =>
        body.Append("<span class=\"meter\">").Append(label).Append(" <span class=\"bar\" role=\"meter\" aria-valuemin=\"0\" aria-valuemax=\"10\" aria-valuenow=\"")
            .Append(value).Append("\" aria-label=\"").Append(label).Append(' ').Append(value).Append(" of 10\"><span style=\"width:")
            .Append(value * 10).Append("%\"></span></span> <b>").Append(value).Append("</b></span>");
}
