namespace ArxivDigest.Scoring.Local;

/// <summary>A paper as the local judge sees it: its embeddings in each <see cref="EmbeddingView"/>.</summary>
public sealed record PaperVectors(float[] Head, float[] Full, float[] Title)
{
    public float[] In(EmbeddingView view) => view == EmbeddingView.Head ? Head : view == EmbeddingView.Full ? Full : Title;
}
