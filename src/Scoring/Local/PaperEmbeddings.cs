namespace ArxivDigest.Scoring.Local;

/// <summary>Papers' embeddings in every view, read from the cache where present, computed and cached otherwise.</summary>
public sealed class PaperEmbeddings(TextEmbedder embedder, EmbeddingCache cache)
{
    public async Task<PaperVectors[]> GetAsync(IReadOnlyList<(string Id, int Version, string Title, string Abstract)> papers, CancellationToken cancellationToken)
    {
        var fields = papers.Select(p => EmbeddingCache.Field(p.Id, p.Version)).ToList();
        var views = new Dictionary<EmbeddingView, float[][]>();
        foreach (var view in EmbeddingView.All)
        {
            var vectors = await cache.GetAsync(view, fields);
            var missing = Enumerable.Range(0, papers.Count).Where(i => vectors[i] is null).ToList();
            if (missing.Count > 0)
            {
                var fresh = embedder.Embed(view, missing.Select(i => (papers[i].Title, papers[i].Abstract)).ToList(), cancellationToken);
                for (var k = 0; k < missing.Count; k++)
                {
                    vectors[missing[k]] = fresh[k];
                }

                await cache.SetAsync(view, missing.Select((i, k) => (fields[i], fresh[k])).ToList());
            }

            views[view] = vectors!;
        }

        return Enumerable.Range(0, papers.Count)
            .Select(i => new PaperVectors(views[EmbeddingView.Head][i], views[EmbeddingView.Full][i], views[EmbeddingView.Title][i]))
            .ToArray();
    }
}
