using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ArxivDigest.Scoring.Judging;

/// <summary>
/// Reads LLM replies tolerantly (code fences, prose around the JSON, JSON lines, trailing commas,
/// scores as strings) and strictly validates what it applies: ids are normalized (no "vN", no
/// "arXiv:") and must belong to the batch; scores must be whole numbers from 1 to 10.
/// </summary>
public static partial class ReplyParser
{
    private static readonly JsonDocumentOptions Options = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    [GeneratedRegex(@"^(?:arxiv:)?(?<id>.+?)(?:v\d+)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    /// <summary>The valid score lines for ids of <paramref name="batch"/>, and what was wrong with the rest.</summary>
    public static (IReadOnlyList<ScoreLine> Lines, IReadOnlyList<string> Problems) ParseScores(string reply, IReadOnlySet<string> batch)
    {
        var lines = new Dictionary<string, ScoreLine>(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var element in Objects(reply))
        {
            var id = NormalizeId(Text(element, "id", "arxivid", "arxiv_id", "paper_id"));
            if (id is null)
            {
                problems.Add("an entry without an id");
                continue;
            }

            if (!batch.Contains(id))
            {
                problems.Add($"id {id} is not in the batch");
                continue;
            }

            if (!TryScore(element, "relevance", out var relevance) || !TryScore(element, "novelty", out var novelty))
            {
                problems.Add($"{id} has relevance or novelty that is not a whole number from 1 to 10");
                continue;
            }

            lines.TryAdd(id, new ScoreLine(id, relevance, novelty, Text(element, "comment")?.Trim() ?? string.Empty));
        }

        return (lines.Values.ToList(), problems);
    }

    /// <summary>The batch ids the title pass names as irrelevant; null when the reply holds no readable answer.</summary>
    public static IReadOnlySet<string>? ParseTitleRejections(string reply, IReadOnlySet<string> batch)
    {
        foreach (var candidate in JsonValues(Unfence(reply)))
        {
            var list = candidate.ValueKind switch
            {
                JsonValueKind.Array => candidate,
                JsonValueKind.Object => candidate.EnumerateObject().FirstOrDefault(p => p.Value.ValueKind == JsonValueKind.Array).Value,
                _ => default,
            };
            if (list.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            return list.EnumerateArray()
                .Select(e => NormalizeId(e.ValueKind == JsonValueKind.String ? e.GetString() : e.ValueKind == JsonValueKind.Object ? Text(e, "id", "arxivid", "arxiv_id") : null))
                .Where(id => id is not null && batch.Contains(id))
                .Select(id => id!)
                .ToHashSet(StringComparer.Ordinal);
        }

        return null;
    }

    public static string? NormalizeId(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        return IdPattern().Match(raw.Trim()).Groups["id"].Value;
    }

    // Score objects wherever they are: a {"verdicts": [...]} wrapper, a bare array, or one object per line.
    private static IEnumerable<JsonElement> Objects(string reply)
    {
        foreach (var value in JsonValues(Unfence(reply)))
        {
            foreach (var element in Flatten(value))
            {
                yield return element;
            }
        }
    }

    private static IEnumerable<JsonElement> Flatten(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Array:
                foreach (var item in value.EnumerateArray().SelectMany(Flatten))
                {
                    yield return item;
                }

                break;
            case JsonValueKind.Object when Text(value, "id", "arxivid", "arxiv_id", "paper_id") is not null:
                yield return value;
                break;
            case JsonValueKind.Object when value.EnumerateObject().Any(p => p.Value.ValueKind == JsonValueKind.Array):
                // A wrapper such as {"verdicts": [...]}.
                foreach (var property in value.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Array))
                {
                    foreach (var item in Flatten(property.Value))
                    {
                        yield return item;
                    }
                }

                break;
            case JsonValueKind.Object:
                // An entry without an id: yielded so that it is reported, not silently dropped.
                yield return value;
                break;
        }
    }

    private static string Unfence(string reply) => reply.Replace("```json", " ", StringComparison.OrdinalIgnoreCase).Replace("```", " ", StringComparison.Ordinal);

    /// <summary>Every top-level JSON object or array in the text, skipping prose and fragments that do not parse.</summary>
    private static IEnumerable<JsonElement> JsonValues(string text)
    {
        var index = 0;
        while (index < text.Length)
        {
            var start = text.IndexOfAny(['{', '['], index);
            if (start < 0)
            {
                yield break;
            }

            var end = MatchingClose(text, start);
            if (end < 0)
            {
                index = start + 1;
                continue;
            }

            var json = TryParse(text[start..(end + 1)]);
            if (json is { } element)
            {
                yield return element;
                index = end + 1;
            }
            else
            {
                index = start + 1;
            }
        }
    }

    private static JsonElement? TryParse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json, Options);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // Finds the bracket closing the one at start, skipping brackets inside strings.
    private static int MatchingClose(string text, int start)
    {
        var depth = 0;
        var inString = false;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (inString)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inString = false;
                }

                continue;
            }

            switch (c)
            {
                case '"': inString = true; break;
                case '{' or '[': depth++; break;
                case '}' or ']':
                    depth--;
                    if (depth == 0)
                    {
                        return i;
                    }

                    break;
            }
        }

        return -1;
    }

    private static string? Text(JsonElement element, params string[] names)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (names.Any(n => string.Equals(n, property.Name, StringComparison.OrdinalIgnoreCase)))
            {
                return property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString(),
                    JsonValueKind.Number => property.Value.GetRawText(),
                    _ => null,
                };
            }
        }

        return null;
    }

    private static bool TryScore(JsonElement element, string name, out int score)
    {
        score = 0;
        var text = Text(element, name)?.Trim();
        if (text is null || !decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value)
            || value != decimal.Truncate(value) || value < 1 || value > 10)
        {
            return false;
        }

        score = (int)value;
        return true;
    }
}
