using System.Text.Json.Serialization;

namespace ArxivDigest.Scoring.Local;

/// <summary>
/// One labelled paper of a profile's history: an LLM verdict or the user's feedback. Categories
/// (primary first) are absent from entries stored before they were kept.
/// </summary>
public sealed record HistoryEntry(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("v")] int Version,
    [property: JsonPropertyName("t")] string Title,
    [property: JsonPropertyName("a")] string Abstract,
    [property: JsonPropertyName("y")] bool Positive,
    [property: JsonPropertyName("s")] string Source,
    [property: JsonPropertyName("c")] IReadOnlyList<string>? Categories = null);
