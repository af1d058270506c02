using Microsoft.Extensions.Configuration;

namespace ArxivDigest.AppHost;

/// <summary>
/// Settings the AppHost passes on to its resources, which do not inherit its environment. Each
/// is read from the AppHost's own configuration (environment variables or command line) under
/// its environment-variable name (<c>Ingest__Source</c>, read as <c>Ingest:Source</c>).
/// </summary>
public sealed class ForwardedSettings(IConfiguration configuration)
{
    public string? this[string environmentName] =>
        configuration[environmentName.Replace("__", ":", StringComparison.Ordinal)] is { Length: > 0 } value ? value : null;

    /// <summary>Scoring replicas, from the parameter scoring-replicas (Parameters__scoring-replicas); 1 by default.</summary>
    public int ScoringReplicas =>
        int.TryParse(configuration["Parameters:scoring-replicas"], out var count) && count >= 1 ? Math.Min(count, 16) : 1;

    /// <summary>Render__OutputRoot, by default out/ at the repository root, where the user looks for the digest.</summary>
    public string OutputRoot => this["Render__OutputRoot"] is { } root
        ? Path.GetFullPath(root)
        : Path.Combine(RepositoryRoot(), "out");

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ArxivDigest.sln")))
            {
                return dir.FullName;
            }
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ArxivDigest.sln")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
