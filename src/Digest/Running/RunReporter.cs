using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace ArxivDigest.Digest.Running;

/// <summary>
/// Tells a person how the run went (a short summary on the console) and records it for the next
/// run: runs/DATE.json holds the outcome, so a failed day is visible and can be run again.
/// </summary>
public sealed partial class RunReporter(IOptions<DigestOptions> options, ILogger<RunReporter> logger)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter() },
    };

    public async Task ReportAsync(RunResult result, CancellationToken cancellationToken)
    {
        Console.WriteLine(Summary(result));
        if (result.Outcome == RunOutcome.Succeeded)
        {
            LogSucceeded(result.Date, result.Message);
        }
        else
        {
            LogFailed(result.Outcome.ToString(), result.Date, result.Message);
        }

        if (result.Date.Length == 0)
        {
            return;
        }

        var folder = Path.GetFullPath(options.Value.StateDirectory);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{result.Date}.json");
        var temp = path + ".tmp";
        await File.WriteAllTextAsync(temp, JsonSerializer.Serialize(new { result.Outcome, RecordedAt = DateTimeOffset.UtcNow, result.Date, result.Message, result.Papers, result.Selected, result.Failed, result.LlmCalls, result.CacheHits, result.PromptTokens, result.CachedPromptTokens, result.CompletionTokens, result.CostUsd, result.Judge, result.Model, ElapsedSeconds = result.Elapsed.TotalSeconds, result.Files }, Json), cancellationToken);
        File.Move(temp, path, overwrite: true);
    }

    public static string Summary(RunResult result)
    {
        var text = new StringBuilder();
        text.AppendLine(result.Outcome == RunOutcome.Succeeded ? $"== ArxivDigest {result.Date}: done" : $"== ArxivDigest {result.Date}: FAILED ({result.Outcome})");
        text.AppendLine(result.Message);
        if (result.Papers > 0)
        {
            var cost = result.CostUsd is { } usd ? usd.ToString("$0.00", CultureInfo.InvariantCulture) : "unknown";
            text.AppendLine(CultureInfo.InvariantCulture, $"papers {result.Papers}, selected {result.Selected}, failed {result.Failed}");
            text.AppendLine(CultureInfo.InvariantCulture, $"judge {(result.Judge == "local" ? "local (no LLM)" : result.Model)}: {result.LlmCalls} LLM calls, {result.CacheHits} cached verdicts, tokens {result.PromptTokens:N0} prompt ({result.CachedPromptTokens:N0} cached) + {result.CompletionTokens:N0} completion, cost {cost}");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"time {result.Elapsed.TotalSeconds:0.0} s");
        foreach (var file in result.Files ?? [])
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {file}");
        }

        return text.ToString().TrimEnd();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Run of {Date} succeeded: {Message}")]
    private partial void LogSucceeded(string date, string message);

    [LoggerMessage(Level = LogLevel.Error, Message = "Run {Outcome} for {Date}: {Message}")]
    private partial void LogFailed(string outcome, string date, string message);
}
