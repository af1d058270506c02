namespace ArxivDigest.Scoring.Pricing;

/// <summary>US dollars per million tokens.</summary>
public sealed class ModelPrice
{
    public decimal Input { get; set; }

    public decimal CachedInput { get; set; }

    public decimal Output { get; set; }
}
