using System.Text.Json;
using Aspire.Hosting.Testing;
using ArxivDigest.TestSupport;
using Microsoft.Playwright;

namespace ArxivDigest.EndToEnd.Tests;

/// <summary>What an operator sees in the Aspire dashboard after a run: one trace across the processes, and the cost metrics.</summary>
[Collection(DigestAppCollection.Name)]
public sealed class TelemetryTests(DigestAppFixture fixture)
{
    private Uri Dashboard => fixture.App.GetEndpoint("aspire-dashboard", "http");

    [Fact]
    public async Task One_trace_spans_the_runner_ingest_scoring_with_its_llm_calls_and_render()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        HashSet<string> services;
        List<string> spanNames;
        while (true)
        {
            (services, spanNames) = FindRunTrace(JsonDocument.Parse(await http.GetStringAsync(new Uri(Dashboard, "/api/telemetry/traces"))).RootElement);
            if (services.SetEquals(["digest", "ingest", "scoring", "render"]) && spanNames.Any(n => n.StartsWith("chat ", StringComparison.Ordinal)))
            {
                break;
            }

            Assert.True(DateTime.UtcNow < deadline, $"no run trace with all four services within 60 s; last seen: {string.Join(", ", services)}");
            await Task.Delay(1000);
        }

        Assert.Contains("digest.run", spanNames);
        Assert.Contains("ingest.fetch", spanNames);
        Assert.Contains("arxivdigest.v1.RenderService/RenderDigest", spanNames);
    }

    [Fact]
    public async Task The_dashboard_shows_the_cost_metric()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });

        await page.GotoAsync(new Uri(Dashboard, "/metrics/resource/scoring?meter=ArxivDigest.Scoring&instrument=arxivdigest.scoring.cost&duration=15").AbsoluteUri);
        var cost = page.GetByText("arxivdigest.scoring.cost").First;
        await cost.WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });

        Assert.True(await cost.IsVisibleAsync());
        Assert.True(await page.GetByText("arxivdigest.scoring.prompt_tokens").First.IsVisibleAsync());
        var folder = Path.Combine(Fixtures.RepositoryRoot, "TestResults", "screenshots");
        Directory.CreateDirectory(folder);
        await page.WaitForTimeoutAsync(2000);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, "dashboard-cost-metric.png") });
    }

    // The trace whose root is the runner's "digest.run" and that holds LLM calls: which services
    // sent spans to it, and the span names.
    private static (HashSet<string> Services, List<string> Spans) FindRunTrace(JsonElement root)
    {
        var spans = new List<(string Service, string Trace, string Name)>();
        foreach (var resource in root.GetProperty("data").GetProperty("resourceSpans").EnumerateArray())
        {
            var service = resource.GetProperty("resource").GetProperty("attributes").EnumerateArray()
                .Where(a => a.GetProperty("key").GetString() == "service.name")
                .Select(a => a.GetProperty("value").GetProperty("stringValue").GetString()!)
                .FirstOrDefault() ?? "?";
            foreach (var scope in resource.GetProperty("scopeSpans").EnumerateArray())
            {
                foreach (var span in scope.GetProperty("spans").EnumerateArray())
                {
                    spans.Add((service, span.GetProperty("traceId").GetString()!, span.GetProperty("name").GetString()!));
                }
            }
        }

        var runTraces = spans.Where(s => s.Name == "digest.run").Select(s => s.Trace).ToHashSet();
        var trace = spans.Where(s => runTraces.Contains(s.Trace)).GroupBy(s => s.Trace)
            .OrderByDescending(g => g.Any(s => s.Name.StartsWith("chat ", StringComparison.Ordinal)))
            .ThenByDescending(g => g.Select(s => s.Service).Distinct().Count())
            .FirstOrDefault();
        return trace is null
            ? ([], [])
            : (trace.Select(s => s.Service).ToHashSet(), trace.Select(s => s.Name).Distinct().ToList());
    }
}
