namespace ArxivDigest.Scoring.Local;

/// <summary>What the learned model reads of a paper: its embeddings, its similarities to the criteria, and its categories (primary first).</summary>
public sealed record PaperSignals(string Id, int Version, PaperVectors Vectors, double[] Criteria, IReadOnlyList<string> Categories);
