using System.Text;
using System.Text.RegularExpressions;

namespace ArxivDigest.ServiceDefaults.Text;

/// <summary>
/// Turns TeX accents and letters, as arXiv metadata writes them in author names
/// (<c>Ga\v{s}i\'c</c>, <c>M\"uller</c>, <c>\L{}ukasz</c>), into Unicode ("Gašić", "Müller", "Łukasz").
/// Shared by Ingest, which cleans names as it reads feeds, and Render, which receives names from
/// any caller.
/// </summary>
public static partial class TexText
{
    // TeX accent command -> Unicode combining mark; composed with NFC afterwards.
    private static readonly Dictionary<char, char> CombiningMarks = new()
    {
        ['\''] = '\u0301', ['`'] = '\u0300', ['^'] = '\u0302', ['"'] = '\u0308',
        ['~'] = '\u0303', ['='] = '\u0304', ['.'] = '\u0307', ['u'] = '\u0306',
        ['v'] = '\u030C', ['H'] = '\u030B', ['c'] = '\u0327', ['k'] = '\u0328',
        ['r'] = '\u030A', ['d'] = '\u0323', ['b'] = '\u0331',
    };

    // Letters TeX writes as commands of their own.
    private static readonly Dictionary<string, string> SpecialLetters = new(StringComparer.Ordinal)
    {
        ["ss"] = "ß", ["o"] = "ø", ["O"] = "Ø", ["l"] = "ł", ["L"] = "Ł", ["aa"] = "å", ["AA"] = "Å",
        ["ae"] = "æ", ["AE"] = "Æ", ["oe"] = "œ", ["OE"] = "Œ", ["i"] = "ı", ["j"] = "ȷ",
    };

    // \v{s}, \'c, \'{\i}, \"{o}, \c c ; the letter may be braced, a dotless \i, or follow a space for letter commands.
    [GeneratedRegex(@"\\(?<cmd>['`^""~=.]|[uvHckrdb](?=[\s{]))\s*(?:\{\s*(?<arg>\\[ij]|[A-Za-z])\s*\}|(?<arg>\\[ij]|[A-Za-z]))", RegexOptions.CultureInvariant)]
    private static partial Regex AccentPattern();

    [GeneratedRegex(@"\\(?<name>ss|aa|AA|ae|AE|oe|OE|o|O|l|L|i|j)(?![A-Za-z])(?:\{\})?\s?", RegexOptions.CultureInvariant)]
    private static partial Regex SpecialLetterPattern();

    // Braces left around plain text once accents are resolved: "{M}üller" -> "Müller".
    [GeneratedRegex(@"\{([^{}\\]*)\}", RegexOptions.CultureInvariant)]
    private static partial Regex GroupPattern();

    /// <summary>The text with its TeX accents and letter commands turned into Unicode; other text unchanged.</summary>
    public static string ToUnicode(string text)
    {
        if (text.IndexOf('\\') < 0 && text.IndexOf('{') < 0)
        {
            return text;
        }

        text = AccentPattern().Replace(text, match =>
        {
            var arg = match.Groups["arg"].Value;
            // An accented dotless \i or \j is the ordinary letter with the accent.
            var letter = arg.Length == 2 ? arg[1..] : arg;
            return letter + CombiningMarks[match.Groups["cmd"].Value[0]];
        });
        text = SpecialLetterPattern().Replace(text, match => SpecialLetters[match.Groups["name"].Value]);
        text = GroupPattern().Replace(text, "$1");
        return text.Normalize(NormalizationForm.FormC);
    }
}
