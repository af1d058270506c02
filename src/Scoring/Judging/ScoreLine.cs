namespace ArxivDigest.Scoring.Judging;

/// <summary>One validated entry of an abstract-scoring reply.</summary>
public sealed record ScoreLine(string Id, int Relevance, int Novelty, string Comment);
