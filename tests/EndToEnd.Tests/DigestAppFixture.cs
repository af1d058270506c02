using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using ArxivDigest.ServiceDefaults;
using ArxivDigest.TestSupport;
using ArxivDigest.TestSupport.FakeOpenAi;

namespace ArxivDigest.EndToEnd.Tests;

/// <summary>
/// The real AppHost, started once for the test assembly (a start and stop costs ~20 s): Redis as
/// an executable, the three services and the runner as processes, the OpenAI endpoint pointed at
/// the fake OpenAI-compatible server, Ingest replaying the real day 2025-06-10.
/// </summary>
public sealed class DigestAppFixture : IAsyncLifetime
{
    public const string Date = "2025-06-10";

    public FakeOpenAiServer Llm { get; private set; } = null!;

    public DistributedApplication App { get; private set; } = null!;

    public string OutputRoot { get; } = Directory.CreateTempSubdirectory("arxivdigest-e2e-").FullName;

    /// <summary>The runner's record of its first run (the one at start).</summary>
    public JsonElement FirstRun { get; private set; }

    public async Task InitializeAsync()
    {
        Llm = await FakeOpenAiServer.StartAsync();
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
        [
            "OPENAI_API_KEY=sk-e2e-not-a-real-key",
            $"OpenAI:Endpoint={Llm.Endpoint}",
            "Ingest:Source=Replay",
            $"Ingest:ReplayDirectory={Fixtures.ArxivFolder}",
            $"Digest:Date={Date}",
            $"Render:OutputRoot={OutputRoot}",
            // The dashboard's telemetry API answers without a login token in this test.
            "ASPIRE_DASHBOARD_UNSECURED_ALLOW_ANONYMOUS=true",
        ], (options, _) => options.DisableDashboard = false);
        App = await builder.BuildAsync().WaitAsync(TimeSpan.FromMinutes(2));
        await App.StartAsync().WaitAsync(TimeSpan.FromMinutes(2));
        await App.ResourceNotifications.WaitForResourceHealthyAsync(ResourceNames.Digest).WaitAsync(TimeSpan.FromMinutes(2));

        var record = Path.Combine(OutputRoot, "runs", $"{Date}.json");
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (!File.Exists(record))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The runner's first run did not record {record} within 3 minutes.");
            }

            await Task.Delay(500);
        }

        FirstRun = JsonDocument.Parse(await File.ReadAllTextAsync(record)).RootElement.Clone();
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Llm.DisposeAsync();
        Directory.Delete(OutputRoot, recursive: true);
    }
}
