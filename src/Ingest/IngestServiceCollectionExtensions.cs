using ArxivDigest.Ingest.Announcements;
using ArxivDigest.Ingest.Arxiv;
using ArxivDigest.Ingest.Caching;
using ArxivDigest.Ingest.Sources;
using ArxivDigest.ServiceDefaults;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ArxivDigest.Ingest;

public static class IngestServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Ingest service: options (validated at start), the optional Redis feed cache,
    /// the parsers, the configured announcement source and the lister.
    /// </summary>
    public static IHostApplicationBuilder AddIngestServices(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<IngestOptions>()
            .BindConfiguration(IngestOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<IngestOptions>, IngestOptionsValidator>();

        builder.AddOptionalRedisClient();
        services.AddSingleton(sp => new RawFeedCache(sp.GetService<IConnectionMultiplexer>(), sp.GetRequiredService<ILogger<RawFeedCache>>()));

        services.TryAddTimeProvider();
        services.AddSingleton<RssFeedParser>();
        services.AddSingleton<AtomFeedParser>();
        services.AddSingleton<FeedArchive>();
        services.AddSingleton<ApiRequestPacer>();
        // The fetcher's own arXiv-aware retries replace the generic resilience handler
        // (RemoveAllResilienceHandlers is marked experimental).
#pragma warning disable EXTEXP0001
        services.AddHttpClient<ArxivHttpFetcher>(ArxivHttpFetcher.ClientName, http =>
            {
                http.DefaultRequestHeaders.UserAgent.ParseAdd("ArxivDigest/1.0 (+https://github.com/arxivdigest)");
                // Per-attempt timeouts are the fetcher's own.
                http.Timeout = Timeout.InfiniteTimeSpan;
            })
            .RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001

        services.AddSingleton<RssAnnouncementSource>();
        services.AddSingleton<ArxivApiAnnouncementSource>();
        services.AddSingleton<ReplayAnnouncementSource>();
        services.AddSingleton<IAnnouncementSource>(sp => sp.GetRequiredService<IOptions<IngestOptions>>().Value.Source switch
        {
            IngestSourceKind.Api => sp.GetRequiredService<ArxivApiAnnouncementSource>(),
            IngestSourceKind.Replay => sp.GetRequiredService<ReplayAnnouncementSource>(),
            _ => sp.GetRequiredService<RssAnnouncementSource>(),
        });
        services.AddSingleton<AnnouncementLister>();
        services.AddHostedService<IngestStartupLog>();
        return builder;
    }

    private static void TryAddTimeProvider(this IServiceCollection services)
    {
        if (!services.Any(d => d.ServiceType == typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }
    }
}
