using System.Text.RegularExpressions;

namespace ArxivDigest.Scoring.Local;

/// <summary>
/// A profile's topics text split into what the local judge compares papers with: one positive
/// text per numbered topic (its title and what is of interest), and the negative texts (what a
/// topic or the profile rules out). Without numbered topics, each paragraph is a topic.
/// </summary>
public sealed partial record CriteriaTopics(IReadOnlyList<(string Title, string Text)> Positive, IReadOnlyList<string> Negative)
{
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
            if (NegativeMarker().IsMatch(label))
            {
                negative.Add(text);
            }
            else if (positive.Count > 0 && raw.StartsWith(' '))
            {
                positive[^1].Lines.Add(text);
            }
            else
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
            // Keyword lists and similar lines outside any topic form a topic of their own.
            positive.Add(("Keywords", general));
        }

        return new CriteriaTopics(
            positive.Select(p => (p.Title, $"{p.Title}. {string.Join(" ", p.Lines)}".Trim())).ToList(),
            negative);
    }
}
