using System.Net.Http.Json;
using ArxivDigest.ServiceDefaults;

namespace ArxivDigest.AppHost;

public static class ResourceBuilderExtensions
{
    /// <summary>Passes each named setting on to the resource when the AppHost has a value for it.</summary>
    public static IResourceBuilder<T> WithForwarded<T>(this IResourceBuilder<T> resource, ForwardedSettings settings, params string[] names)
        where T : IResourceWithEnvironment
    {
        foreach (var name in names)
        {
            if (settings[name] is { } value)
            {
                resource.WithEnvironment(name, value);
            }
        }

        return resource;
    }

    /// <summary>
    /// Gives the resource OPENAI_API_KEY as a secret parameter (hidden in the dashboard), when the
    /// AppHost has one; without it the Scoring service says it has no LLM judge.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithApiKey(this IResourceBuilder<ProjectResource> resource, IDistributedApplicationBuilder builder, ForwardedSettings settings)
    {
        if (settings["OPENAI_API_KEY"] is { } key)
        {
            var parameter = builder.AddParameter("openai-api-key", key, secret: true);
            resource.WithEnvironment("OPENAI_API_KEY", parameter);
        }

        return resource;
    }

    /// <summary>
    /// Gives the runner every Scoring replica as an address of the one "scoring" service
    /// (services__scoring__grpc__0, __1, ...), waiting for each.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithScoringReplicas(this IResourceBuilder<ProjectResource> runner, IReadOnlyList<IResourceBuilder<ProjectResource>> replicas)
    {
        for (var i = 0; i < replicas.Count; i++)
        {
            runner.WithEnvironment($"services__{ResourceNames.Scoring}__{ResourceNames.GrpcEndpoint}__{i}", replicas[i].GetEndpoint(ResourceNames.GrpcEndpoint))
                .WaitFor(replicas[i]);
        }

        return runner;
    }

    /// <summary>Adds "Run digest now" to the runner in the dashboard: it asks the runner to run the configured day.</summary>
    public static IResourceBuilder<ProjectResource> WithRunNowCommand(this IResourceBuilder<ProjectResource> runner)
    {
        var endpoint = runner.GetEndpoint(ResourceNames.HttpEndpoint);
        return runner.WithCommand("run-digest-now", "Run digest now", async context =>
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromHours(1) };
            using var response = await http.PostAsync(new Uri(new Uri(endpoint.Url), "/runs"), content: null, context.CancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return CommandResults.Success();
            }

            var body = await response.Content.ReadFromJsonAsync<RunReply>(context.CancellationToken);
            return CommandResults.Failure(body?.Message ?? $"HTTP {(int)response.StatusCode}");
        });
    }

    private sealed record RunReply(string? Message);
}
