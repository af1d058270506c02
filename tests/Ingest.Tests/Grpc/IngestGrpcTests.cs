using ArxivDigest.Contracts.V1;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Grpc.Reflection.V1Alpha;

namespace ArxivDigest.Ingest.Tests.Grpc;

/// <summary>ListAnnouncements as a gRPC client sees it, over a channel to the in-process service.</summary>
public sealed class IngestGrpcTests(IngestApiFactory factory) : IClassFixture<IngestApiFactory>
{
    private readonly GrpcChannel channel = GrpcChannel.ForAddress(factory.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = factory.Server.CreateHandler() });

    private IngestService.IngestServiceClient Client => new(channel);

    [Fact]
    public async Task A_saved_day_is_listed_with_its_counts_and_clean_papers()
    {
        var response = await Client.ListAnnouncementsAsync(Request("2025-06-10", "cs.LG", "cs.AI"));

        Assert.Equal(("2025-06-10", 576, 728, 728, false, "replay"), (response.Date, response.Papers.Count, response.Scanned, response.TotalEntries, response.NoAnnouncement, response.Source));
        var paper = response.Papers.Single(p => p.ArxivId == "2506.07751");
        Assert.Equal("Augmenting LLMs' Reasoning by Reinforcing Abstract Thinking", paper.Title);
        Assert.Equal(["Silin Gao", "Antoine Bosselut", "Samy Bengio", "Emmanuel Abbe"], paper.Authors);
        Assert.Equal(1, paper.Version);
        Assert.Equal("2025-06-10", paper.AnnouncedOn);
        Assert.Equal(paper.PrimaryCategory, paper.Categories[0]);
        Assert.NotEqual(AnnounceType.Unspecified, paper.AnnounceType);
    }

    [Fact]
    public async Task Announce_type_filters_apply()
    {
        var request = Request("2025-06-10", "cs.LG");
        request.AnnounceTypes.Add(AnnounceType.Cross);

        var response = await Client.ListAnnouncementsAsync(request);

        Assert.Equal(161, response.Papers.Count);
        Assert.All(response.Papers, p => Assert.Equal(AnnounceType.Cross, p.AnnounceType));
    }

    [Fact]
    public async Task A_weekend_says_no_announcement()
    {
        var response = await Client.ListAnnouncementsAsync(Request("2025-06-08", "cs.LG"));

        Assert.True(response.NoAnnouncement);
        Assert.Empty(response.Papers);
        Assert.Equal("2025-06-08", response.Date);
    }

    [Theory]
    [InlineData("cs.lg", "categories", "'cs.lg' is not an arXiv category")]
    [InlineData("cs.LG,physics.nope", "categories", "'physics.nope' is not an arXiv category")]
    [InlineData("", "categories", "at least one arXiv category is required")]
    public async Task Bad_categories_are_invalid_arguments_naming_the_field(string categories, string field, string problem)
    {
        var request = Request("2025-06-10", categories.Split(',', StringSplitOptions.RemoveEmptyEntries));

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.ListAnnouncementsAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith(field + ":", error.Status.Detail);
        Assert.Contains(problem, error.Status.Detail);
    }

    [Theory]
    [InlineData("2025-13-01")]
    [InlineData("10/06/2025")]
    [InlineData("yesterday")]
    [InlineData("1900-01-01")]
    public async Task A_bad_date_is_an_invalid_argument_naming_the_field(string date)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.ListAnnouncementsAsync(Request(date, "cs.LG")).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains($"date: '{date}'", error.Status.Detail);
    }

    [Fact]
    public async Task An_unspecified_announce_type_is_an_invalid_argument()
    {
        var request = Request("2025-06-10", "cs.LG");
        request.AnnounceTypes.Add(AnnounceType.Unspecified);

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.ListAnnouncementsAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith("announce_types:", error.Status.Detail);
    }

    [Fact]
    public async Task A_day_that_was_not_saved_is_a_failed_precondition_that_says_what_exists()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.ListAnnouncementsAsync(Request("2025-06-11", "cs.LG")).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains("no saved feed for cs.LG on 2025-06-11", error.Status.Detail);
    }

    [Fact]
    public async Task Reflection_and_health_answer()
    {
        var health = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest());
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);

        using var call = new ServerReflection.ServerReflectionClient(channel).ServerReflectionInfo();
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = string.Empty });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Contains("arxivdigest.v1.IngestService", call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name));
    }

    private static ListAnnouncementsRequest Request(string date, params string[] categories)
    {
        var request = new ListAnnouncementsRequest { Date = date };
        request.Categories.AddRange(categories);
        return request;
    }
}
