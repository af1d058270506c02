namespace ArxivDigest.Scoring.Judging;

/// <summary>The OPENAI_API_KEY, held apart from every options object so no configuration dump shows it.</summary>
public sealed class LlmApiKey(string? value)
{
    public string? Value { get; } = string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public override string ToString() => Value is null ? "(not set)" : SecretRedactor.Mask;
}
