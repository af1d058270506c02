using System.Globalization;
using System.Text;
using ArxivDigest.Render.Json;
using static ArxivDigest.Render.Html.HtmlPage;

namespace ArxivDigest.Render.Html;

/// <summary>The archive: an index of every rendered day, newest first, and a page per month.</summary>
public static class ArchiveHtmlWriter
{
    public static string WriteIndex(IReadOnlyList<DigestSummary> days)
    {
        var body = new StringBuilder("<header><h1>ArxivDigest archive</h1></header>\n<main>\n");
        var months = days.Select(d => new DateOnly(d.Date.Year, d.Date.Month, 1)).Distinct().OrderDescending().ToList();
        body.Append("<nav aria-label=\"Months\"><h2>Months</h2><p class=\"months\">")
            .AppendJoin(" · ", months.Select(m => $"<a href=\"{m:yyyy-MM}.html\">{m.ToString("MMMM yyyy", CultureInfo.InvariantCulture)}</a>"))
            .Append("</p></nav>\n<h2>Days</h2>\n");
        AppendTable(body, days);
        body.Append("</main>\n");
        return Wrap("ArxivDigest archive", body.ToString());
    }

    public static string WriteMonth(DateOnly month, IReadOnlyList<DigestSummary> days)
    {
        var name = month.ToString("MMMM yyyy", CultureInfo.InvariantCulture);
        var body = new StringBuilder("<header><nav class=\"crumbs\"><a href=\"index.html\">Archive</a></nav><h1>")
            .Append(name).Append("</h1></header>\n<main>\n");
        AppendTable(body, days.Where(d => d.Date.Year == month.Year && d.Date.Month == month.Month).ToList());
        var cost = days.Where(d => d.Date.Year == month.Year && d.Date.Month == month.Month).Sum(d => d.CostUsd ?? 0);
        body.Append("<p class=\"meta\">Spent this month on known prices: ").Append(cost.ToString("$0.00", CultureInfo.InvariantCulture)).Append("</p>\n</main>\n");
        return Wrap($"ArxivDigest {name}", body.ToString());
    }

    private static void AppendTable(StringBuilder body, IReadOnlyList<DigestSummary> days)
    {
        body.Append("<table class=\"days\">\n<thead><tr><th>Day</th><th class=\"num\">Selected</th><th class=\"num\">Judged</th><th class=\"num\">Scanned</th><th class=\"num\">Cost</th><th>Judge</th></tr></thead>\n<tbody>\n");
        foreach (var day in days.OrderByDescending(d => d.Date))
        {
            body.Append("<tr><td><a href=\"").Append(day.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(".html\">")
                .Append(day.Date.ToString("ddd yyyy-MM-dd", CultureInfo.InvariantCulture)).Append("</a></td>");
            if (day.NoAnnouncement)
            {
                body.Append("<td colspan=\"5\">no announcement</td></tr>\n");
                continue;
            }

            body.Append("<td class=\"num\">").Append(day.Selected).Append("</td><td class=\"num\">").Append(day.Unique)
                .Append("</td><td class=\"num\">").Append(day.Scanned).Append("</td><td class=\"num\">")
                .Append(day.CostUsd is { } cost ? cost.ToString("$0.00", CultureInfo.InvariantCulture) : "unknown")
                .Append("</td><td>").Append(Encode(day.Judge == "local" ? "local judge" : day.Model)).Append("</td></tr>\n");
        }

        body.Append("</tbody>\n</table>\n");
    }
}
