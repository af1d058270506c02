extern alias ScoringServer;

using Microsoft.Extensions.Options;
using ScoringServer::ArxivDigest.Scoring.Pricing;

namespace ArxivDigest.Scoring.Tests.Judging;

public sealed class PricingTableTests
{
    private readonly PricingTable table = new(Options.Create(new Dictionary<string, ModelPrice>
    {
        ["gpt-4o"] = new() { Input = 2.50m, CachedInput = 1.25m, Output = 10.00m },
        ["gpt-4o-mini"] = new() { Input = 0.15m, CachedInput = 0.075m, Output = 0.60m },
    }));

    [Fact]
    public void Cached_prompt_tokens_cost_the_cached_price_and_the_rest_the_input_price()
    {
        Assert.True(table.TryGetCost("gpt-4o", 1_000_000, 400_000, 100_000, out var prompt, out var completion));

        Assert.Equal(0.4m * 1.25m + 0.6m * 2.50m, prompt);
        Assert.Equal(1.00m, completion);
    }

    [Theory]
    [InlineData("gpt-4o-2024-08-06", 2.50)]
    [InlineData("gpt-4o-mini-2024-07-18", 0.15)]
    public void Dated_snapshots_cost_what_their_model_costs(string model, double perMillion)
    {
        Assert.True(table.TryGetCost(model, 1_000_000, 0, 0, out var prompt, out _));
        Assert.Equal((decimal)perMillion, prompt);
    }

    [Fact]
    public void An_unknown_model_has_no_price_rather_than_a_zero_one() =>
        Assert.False(table.TryGetCost("llama-3-70b", 1000, 0, 1000, out _, out _));

    [Fact]
    public void The_shipped_table_prices_gpt_4o_as_the_issue_states()
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(ArxivDigest.TestSupport.Fixtures.RepositoryRoot, "src", "Scoring", "appsettings.json")))!;
        var price = json["Pricing"]!["gpt-4o"]!;

        Assert.Equal((2.50m, 1.25m, 10.00m), ((decimal)price["Input"]!, (decimal)price["CachedInput"]!, (decimal)price["Output"]!));
    }
}
