extern alias ScoringServer;

using ArxivDigest.Scoring.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ScoringServer::ArxivDigest.Scoring;

namespace ArxivDigest.Scoring.Tests.Local;

/// <summary>A local-judge setting out of range stops the service at start, naming the setting.</summary>
public sealed class LocalJudgeSettingsTests
{
    [Theory]
    [InlineData("MaxTrainingPapers", "5")]
    [InlineData("MaxHistory", "10")]
    [InlineData("EmbeddingTtl", "00:00:01")]
    [InlineData("CriteriaL2", "-1")]
    [InlineData("PrefilterKeepShare", "2")]
    public async Task An_out_of_range_setting_stops_the_service_naming_it(string setting, string value)
    {
        using var profiles = new TestProfiles();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection([new("Scoring:ProfilesDirectory", profiles.Path), new($"LocalJudge:{setting}", value)]);
        builder.AddScoringServices();
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(error.Failures, f => f.Contains(setting, StringComparison.Ordinal));
    }
}
