extern alias IngestServer;

using ArxivDigest.Ingest.Tests.Support;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ArxivDigest.Ingest.Tests.Sources;

/// <summary>A wrong setting stops the service at start with the setting named, never mid-run.</summary>
public sealed class IngestSettingsTests
{
    [Theory]
    [InlineData("/nonexistent/arxiv-days", "Ingest:ReplayDirectory '/nonexistent/arxiv-days' does not exist")]
    [InlineData(null, "Ingest:Source is Replay but Ingest:ReplayDirectory is not set")]
    public async Task Replay_needs_an_existing_folder(string? folder, string problem)
    {
        using var host = IngestTestHost.Create(("Ingest:Source", "Replay"), ("Ingest:ReplayDirectory", folder));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(error.Failures, f => f.Contains(problem));
    }

    [Theory]
    [InlineData("Ingest:Source", "Ftp", "Ingest:Source")]
    [InlineData("Ingest:ApiPageSize", "0", "ApiPageSize")]
    [InlineData("Ingest:RssBaseUrl", "not a url", "RssBaseUrl")]
    [InlineData("Ingest:MaxFetchAttempts", "50", "MaxFetchAttempts")]
    public async Task Out_of_range_settings_are_refused(string key, string value, string named)
    {
        using var host = IngestTestHost.Create((key, value));

        var error = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync());

        Assert.Contains(named, error.ToString());
    }
}
