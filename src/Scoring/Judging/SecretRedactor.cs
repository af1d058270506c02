using System.Text.RegularExpressions;

namespace ArxivDigest.Scoring.Judging;

/// <summary>
/// Removes the API key, and anything shaped like one, from text that may reach a log, a span or
/// a caller (providers quote part of a bad key back in their 401 message).
/// </summary>
public sealed partial class SecretRedactor(string? apiKey)
{
    public const string Mask = "[redacted]";

    [GeneratedRegex(@"sk-[A-Za-z0-9_\-\*\.]{4,}", RegexOptions.CultureInvariant)]
    private static partial Regex KeyShape();

    public string Redact(string text)
    {
        if (!string.IsNullOrEmpty(apiKey))
        {
            text = text.Replace(apiKey, Mask, StringComparison.Ordinal);
        }

        return KeyShape().Replace(text, Mask);
    }
}
