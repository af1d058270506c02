extern alias RenderServer;

using ArxivDigest.Contracts.V1;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using RenderGrpcService = RenderServer::ArxivDigest.Render.Grpc.RenderGrpcService;

namespace ArxivDigest.Render.Tests.Support;

/// <summary>The real Render service in process, writing into a temporary output folder, called over gRPC.</summary>
public sealed class RenderApp : IAsyncDisposable
{
    private readonly WebApplicationFactory<RenderGrpcService> factory;
    private readonly GrpcChannel channel;

    public RenderApp()
    {
        factory = new WebApplicationFactory<RenderGrpcService>().WithWebHostBuilder(b => b.UseSetting("Render:OutputRoot", OutputRoot));
        channel = GrpcChannel.ForAddress(factory.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = factory.Server.CreateHandler() });
        Client = new RenderService.RenderServiceClient(channel);
    }

    public string OutputRoot { get; } = Directory.CreateTempSubdirectory("arxivdigest-out-").FullName;

    public RenderService.RenderServiceClient Client { get; }

    public string Output(params string[] parts) => Path.Combine([OutputRoot, .. parts]);

    public async ValueTask DisposeAsync()
    {
        channel.Dispose();
        await factory.DisposeAsync();
        Directory.Delete(OutputRoot, recursive: true);
    }
}
