extern alias IngestServer;

using IngestServer::ArxivDigest.Ingest;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ArxivDigest.Ingest.Tests.Support;

/// <summary>The Ingest service's real composition (AddIngestServices) with test configuration, without gRPC.</summary>
internal static class IngestTestHost
{
    public static IHost Create(params (string Key, string? Value)[] settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        builder.AddIngestServices();
        return builder.Build();
    }

    public static T Get<T>(this IHost host) where T : notnull => host.Services.GetRequiredService<T>();
}
