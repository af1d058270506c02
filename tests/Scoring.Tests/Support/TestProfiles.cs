using System.Text.Json.Nodes;
using ArxivDigest.TestSupport;

namespace ArxivDigest.Scoring.Tests.Support;

/// <summary>A profiles folder for one test: the shipped default profile, with settings changed as the test needs.</summary>
public sealed class TestProfiles : IDisposable
{
    public static readonly string Shipped = System.IO.Path.Combine(Fixtures.RepositoryRoot, "src", "Scoring", "Profiles", "default");

    public TestProfiles(Action<JsonObject>? settings = null, string name = "default")
    {
        var folder = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.EnumerateFiles(Shipped))
        {
            File.Copy(file, System.IO.Path.Combine(folder, System.IO.Path.GetFileName(file)));
        }

        var json = JsonNode.Parse(File.ReadAllText(System.IO.Path.Combine(folder, "profile.json")))!.AsObject();
        settings?.Invoke(json);
        File.WriteAllText(System.IO.Path.Combine(folder, "profile.json"), json.ToJsonString());
    }

    public string Path { get; } = Directory.CreateTempSubdirectory("arxivdigest-profiles-").FullName;

    public string Folder(string name = "default") => System.IO.Path.Combine(Path, name);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
