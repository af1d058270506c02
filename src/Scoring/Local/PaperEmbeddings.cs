namespace ArxivDigest.Scoring.Local;

/// <summary>Embeddings of papers (title + abstract), read from the cache where present, computed and cached otherwise.</summary>
public sealed class PaperEmbeddings(TextEmbedder embedder, EmbeddingCache cache)
{
    public async Task<float[][]> GetAsync(IReadOnlyList<(string Id, int Version, string Title, string Abstract)> papers, CancellationToken cancellationToken)
    {
        var fields = papers.Select(p => EmbeddingCache.Field(p.Id, p.Version)).ToList();
        var vectors = await cache.GetAsync(fields);
        var missing = Enumerable.Range(0, papers.Count).Where(i => vectors[i] is null).ToList();
        if (missing.Count > 0)
        {
            var fresh = embedder.Embed(missing.Select(i => Text(papers[i].Title, papers[i].Abstract)).ToList(), cancellationToken);
            for (var k = 0; k < missing.Count; k++)
            {
                vectors[missing[k]] = fresh[k];
            }

            await cache.SetAsync(missing.Select((i, k) => (fields[i], fresh[k])).ToList());
        }

        return vectors!;
    }

    // An empty abstract is judged on the title alone.
    private static string Text(string title, string @abstract) => @abstract.Length == 0 ? title : $"{title}. {@abstract}";
}
