extern alias ScoringServer;

using ArxivDigest.Contracts.V1;
using ArxivDigest.TestSupport;
using ArxivDigest.TestSupport.FakeOpenAi;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ScoringGrpcService = ScoringServer::ArxivDigest.Scoring.Grpc.ScoringGrpcService;

namespace ArxivDigest.Scoring.Tests.Support;

/// <summary>
/// The real Scoring service in process, its OpenAI SDK pointed at a fake OpenAI-compatible
/// server over HTTP, its cache a real redis-server, called over a gRPC channel.
/// </summary>
public sealed class ScoringApp : IAsyncDisposable
{
    /// <summary>A key-shaped secret that must never appear in a log line or a reply.</summary>
    public const string ApiKey = "sk-test-ZqSECRETkey0123456789";

    private readonly WebApplicationFactory<ScoringGrpcService> factory;
    private readonly GrpcChannel channel;

    public ScoringApp(FakeOpenAiServer llm, string? redis, string profilesFolder, params (string Key, string? Value)[] settings)
    {
        factory = new WebApplicationFactory<ScoringGrpcService>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("OPENAI_API_KEY", ApiKey);
            builder.UseSetting("OpenAI:Endpoint", llm.Endpoint);
            builder.UseSetting("Scoring:ProfilesDirectory", profilesFolder);
            builder.UseSetting("ConnectionStrings:cache", redis);
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureServices(services => services.AddLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace)));
        });
        channel = GrpcChannel.ForAddress(factory.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = factory.Server.CreateHandler() });
        Client = new ScoringService.ScoringServiceClient(channel);
    }

    public LogCapture Logs { get; } = new();

    public ScoringService.ScoringServiceClient Client { get; }

    public IServiceProvider Services => factory.Services;

    /// <summary>A handler into the in-process server, for other gRPC clients (health, reflection).</summary>
    public HttpMessageHandler Handler => factory.Server.CreateHandler();

    public static IReadOnlyList<Paper> Day(string date, int count) =>
        ListingPaper.Load(date).Take(count).Select(ToPaper).ToList();

    /// <summary>Every paper of a labelled day, marked relevant when the reference's LLM picked it (digest-selected-DATE.json).</summary>
    public static RecordFeedbackRequest FeedbackFromPicks(string date)
    {
        using var picks = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(Fixtures.ArxivFolder, $"digest-selected-{date}.json")));
        var selected = picks.RootElement.EnumerateObject().Select(p => p.Name).ToHashSet();
        var request = new RecordFeedbackRequest();
        request.Items.AddRange(ListingPaper.Load(date).Select(p => new FeedbackItem { Paper = ToPaper(p), Relevant = selected.Contains(p.Id) }));
        return request;
    }

    public static Paper ToPaper(ListingPaper listed)
    {
        var paper = new Paper { ArxivId = listed.Id, Version = 1, Title = listed.Title, Abstract = listed.Abstract, PrimaryCategory = listed.PrimaryCategory };
        paper.Authors.AddRange(listed.Authors);
        paper.Categories.AddRange(listed.Categories);
        return paper;
    }

    public async Task<(List<PaperVerdict> Verdicts, Usage Usage)> ScoreAsync(IEnumerable<Paper> papers, string profile = "")
    {
        var request = new ScorePapersRequest { Profile = profile };
        request.Papers.AddRange(papers);
        using var call = Client.ScorePapers(request, deadline: DateTime.UtcNow.AddMinutes(2));
        var verdicts = new List<PaperVerdict>();
        Usage? usage = null;
        await foreach (var update in call.ResponseStream.ReadAllAsync())
        {
            Assert.Null(usage);
            if (update.UpdateCase == ScoreUpdate.UpdateOneofCase.Verdict)
            {
                verdicts.Add(update.Verdict);
            }
            else
            {
                usage = update.Usage;
            }
        }

        return (verdicts, usage ?? throw new Xunit.Sdk.XunitException("the stream ended without a Usage message"));
    }

    public async ValueTask DisposeAsync()
    {
        channel.Dispose();
        await factory.DisposeAsync();
    }
}
