using System.ComponentModel.DataAnnotations;

namespace ArxivDigest.Ingest;

/// <summary>Where announcements come from.</summary>
public enum IngestSourceKind
{
    /// <summary>arXiv's RSS feeds (rss.arxiv.org): the latest announcement only.</summary>
    Rss,

    /// <summary>The arXiv API (export.arxiv.org): any past day, approximated by its submission window.</summary>
    Api,

    /// <summary>Saved feeds and fixture listings in <see cref="IngestOptions.ReplayDirectory"/>; no network.</summary>
    Replay,
}

/// <summary>The "Ingest" configuration section.</summary>
public sealed class IngestOptions
{
    public const string Section = "Ingest";

    public IngestSourceKind Source { get; set; } = IngestSourceKind.Rss;

    /// <summary>Folder served by the replay source: saved raw feeds and listing-*.jsonl files.</summary>
    public string? ReplayDirectory { get; set; }

    /// <summary>When set, every raw feed fetched is also saved here, one file per category and day.</summary>
    public string? ArchiveDirectory { get; set; }

    [Required, Url]
    public string RssBaseUrl { get; set; } = "https://rss.arxiv.org/rss/";

    [Required, Url]
    public string ApiBaseUrl { get; set; } = "http://export.arxiv.org/api/query";

    /// <summary>How long a dated raw feed stays in the Redis cache.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "365.00:00:00")]
    public TimeSpan FeedCacheTtl { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How long "the latest feed" stays cached; short, because arXiv announces every weekday evening.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan LatestFeedCacheTtl { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Least time between two arXiv API requests; arXiv's terms ask for 3 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan ApiRequestInterval { get; set; } = TimeSpan.FromSeconds(3);

    [Range(1, 2000)]
    public int ApiPageSize { get; set; } = 500;

    /// <summary>Timeout of one HTTP request to arXiv.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan FetchTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Attempts per request, counting the first; 429/503 and 5xx are retried.</summary>
    [Range(1, 10)]
    public int MaxFetchAttempts { get; set; } = 4;

    /// <summary>Longest wait that a Retry-After header is honoured for before the fetch gives up.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:30:00")]
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromMinutes(2);
}
