using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace ArxivDigest.Ingest.Arxiv;

/// <summary>
/// arXiv identifiers: new style ("2506.01158", "0704.0001") and old style ("math/0601001",
/// "math.GT/0309136"), optionally followed by a version ("v2"), optionally inside a URL or an
/// OAI identifier.
/// </summary>
public static partial class ArxivId
{
    [GeneratedRegex(@"(?<id>\d{4}\.\d{4,5}|[a-z][a-z\-]*(?:\.[A-Z]{2})?/\d{7})(?:v(?<version>\d+))?", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    /// <summary>Finds the identifier in text such as "oai:arXiv.org:2506.01158v1" or "https://arxiv.org/abs/math/0601001v2".</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out string? id, out int version)
    {
        id = null;
        version = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var match = IdPattern().Match(text);
        if (!match.Success)
        {
            return false;
        }

        id = match.Groups["id"].Value;
        version = match.Groups["version"].Success ? int.Parse(match.Groups["version"].Value) : 0;
        return true;
    }
}
