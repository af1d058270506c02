using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using ArxivDigest.ServiceDefaults.Text;

namespace ArxivDigest.Ingest.Arxiv;

/// <summary>
/// Cleans text from arXiv feeds: HTML entities decoded, runs of whitespace folded, and in author
/// names TeX accents turned into Unicode letters ("Ga\v{s}i\'c" becomes "Gašić").
/// </summary>
public static partial class FeedText
{
    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex WhitespacePattern();

    /// <summary>Decodes HTML entities and folds whitespace runs to single spaces.</summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        return WhitespacePattern().Replace(WebUtility.HtmlDecode(text), " ").Trim();
    }

    /// <summary>Cleans an author name and turns its TeX accents and letters into Unicode.</summary>
    public static string CleanAuthor(string? name) => TexText.ToUnicode(Clean(name));

    /// <summary>Splits a dc:creator list ("A. One, B. Two and C. Three") into cleaned names.</summary>
    public static IReadOnlyList<string> SplitAuthors(string? creators)
    {
        var decoded = WebUtility.HtmlDecode(creators ?? string.Empty);
        var names = new List<string>();
        foreach (var part in SplitOutsideBraces(decoded))
        {
            var name = CleanAuthor(part);
            if (name.Length > 0)
            {
                names.Add(name);
            }
        }

        return names;
    }

    // Commas inside TeX groups ("{Smith, Jr.}") do not separate authors; a final " and " does.
    private static IEnumerable<string> SplitOutsideBraces(string text)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '{': depth++; break;
                case '}': depth = Math.Max(0, depth - 1); break;
                case ',' when depth == 0:
                    foreach (var piece in SplitFinalAnd(text[start..i])) yield return piece;
                    start = i + 1;
                    break;
            }
        }

        foreach (var piece in SplitFinalAnd(text[start..])) yield return piece;
    }

    private static IEnumerable<string> SplitFinalAnd(string part)
    {
        var trimmed = part.Trim();
        if (trimmed.StartsWith("and ", StringComparison.Ordinal))
        {
            trimmed = trimmed[4..];
        }

        var index = trimmed.IndexOf(" and ", StringComparison.Ordinal);
        return index < 0 ? [trimmed] : [trimmed[..index], trimmed[(index + 5)..]];
    }

    /// <summary>Parses an RFC 822 date such as "Wed, 04 Jun 2025 00:00:00 -0400" to its calendar date as written.</summary>
    public static bool TryParseFeedDate(string? text, out DateOnly date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var match = FeedDatePattern().Match(text);
        return match.Success && DateOnly.TryParseExact(
            $"{match.Groups[1].Value.PadLeft(2, '0')} {match.Groups[2].Value} {match.Groups[3].Value}",
            "dd MMM yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    /// <summary>
    /// True for an arXiv category code ("cs.LG", "hep-th", "cond-mat.stat-mech"). Some sources
    /// also put ACM or MSC class descriptions among the categories; those are not kept.
    /// </summary>
    public static bool IsCategoryCode(string text) => CategoryCodePattern().IsMatch(text);

    [GeneratedRegex(@"^[a-z][a-z\-]*(?:\.[A-Za-z][A-Za-z\-]*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex CategoryCodePattern();

    [GeneratedRegex(@"(\d{1,2})\s+([A-Za-z]{3})\s+(\d{4})", RegexOptions.CultureInvariant)]
    private static partial Regex FeedDatePattern();
}
