using System.ComponentModel.DataAnnotations;

namespace ArxivDigest.Scoring.Local;

/// <summary>The "LocalJudge" configuration section: the offline judge used without an LLM.</summary>
public sealed class LocalJudgeOptions
{
    public const string Section = "LocalJudge";

    /// <summary>Share of a day's papers (ranked by similarity to the criteria) that get relevance 8-10.</summary>
    [Range(0.001, 1.0)]
    public double SelectTopShare { get; set; } = 0.08;

    /// <summary>How much similarity to the topics the profile rules out counts against a paper.</summary>
    [Range(0.0, 2.0)]
    public double NegativeWeight { get; set; } = 0.5;

    /// <summary>Title + abstract is cut to this many characters, about the model's 256-token window.</summary>
    [Range(100, 10_000)]
    public int MaxChars { get; set; } = 1200;

    /// <summary>Texts encoded per model call.</summary>
    [Range(1, 256)]
    public int BatchSize { get; set; } = 8;
}
