using System.ComponentModel.DataAnnotations;

namespace ArxivDigest.Scoring.Profiles;

/// <summary>A profile's settings, from its profile.json.</summary>
public sealed class ProfileSettings
{
    public string? Description { get; set; }

    /// <summary>Model for this profile; null uses OpenAI:Model.</summary>
    public string? Model { get; set; }

    [Range(1, 10)]
    public int RelevanceCutoff { get; set; } = 8;

    [Range(1, 10)]
    public int NoveltyCutoff { get; set; } = 7;

    [Range(1, 100)]
    public int AbstractBatchSize { get; set; } = 8;

    [Range(1, 500)]
    public int TitleBatchSize { get; set; } = 40;

    public bool TitleFilter { get; set; } = true;
}
