using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using ArxivDigest.Scoring.Tests.Support;
using ArxivDigest.TestSupport;
using ArxivDigest.TestSupport.FakeOpenAi;

namespace ArxivDigest.Scoring.Tests.Grpc;

/// <summary>What an operator sees: a span per LLM call with the GenAI attributes, and token and cost metrics.</summary>
public sealed class ScoringTelemetryTests
{
    private const string Model = "telemetry-test-model";

    [Fact]
    public async Task Each_llm_call_is_a_span_and_tokens_and_dollars_are_counted_by_model_profile_and_stage()
    {
        var spans = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "ArxivDigest.Scoring",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Add,
        };
        ActivitySource.AddActivityListener(listener);
        var measurements = new ConcurrentBag<(string Instrument, double Value, Dictionary<string, object?> Tags)>();
        using var meters = new MeterListener();
        meters.InstrumentPublished = (instrument, l) => { if (instrument.Meter.Name == "ArxivDigest.Scoring") l.EnableMeasurementEvents(instrument); };
        meters.SetMeasurementEventCallback<long>((i, v, tags, _) => measurements.Add((i.Name, v, ToDictionary(tags))));
        meters.SetMeasurementEventCallback<double>((i, v, tags, _) => measurements.Add((i.Name, v, ToDictionary(tags))));
        meters.Start();

        await using var llm = await FakeOpenAiServer.StartAsync();
        using var profiles = new TestProfiles(p => { p["titleFilter"] = false; p["abstractBatchSize"] = 5; });
        await using var app = new ScoringApp(llm, null, profiles.Path,
            ("OpenAI:Model", Model), ("Pricing:telemetry-test-model:Input", "2"), ("Pricing:telemetry-test-model:CachedInput", "1"), ("Pricing:telemetry-test-model:Output", "8"));

        var (_, usage) = await app.ScoreAsync(ScoringApp.Day("2025-06-10", 10));

        var calls = spans.Where(s => Equals(s.GetTagItem("gen_ai.request.model"), Model)).ToList();
        Assert.Equal(2, calls.Count);
        Assert.All(calls, s =>
        {
            Assert.Equal($"chat {Model}", s.DisplayName);
            Assert.Equal("abstract", s.GetTagItem("arxivdigest.stage"));
            Assert.Equal(5, s.GetTagItem("arxivdigest.batch_size"));
            Assert.Equal(1, s.GetTagItem("arxivdigest.attempt"));
            Assert.Equal(ActivityStatusCode.Ok, s.Status);
        });
        Assert.Equal(usage.PromptTokens, calls.Sum(s => (long)s.GetTagItem("gen_ai.usage.input_tokens")!));
        Assert.Equal(usage.CompletionTokens, calls.Sum(s => (long)s.GetTagItem("gen_ai.usage.output_tokens")!));

        double Sum(string instrument) => measurements
            .Where(m => m.Instrument == instrument && Equals(m.Tags.GetValueOrDefault("gen_ai.request.model"), Model))
            .Sum(m => m.Value);
        Assert.Equal(usage.PromptTokens, Sum("arxivdigest.scoring.prompt_tokens"));
        Assert.Equal(usage.CachedPromptTokens, Sum("arxivdigest.scoring.cached_prompt_tokens"));
        Assert.Equal(usage.CompletionTokens, Sum("arxivdigest.scoring.completion_tokens"));
        Assert.Equal(usage.PromptCostUsd + usage.CompletionCostUsd, Sum("arxivdigest.scoring.cost"), 9);
        Assert.Equal(2, measurements.Count(m => m.Instrument == "arxivdigest.scoring.llm_latency" && Equals(m.Tags.GetValueOrDefault("gen_ai.request.model"), Model)));
    }

    private static Dictionary<string, object?> ToDictionary(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var result = new Dictionary<string, object?>();
        foreach (var tag in tags)
        {
            result[tag.Key] = tag.Value;
        }

        return result;
    }
}
