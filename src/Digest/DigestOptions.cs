using System.ComponentModel.DataAnnotations;

namespace ArxivDigest.Digest;

/// <summary>The "Digest" configuration section (also set from the command line: --date, --categories, --profile).</summary>
public sealed class DigestOptions
{
    public const string Section = "Digest";

    /// <summary>Announcement date "YYYY-MM-DD"; empty: the latest announcement.</summary>
    [RegularExpression(@"^(\d{4}-\d{2}-\d{2})?$", ErrorMessage = "Digest:Date must be YYYY-MM-DD or empty (latest).")]
    public string? Date { get; set; }

    /// <summary>Comma-separated arXiv categories.</summary>
    [Required]
    public string Categories { get; set; } = "cs.LG,cs.AI";

    /// <summary>Criteria profile on the Scoring service; empty: "default".</summary>
    public string? Profile { get; set; }

    /// <summary>Keep running after the first run: serve "run now" requests and the daily schedule.</summary>
    public bool Serve { get; set; }

    /// <summary>Run once as soon as the runner starts.</summary>
    public bool RunAtStart { get; set; } = true;

    /// <summary>Daily run time "HH:mm" in <see cref="TimeZone"/>; empty: no schedule.</summary>
    [RegularExpression(@"^(([01]\d|2[0-3]):[0-5]\d)?$", ErrorMessage = "Digest:DailyAt must be HH:mm (24-hour) or empty.")]
    public string? DailyAt { get; set; }

    /// <summary>IANA time zone of <see cref="DailyAt"/>.</summary>
    public string TimeZone { get; set; } = "America/New_York";

    /// <summary>Share of papers whose verdict may be FAILED before the run is refused as misleading.</summary>
    [Range(0.0, 1.0)]
    public double MaxFailedShare { get; set; } = 0.05;

    /// <summary>Where each day's run outcome is recorded (runs/DATE.json).</summary>
    [Required]
    public string StateDirectory { get; set; } = "out/runs";

    [Range(typeof(TimeSpan), "00:00:05", "1.00:00:00")]
    public TimeSpan IngestTimeout { get; set; } = TimeSpan.FromMinutes(10);

    [Range(typeof(TimeSpan), "00:00:05", "1.00:00:00")]
    public TimeSpan ScoringTimeout { get; set; } = TimeSpan.FromHours(1);

    [Range(typeof(TimeSpan), "00:00:05", "1.00:00:00")]
    public TimeSpan RenderTimeout { get; set; } = TimeSpan.FromMinutes(5);

    public IReadOnlyList<string> CategoryList =>
        Categories.Split([',', ' ', '+'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
