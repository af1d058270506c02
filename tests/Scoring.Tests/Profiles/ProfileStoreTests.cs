extern alias ScoringServer;

using ArxivDigest.Scoring.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ScoringServer::ArxivDigest.Scoring;
using ScoringServer::ArxivDigest.Scoring.Profiles;

namespace ArxivDigest.Scoring.Tests.Profiles;

public sealed class ProfileStoreTests
{
    [Fact]
    public void The_shipped_default_profile_loads_with_the_seed_cutoffs()
    {
        using var profiles = new TestProfiles();

        Assert.True(Load(profiles.Path).TryGet("", out var profile));

        Assert.Equal("default", profile.Name);
        Assert.Equal((8, 7, true), (profile.Settings.RelevanceCutoff, profile.Settings.NoveltyCutoff, profile.Settings.TitleFilter));
        Assert.Contains("Mixture", profile.Topics, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_content_hash_follows_the_prompt_text_not_the_settings()
    {
        using var a = new TestProfiles();
        using var b = new TestProfiles(p => p["relevanceCutoff"] = 5);
        using var c = new TestProfiles();
        File.AppendAllText(Path.Combine(c.Folder(), "criteria.md"), "\nBe generous with novelty.");

        Assert.Equal(Hash(a), Hash(b));
        Assert.NotEqual(Hash(a), Hash(c));
    }

    [Fact]
    public void A_missing_prompt_part_names_the_profile_and_the_file()
    {
        using var profiles = new TestProfiles();
        File.Delete(Path.Combine(profiles.Folder(), "criteria.md"));

        var error = Assert.Throws<ProfileException>(() => Load(profiles.Path));

        Assert.Contains("Profile 'default' has no criteria.md", error.Message);
    }

    [Fact]
    public void Broken_settings_are_refused_with_the_file_named()
    {
        using var badJson = new TestProfiles();
        File.WriteAllText(Path.Combine(badJson.Folder(), "profile.json"), "{ relevanceCutoff: ");
        using var outOfRange = new TestProfiles(p => p["noveltyCutoff"] = 12);

        Assert.Contains("is not valid JSON", Assert.Throws<ProfileException>(() => Load(badJson.Path)).Message);
        Assert.Contains("NoveltyCutoff must be between 1 and 10", Assert.Throws<ProfileException>(() => Load(outOfRange.Path)).Message);
    }

    [Fact]
    public async Task A_broken_profile_stops_the_service_at_start()
    {
        using var profiles = new TestProfiles();
        File.WriteAllText(Path.Combine(profiles.Folder(), "system.md"), "   ");
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection([new("Scoring:ProfilesDirectory", profiles.Path)]);
        builder.AddScoringServices();
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Profile 'default': system.md is empty", Assert.Single(error.Failures));
    }

    private static ProfileStore Load(string folder) => new(Options.Create(new ScoringOptions { ProfilesDirectory = folder }));

    private static string Hash(TestProfiles profiles)
    {
        Load(profiles.Path).TryGet("default", out var profile);
        return profile.ContentHash;
    }
}
