namespace ArxivDigest.TestSupport;

/// <summary>
/// Where the real arXiv data lives: <c>../shared/fixtures</c> beside the repository (CI lays it
/// there), or ARXIVDIGEST_SHARED when set. It is read at run time, never copied into the repo.
/// </summary>
public static class Fixtures
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string SharedRoot { get; } =
        Environment.GetEnvironmentVariable("ARXIVDIGEST_SHARED") is { Length: > 0 } shared
            ? Path.GetFullPath(shared)
            : Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));

    public static string ArxivFolder => Require(Path.Combine(SharedRoot, "fixtures", "arxiv"));

    public static string DigestsFolder => Require(Path.Combine(SharedRoot, "fixtures", "digests"));

    public static string Listing(string date) => Require(Path.Combine(ArxivFolder, $"listing-cs.LG+cs.AI-{date}.jsonl"));

    private static string Require(string path) =>
        File.Exists(path) || Directory.Exists(path)
            ? path
            : throw new FileNotFoundException($"Fixture '{path}' is missing: the tests expect the shared folder beside the repository (or ARXIVDIGEST_SHARED).");

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ArxivDigest.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"ArxivDigest.sln not found above {AppContext.BaseDirectory}.");
    }
}
