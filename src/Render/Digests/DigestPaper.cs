namespace ArxivDigest.Render.Digests;

/// <summary>A selected paper as the digest shows it.</summary>
public sealed record DigestPaper(
    string Id,
    int Version,
    string Title,
    IReadOnlyList<string> Authors,
    string Abstract,
    IReadOnlyList<string> Categories,
    string PrimaryCategory,
    string ArxivComments,
    DigestVerdict Verdict)
{
    public string AbsUrl => $"https://arxiv.org/abs/{Id}";

    public string PdfUrl => $"https://arxiv.org/pdf/{Id}";
}
