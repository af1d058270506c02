namespace ArxivDigest.Render.Digests;

/// <summary>Why a paper is in the digest and how it was judged.</summary>
public sealed record DigestVerdict(bool AuthorMatch, int Relevance, int Novelty, double Score, string Comment, bool FromCache);
