using System.Text.Json.Serialization;

namespace ArxivDigest.Ingest.Sources;

/// <summary>
/// One line of a saved day listing (<c>listing-{categories}-{date}.jsonl</c>): a paper and how it
/// was announced in each listed category.
/// </summary>
public sealed class ListingRecord
{
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("title")] public string? Title { get; set; }
    [JsonPropertyName("authors")] public List<string>? Authors { get; set; }
    [JsonPropertyName("abstract")] public string? Abstract { get; set; }
    [JsonPropertyName("categories")] public List<string>? Categories { get; set; }
    [JsonPropertyName("primary_category")] public string? PrimaryCategory { get; set; }
    [JsonPropertyName("announce_types")] public Dictionary<string, string>? AnnounceTypes { get; set; }
    [JsonPropertyName("comment")] public string? Comment { get; set; }
}
