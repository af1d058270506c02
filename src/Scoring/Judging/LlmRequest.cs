namespace ArxivDigest.Scoring.Judging;

/// <summary>One chat completion to make: the prompts, the stage it serves and the reply schema.</summary>
public sealed record LlmRequest(
    string Model,
    string Profile,
    string Stage,
    string SystemPrompt,
    string UserPrompt,
    int BatchSize,
    int MaxOutputTokens,
    string SchemaName,
    BinaryData Schema);
