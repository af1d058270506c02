using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ArxivDigest.AppHost;

/// <summary>
/// Copies the runner's run summaries (its plain console lines, not its log records) to the
/// AppHost's console, so whoever started the AppHost sees how each run went without opening
/// the dashboard.
/// </summary>
public static partial class RunnerConsoleEcho
{
    private static readonly string[] LogPrefixes = ["trce:", "dbug:", "info:", "warn:", "fail:", "crit:"];

    // "2026-12-04T17:17:26.5430000Z " and terminal colour codes around the runner's own text.
    [GeneratedRegex(@"^\S+Z |\x1B\[[0-9;]*m")]
    private static partial Regex Decoration();

    public static void Start(DistributedApplication app, string resourceName)
    {
        var logs = app.Services.GetRequiredService<ResourceLoggerService>();
        var notifications = app.Services.GetRequiredService<ResourceNotificationService>();
        var stopping = app.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        _ = Task.Run(async () =>
        {
            try
            {
                // Logs are kept per running instance ("digest-abc123"), not per resource name.
                string? instance = null;
                await foreach (var change in notifications.WatchAsync(stopping))
                {
                    if (change.Resource.Name == resourceName)
                    {
                        instance = change.ResourceId;
                        break;
                    }
                }

                var inSummary = false;
                await foreach (var batch in logs.WatchAsync(instance!).WithCancellation(stopping))
                {
                    foreach (var text in batch.Select(l => Decoration().Replace(l.Content, string.Empty)))
                    {
                        inSummary = text.StartsWith("== ArxivDigest", StringComparison.Ordinal)
                            || (inSummary && !LogPrefixes.Any(p => text.StartsWith(p, StringComparison.Ordinal)));
                        var progress = text.StartsWith("      Scored ", StringComparison.Ordinal) || text.Contains(" distinct papers (", StringComparison.Ordinal);
                        if (inSummary || progress)
                        {
                            Console.WriteLine($"[{resourceName}] {text.Trim()}");
                        }
                    }
                }
            }
            catch (OperationCanceledException)
            {
                // The AppHost is stopping.
            }
        });
    }
}
