using Microsoft.Extensions.Options;

namespace ArxivDigest.Scoring.Pricing;

/// <summary>
/// Prices per model from the "Pricing" configuration section. Cost = cached prompt tokens at the
/// cached price + the other prompt tokens at the input price + completion tokens at the output
/// price. A model missing from the table has an unknown cost, never $0. The shipped table
/// (appsettings.json) holds OpenAI's published per-million-token prices (openai.com/api/pricing,
/// late 2025); operators edit it when prices change or add their own endpoint's models.
/// </summary>
public sealed class PricingTable(IOptions<Dictionary<string, ModelPrice>> prices)
{
    public const string Section = "Pricing";

    public bool TryGetCost(string model, long promptTokens, long cachedPromptTokens, long completionTokens, out decimal promptCost, out decimal completionCost)
    {
        promptCost = completionCost = 0;
        if (!TryFind(model, out var price))
        {
            return false;
        }

        var cached = Math.Min(cachedPromptTokens, promptTokens);
        promptCost = ((cached * price.CachedInput) + ((promptTokens - cached) * price.Input)) / 1_000_000m;
        completionCost = completionTokens * price.Output / 1_000_000m;
        return true;
    }

    // Providers answer with dated snapshots ("gpt-4o-2024-08-06"); they cost what their family costs.
    private bool TryFind(string model, out ModelPrice price)
    {
        var table = prices.Value;
        if (table.TryGetValue(model, out price!))
        {
            return true;
        }

        var family = table.Keys
            .Where(name => model.StartsWith(name + "-", StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(name => name.Length)
            .FirstOrDefault();
        price = family is null ? null! : table[family];
        return family is not null;
    }
}
