using System.Text.Json;

namespace ArxivDigest.Render.Json;

/// <summary>What the archive index shows of a rendered day, read back from its JSON document.</summary>
public sealed record DigestSummary(DateOnly Date, bool NoAnnouncement, int Scanned, int Unique, int Selected, decimal? CostUsd, string Judge, string Model)
{
    public static DigestSummary? TryRead(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.GetProperty("schema").GetString() != DigestJsonWriter.Schema)
            {
                return null;
            }

            var run = root.GetProperty("run");
            var counts = root.GetProperty("counts");
            var cost = run.GetProperty("total_cost_usd");
            return new DigestSummary(
                DateOnly.ParseExact(root.GetProperty("date").GetString()!, "yyyy-MM-dd"),
                root.GetProperty("no_announcement").GetBoolean(),
                counts.GetProperty("scanned").GetInt32(),
                counts.GetProperty("unique").GetInt32(),
                counts.GetProperty("selected").GetInt32(),
                cost.ValueKind == JsonValueKind.Number ? cost.GetDecimal() : null,
                run.GetProperty("judge").GetString() ?? string.Empty,
                run.GetProperty("model").GetString() ?? string.Empty);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }
}
