using System.ComponentModel.DataAnnotations;

namespace ArxivDigest.Scoring;

/// <summary>The "Scoring" configuration section.</summary>
public sealed class ScoringOptions
{
    public const string Section = "Scoring";

    /// <summary>
    /// Which judge scores: "llm" (the OpenAI-compatible endpoint), "local" (embeddings on this
    /// machine, no key, no cost), or "auto": the LLM when OPENAI_API_KEY is set, else local.
    /// </summary>
    [RegularExpression("^(auto|llm|local)$", ErrorMessage = "Scoring:Judge must be auto, llm or local.")]
    public string Judge { get; set; } = "auto";

    /// <summary>Folder holding one sub-folder per criteria profile; default: the Profiles folder shipped beside the service.</summary>
    public string? ProfilesDirectory { get; set; }

    /// <summary>LLM batches in flight at once, across all stages of one request.</summary>
    [Range(1, 64)]
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>Requests per minute allowed to the LLM endpoint, shared by every request this process serves.</summary>
    [Range(1, 100_000)]
    public int RequestsPerMinute { get; set; } = 500;

    /// <summary>Tokens (prompt + expected completion) per minute allowed to the LLM endpoint, shared likewise.</summary>
    [Range(1_000, 100_000_000)]
    public int TokensPerMinute { get; set; } = 800_000;

    /// <summary>Attempts per LLM call for 429, 5xx and timeouts, counting the first.</summary>
    [Range(1, 20)]
    public int MaxCallAttempts { get; set; } = 5;

    /// <summary>Rounds of follow-up batches for papers a reply left out or got wrong.</summary>
    [Range(0, 10)]
    public int MaxRepairRounds { get; set; } = 2;

    /// <summary>Abstracts are cut to this many characters in the prompt.</summary>
    [Range(200, 100_000)]
    public int MaxAbstractChars { get; set; } = 4000;

    /// <summary>Timeout of one LLM call; long generations need minutes, not the HTTP defaults' seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:30:00")]
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>Longest Retry-After honoured before a call gives up.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:30:00")]
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Ask for replies that follow a JSON schema (structured outputs); turn off for endpoints without it.</summary>
    public bool StructuredOutputs { get; set; } = true;

    [Range(1, 100_000)]
    public int MaxPapersPerRequest { get; set; } = 5000;

    /// <summary>How long verdicts stay in the Redis cache.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "3650.00:00:00")]
    public TimeSpan VerdictTtl { get; set; } = TimeSpan.FromDays(180);
}
