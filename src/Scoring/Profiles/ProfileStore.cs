using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace ArxivDigest.Scoring.Profiles;

/// <summary>
/// Loads every profile folder under Scoring:ProfilesDirectory once, at start. A folder is a
/// profile when it has the five prompt parts; a broken one stops the service with its problem named.
/// </summary>
public sealed class ProfileStore
{
    public const string DefaultName = "default";

    /// <summary>The prompt parts, by file name.</summary>
    public static readonly string[] PartFiles = ["system.md", "topics.md", "criteria.md", "title-filter.md", "abstract-scoring.md"];

    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private readonly Dictionary<string, CriteriaProfile> profiles;

    public ProfileStore(IOptions<ScoringOptions> options)
    {
        Directory = Path.GetFullPath(options.Value.ProfilesDirectory ?? Path.Combine(AppContext.BaseDirectory, "Profiles"));
        if (!System.IO.Directory.Exists(Directory))
        {
            throw new ProfileException($"Scoring:ProfilesDirectory '{Directory}' does not exist.");
        }

        profiles = System.IO.Directory.EnumerateDirectories(Directory)
            .Select(Load)
            .ToDictionary(p => p.Name, StringComparer.Ordinal);
        if (profiles.Count == 0)
        {
            throw new ProfileException($"Scoring:ProfilesDirectory '{Directory}' holds no profile folder.");
        }
    }

    public string Directory { get; }

    public IReadOnlyCollection<string> Names => profiles.Keys;

    /// <summary>The named profile; empty means "default".</summary>
    public bool TryGet(string? name, out CriteriaProfile profile) =>
        profiles.TryGetValue(string.IsNullOrWhiteSpace(name) ? DefaultName : name.Trim(), out profile!);

    private static CriteriaProfile Load(string folder)
    {
        var name = Path.GetFileName(folder);
        var parts = new List<string>();
        foreach (var file in PartFiles)
        {
            var path = Path.Combine(folder, file);
            if (!File.Exists(path))
            {
                throw new ProfileException($"Profile '{name}' has no {file} (expected in {folder}).");
            }

            var text = File.ReadAllText(path).Trim();
            if (text.Length == 0)
            {
                throw new ProfileException($"Profile '{name}': {file} is empty.");
            }

            parts.Add(text.ReplaceLineEndings("\n"));
        }

        var settings = LoadSettings(name, Path.Combine(folder, "profile.json"));
        var authorsPath = Path.Combine(folder, "authors.txt");
        var authors = File.Exists(authorsPath)
            ? File.ReadAllLines(authorsPath).Select(a => a.Trim()).Where(a => a.Length > 0 && !a.StartsWith('#')).ToList()
            : [];

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\u0000", parts))))[..16];
        return new CriteriaProfile(name, parts[0], parts[1], parts[2], parts[3], parts[4], authors, settings, hash);
    }

    private static ProfileSettings LoadSettings(string name, string path)
    {
        if (!File.Exists(path))
        {
            return new ProfileSettings();
        }

        ProfileSettings? settings;
        try
        {
            settings = JsonSerializer.Deserialize<ProfileSettings>(File.ReadAllText(path), Json);
        }
        catch (JsonException ex)
        {
            throw new ProfileException($"Profile '{name}': {path} is not valid JSON ({ex.Message}).");
        }

        settings ??= new ProfileSettings();
        var errors = new List<ValidationResult>();
        if (!Validator.TryValidateObject(settings, new ValidationContext(settings), errors, validateAllProperties: true))
        {
            throw new ProfileException($"Profile '{name}': {string.Join("; ", errors.Select(e => e.ErrorMessage))} (in {path}).");
        }

        return settings;
    }
}
