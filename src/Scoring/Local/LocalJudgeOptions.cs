using System.ComponentModel.DataAnnotations;

namespace ArxivDigest.Scoring.Local;

/// <summary>The "LocalJudge" configuration section: the offline judge used without an LLM.</summary>
public sealed class LocalJudgeOptions
{
    public const string Section = "LocalJudge";

    /// <summary>Share of a day's papers (ranked by similarity to the criteria) that get relevance 8-10.</summary>
    [Range(0.001, 1.0)]
    public double SelectTopShare { get; set; } = 0.08;

    /// <summary>How much similarity to the topics the profile rules out counts against a paper (0.25 measured best; 0.5 and 1.0 ranked worse).</summary>
    [Range(0.0, 2.0)]
    public double NegativeWeight { get; set; } = 0.25;

    /// <summary>Labelled papers a profile's history needs before the learned model replaces the zero-shot score.</summary>
    [Range(10, 1_000_000)]
    public int MinHistory { get; set; } = 100;

    /// <summary>Positives (and negatives) the history needs before training.</summary>
    [Range(1, 100_000)]
    public int MinPositives { get; set; } = 10;

    /// <summary>New labelled papers that trigger retraining.</summary>
    [Range(1, 1_000_000)]
    public int RetrainEvery { get; set; } = 50;

    /// <summary>How long a month's cached embeddings stay in Redis after the last paper of that month was embedded.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "3650.00:00:00")]
    public TimeSpan EmbeddingTtl { get; set; } = TimeSpan.FromDays(120);

    /// <summary>Labelled papers a profile's history keeps; beyond it the oldest negatives go first.</summary>
    [Range(200, 10_000_000)]
    public int MaxHistory { get; set; } = 30_000;

    /// <summary>
    /// Labelled papers one training uses at most: the newest positives (up to half) and the newest
    /// negatives, so training time stays bounded as the history grows by a day's papers per run.
    /// </summary>
    [Range(100, 1_000_000)]
    public int MaxTrainingPapers { get; set; } = 6_000;

    /// <summary>L2 regularization of the learned model's embedding members (0.2 measured best, leave-one-day-out).</summary>
    [Range(0.0, 100.0)]
    public double L2 { get; set; } = 0.2;

    /// <summary>L2 regularization of the learned model's criteria-and-categories member (0.01 measured best).</summary>
    [Range(0.0, 100.0)]
    public double CriteriaL2 { get; set; } = 0.01;

    /// <summary>Before the LLM, set aside papers the learned model scores below its threshold (once a model exists).</summary>
    public bool Prefilter { get; set; } = true;

    /// <summary>Share of past positives the prefilter threshold keeps.</summary>
    [Range(0.5, 1.0)]
    public double PrefilterKeepShare { get; set; } = 0.96;
}
