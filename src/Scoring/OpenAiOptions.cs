using System.ComponentModel.DataAnnotations;

namespace ArxivDigest.Scoring;

/// <summary>The "OpenAI" configuration section. The key is not here: it is read from OPENAI_API_KEY only.</summary>
public sealed class OpenAiOptions
{
    public const string Section = "OpenAI";

    /// <summary>Any OpenAI-compatible endpoint (Azure OpenAI, vLLM, Ollama...); empty means OpenAI's own.</summary>
    [Url]
    public string? Endpoint { get; set; }

    /// <summary>Model used unless the profile names one.</summary>
    [Required]
    public string Model { get; set; } = "gpt-4o";
}
