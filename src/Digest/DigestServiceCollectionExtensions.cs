using ArxivDigest.Contracts.V1;
using ArxivDigest.Digest.Running;
using ArxivDigest.ServiceDefaults;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ArxivDigest.Digest;

public static class DigestServiceCollectionExtensions
{
    /// <summary>
    /// Registers the runner: its options (validated at start) and gRPC clients for the three
    /// services, found by name through service discovery (services:ingest:grpc:0 and so on). The
    /// generic HTTP resilience handler is removed from these clients: its 10 s / 30 s timeouts
    /// would cut the scoring stream; each call carries its own deadline instead.
    /// </summary>
    public static IHostApplicationBuilder AddDigestRunner(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DigestOptions>().BindConfiguration(DigestOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        AddClient<IngestService.IngestServiceClient>(builder, ResourceNames.Ingest);
        AddClient<ScoringService.ScoringServiceClient>(builder, ResourceNames.Scoring);
        AddClient<RenderService.RenderServiceClient>(builder, ResourceNames.Render);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<DigestRunner>();
        builder.Services.AddSingleton<RunReporter>();
        builder.Services.AddSingleton<RunGate>();
        return builder;
    }

    private static void AddClient<TClient>(IHostApplicationBuilder builder, string service) where TClient : class
    {
#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers is marked experimental.
        builder.Services.AddGrpcClient<TClient>(o => o.Address = new Uri($"http://_{ResourceNames.GrpcEndpoint}.{service}"))
            .RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
    }
}
