using System.Diagnostics;

namespace ArxivDigest.Digest;

/// <summary>The runner's trace source: one "digest.run" span is the root of a run's trace.</summary>
public static class DigestTelemetry
{
    public const string Name = "ArxivDigest.Digest";

    public static readonly ActivitySource Source = new(Name);
}
