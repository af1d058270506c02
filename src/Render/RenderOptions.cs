using System.ComponentModel.DataAnnotations;

namespace ArxivDigest.Render;

/// <summary>The "Render" configuration section.</summary>
public sealed class RenderOptions
{
    public const string Section = "Render";

    /// <summary>Folder that holds the digests and the archive (md/, json/, html/, latest.md).</summary>
    [Required]
    public string OutputRoot { get; set; } = "out";
}
