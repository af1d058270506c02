using ArxivDigest.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ArxivDigest.Digest.Tests;

/// <summary>A real service process-in-a-test: its own Program on Kestrel, gRPC on a free port over plain HTTP/2.</summary>
public sealed class ServiceOnKestrel<TEntryPoint> : IAsyncDisposable where TEntryPoint : class
{
    private readonly WebApplicationFactory<TEntryPoint> factory;

    public ServiceOnKestrel(string contentRoot, IEnumerable<(string Key, string? Value)> settings)
    {
        var port = Ports.Free();
        GrpcUrl = $"http://127.0.0.1:{port}";
        factory = new WebApplicationFactory<TEntryPoint>().WithWebHostBuilder(builder =>
        {
            builder.UseContentRoot(contentRoot);
            builder.UseSetting("Kestrel:Endpoints:grpc:Url", GrpcUrl);
            builder.UseSetting("Kestrel:Endpoints:http:Url", "http://127.0.0.1:0");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        });
        factory.UseKestrel();
        factory.StartServer();
    }

    public string GrpcUrl { get; }

    public async ValueTask DisposeAsync() => await factory.DisposeAsync();
}
