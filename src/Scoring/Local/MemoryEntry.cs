namespace ArxivDigest.Scoring.Local;

/// <summary>A labelled paper the model's neighbour members compare new papers with.</summary>
public sealed record MemoryEntry(string Id, int Version, bool Positive);
