using System.Text.Json;
using System.Text.Json.Serialization;

namespace ArxivDigest.TestSupport;

/// <summary>A paper of a saved real day listing (shared/fixtures/arxiv/listing-*.jsonl), as the tests read it.</summary>
public sealed record ListingPaper(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("authors")] IReadOnlyList<string> Authors,
    [property: JsonPropertyName("abstract")] string Abstract,
    [property: JsonPropertyName("categories")] IReadOnlyList<string> Categories,
    [property: JsonPropertyName("primary_category")] string PrimaryCategory,
    [property: JsonPropertyName("announce_types")] IReadOnlyDictionary<string, string> AnnounceTypes,
    [property: JsonPropertyName("comment")] string? Comment)
{
    public static IReadOnlyList<ListingPaper> Load(string date) =>
        File.ReadLines(Fixtures.Listing(date))
            .Where(line => line.Length > 0)
            .Select(line => JsonSerializer.Deserialize<ListingPaper>(line)!)
            .ToList();

    /// <summary>
    /// The listings' category lists also carry ACM/MSC classes ("I.2.1", "68T05", long
    /// descriptions); an arXiv category is a lower-case archive with an optional subject.
    /// </summary>
    public static bool IsArxivCategory(string category) =>
        System.Text.RegularExpressions.Regex.IsMatch(category, @"^[a-z-]+(\.[A-Za-z-]+)?$");

    /// <summary>The papers listed in <paramref name="category"/>, in listing order.</summary>
    public static IReadOnlyList<ListingPaper> InCategory(IEnumerable<ListingPaper> papers, string category) =>
        papers.Where(p => p.AnnounceTypes.ContainsKey(category)).ToList();
}
