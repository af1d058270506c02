namespace ArxivDigest.Ingest.Sources;

/// <summary>The configured source cannot serve the requested day at all.</summary>
public sealed class DayNotServedException(string message) : Exception(message);
