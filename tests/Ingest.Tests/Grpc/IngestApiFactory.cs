extern alias IngestServer;

using ArxivDigest.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using IngestGrpcService = IngestServer::ArxivDigest.Ingest.Grpc.IngestGrpcService;

namespace ArxivDigest.Ingest.Tests.Grpc;

/// <summary>The real Ingest service in process, replaying the saved days of shared/fixtures/arxiv.</summary>
public sealed class IngestApiFactory : WebApplicationFactory<IngestGrpcService>
{
    public string ReplayDirectory { get; init; } = Fixtures.ArxivFolder;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Ingest:Source", "Replay");
        builder.UseSetting("Ingest:ReplayDirectory", ReplayDirectory);
    }
}
