using System.Text.RegularExpressions;

namespace ArxivDigest.Scoring.Local;

/// <summary>
/// A profile's topics text split into what the local judge compares papers with: one positive
/// text per numbered topic (its title and what is of interest), and the negative texts (what a
/// topic or the profile rules out). Without numbered topics, each paragraph is a topic. Lines
/// outside the topics that list keywords ("Relevant: MoE, pruning, quantization, ...") give one
/// short text per keyword, positive or negative as the line's label says.
/// </summary>
public sealed partial record CriteriaTopics(
    IReadOnlyList<(string Title, string Text)> Positive,
    IReadOnlyList<string> Negative,
    IReadOnlyList<string> PositiveKeywords,
    IReadOnlyList<string> NegativeKeywords)
{
    // A keyword list has at least this many items, each of at most MaxKeywordWords words.
    private const int MinKeywords = 4;
    private const int MaxKeywordWords = 6;

    /// <summary>Every text the learned judge measures a paper against: topics, what is ruled out, and keywords.</summary>
    public IReadOnlyList<string> Probes => [.. Positive.Select(p => p.Text), .. Negative, .. PositiveKeywords, .. NegativeKeywords];

    [GeneratedRegex(@"^\s*\d+[.)]\s+(?<title>.+)$")]
    private static partial Regex TopicLine();

    [GeneratedRegex(@"not of interest|irrelevant|not relevant|out of scope|application", RegexOptions.IgnoreCase)]
    private static partial Regex NegativeMarker();

    [GeneratedRegex(@"^\s*[-*]?\s*[\w ]{0,80}:\s*")]
    private static partial Regex LabelPrefix();

    public static CriteriaTopics Parse(string topics)
    {
        var positive = new List<(string Title, List<string> Lines)>();
        var negative = new List<string>();
        var general = new List<string>();
        var positiveKeywords = new List<string>();
        var negativeKeywords = new List<string>();
        foreach (var raw in topics.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (TopicLine().Match(line) is { Success: true } topic)
            {
                positive.Add((topic.Groups["title"].Value.Trim(), []));
                continue;
            }

            var label = line.Length > 40 ? line[..40] : line;
            var text = LabelPrefix().Replace(line, string.Empty);
            var ruledOut = NegativeMarker().IsMatch(label);
            var inTopic = positive.Count > 0 && raw.StartsWith(' ');
            if (!inTopic && KeywordsIn(text) is { Count: > 0 } keywords)
            {
                (ruledOut ? negativeKeywords : positiveKeywords).AddRange(keywords);
            }
            else if (ruledOut)
            {
                negative.Add(text);
            }
            else if (inTopic)
            {
                positive[^1].Lines.Add(text);
            }
            else if (!line.EndsWith(':'))
            {
                general.Add(line);
            }
        }

        if (positive.Count == 0)
        {
            positive.AddRange(topics.ReplaceLineEndings("\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Where(p => !NegativeMarker().IsMatch(p.Length > 40 ? p[..40] : p))
                .Select(p => (p.Length > 60 ? p[..60] : p, new List<string> { p })));
        }
        else if (general.Count > 0)
        {
            // Lines outside any topic (other than keyword lists and headings) form a topic of their own.
            positive.Add(("General", general));
        }

        return new CriteriaTopics(
            positive.Select(p => (p.Title, $"{p.Title}. {string.Join(" ", p.Lines)}".Trim())).ToList(),
            negative,
            positiveKeywords.Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
            negativeKeywords.Distinct(StringComparer.OrdinalIgnoreCase).ToList());
    }

    private static List<string> KeywordsIn(string text)
    {
        var items = text.Replace("etc.", string.Empty, StringComparison.OrdinalIgnoreCase).TrimEnd('.', ' ')
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(item => item.Count(c => c == '(') == item.Count(c => c == ')'))
            .ToList();
        return items.Count >= MinKeywords && items.All(item => item.Split(' ').Length <= MaxKeywordWords) ? items : [];
    }
}
