using ArxivDigest.Contracts.V1;
using ArxivDigest.Ingest.Tests.Support;
using ArxivDigest.TestSupport;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;

namespace ArxivDigest.Ingest.Tests.Grpc;

/// <summary>The service on real Kestrel sockets, gRPC over plain-text HTTP/2, as other processes call it.</summary>
public sealed class IngestOverKestrelTests
{
    [Fact]
    public async Task ListAnnouncements_answers_over_a_real_http2_connection()
    {
        var port = Ports.Free();
        await using var factory = new IngestApiFactory().WithWebHostBuilder(b =>
        {
            b.UseSetting("Kestrel:Endpoints:grpc:Url", $"http://127.0.0.1:{port}");
            b.UseSetting("Kestrel:Endpoints:http:Url", "http://127.0.0.1:0");
        });
        factory.UseKestrel();
        factory.StartServer();
        using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{port}");
        var request = new ListAnnouncementsRequest { Date = "2025-07-22" };
        request.Categories.Add("cs.AI");

        var response = await new IngestService.IngestServiceClient(channel).ListAnnouncementsAsync(request, deadline: DateTime.UtcNow.AddSeconds(30));

        Assert.Equal(ListingPaper.InCategory(ListingPaper.Load("2025-07-22"), "cs.AI").Count, response.Papers.Count);
    }

    [Fact]
    public async Task A_corrupt_saved_feed_is_data_loss_naming_the_file()
    {
        using var folder = new TempFolder();
        var path = folder.File("rss-cs.LG-2025-06-10.xml");
        await File.WriteAllTextAsync(path, "<rss version=\"2.0\"><channel><item><title>cut off");
        await using var factory = new IngestApiFactory { ReplayDirectory = folder.Path };
        using var channel = GrpcChannel.ForAddress(factory.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = factory.Server.CreateHandler() });
        var request = new ListAnnouncementsRequest { Date = "2025-06-10" };
        request.Categories.Add("cs.LG");

        var error = await Assert.ThrowsAsync<RpcException>(() => new IngestService.IngestServiceClient(channel).ListAnnouncementsAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.DataLoss, error.StatusCode);
        Assert.Contains(path, error.Status.Detail);
    }
}
